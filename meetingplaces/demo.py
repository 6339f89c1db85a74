"""Demo content: the nine initiatives of seed 002 as meeting places, and the two support partners.

Facts, figures, challenges and quotes are as fixtures/initiatives.md gives them; addresses and
approximate coordinates come from fixtures/meetingplaces.csv. The seed gives no opening hours
(BeiHuis: "4 dagen per week", not which days), so every schedule here is example data and is
marked as such on the page, in the admin and in the open data. Accessibility facts are left
"not known": the seed says nothing about them.
"""

from datetime import date, time

from django.contrib.auth import get_user_model
from django.db import transaction

from neighbourhoods.models import NeighbourhoodPage
from tim.demo import DEMO_DOMAIN
from tim.models import Theme

from .models import (
    MeetingPlaceIndexPage,
    MeetingPlacePage,
    OpeningException,
    OpeningHours,
    PartnerOrganisation,
)

TUE_TO_FRI = [1, 2, 3, 4]
WEEKDAYS = [0, 1, 2, 3, 4]
CSV_NOTE = "Buurt en plek op de kaart zijn afgeleid uit openbare bronnen, niet uit het boekje. "

PLACES = [
    {
        "buurt": "brusselsepoort",
        "slug": "beihuis",
        "title": "BeiHuis",
        "organisation_name": "BeiHuis",
        "street_address": "Winkelcentrum Brusselse Poort",
        "postcode": "",
        "lat": "50.85200",
        "lon": "5.66600",
        "location_note": CSV_NOTE + "Huisnummer en postcode van BeiHuis zijn niet bekend. "
        "De plek op de kaart is het winkelcentrum (ongeveer 300 meter nauwkeurig).",
        "mission": "Een inloopplek in de buurt voor een gesprekje, een vraag of een activiteit. "
        "Samen met Buurtnetwerk Brusselsepoort, Universiteit met de Buurt en Stichting HARTwerkt.",
        "what_happens": "Gastvrouwen en gastheren ontvangen je met koffie en een luisterend oor. "
        "Ervaringsdeskundigen helpen bij herstel. Bezoekers bepalen zelf de activiteiten, zoals "
        "valpreventie, levensverhalen schrijven, Qi-gong, schilderen en het filosofie café.",
        "hours_note": "Het boekje zegt: open 4 dagen per week. Welke dagen staat er niet.",
        "hours": [(day, time(10), time(16)) for day in TUE_TO_FRI],
        "themes": ["ontmoeten", "vrijwillige-inzet", "gezondheid", "cultuur-en-creativiteit"],
        "figures": [
            ("15", "gastvrouwen-gastheren, technische ondersteuning en activiteitenbegeleiders"),
            ("20-50", "bezoekers per dag"),
        ],
        "challenges": ["Continuïteit in financiering van huur en activiteiten"],
        "quotes": [
            ("Het is een fijne plek. Je wordt hartelijk ontvangen met een praatje en koffie.", ""),
            (
                "Het is interessant dat je bij het filosofie café mensen tegenkomt met een "
                "andere kijk dan je zelf hebt.",
                "",
            ),
        ],
        "host_name": "Gastvrouwen en gastheren van BeiHuis",
        "other_partners": "Buurtnetwerk Brusselsepoort\nUniversiteit met de Buurt\n"
        "Stichting HARTwerkt",
        "owner": "initiatiefnemer",
    },
    {
        "buurt": "wyck",
        "slug": "boeken-voor-mensen",
        "title": "Boeken voor Mensen",
        "organisation_name": "Boeken voor Mensen",
        "street_address": "François de Veyestraat 8-B",
        "postcode": "6221 AB",
        "lat": "50.85100",
        "lon": "5.70300",
        "location_note": CSV_NOTE + "De buurt is afgeleid uit de postcode; het kan ook "
        "Sint Maartenspoort zijn.",
        "mission": "Draait om boeken en om mensen: een laagdrempelige tweedehands boeken- en "
        "lp-winkel die ook een ontmoetingsplek is.",
        "what_happens": "Boeken en lp's kopen voor weinig geld, elkaar ontmoeten, vrijwilliger "
        "worden. Ze vullen de minibiebs van Maastricht en hebben boeken voor kinderen en voor "
        "mensen die een andere taal spreken.",
        "cost": "Boeken kosten vooral € 1-3.",
        "hours": [(day, time(11), time(17)) for day in [1, 2, 3, 4, 5]],
        "themes": ["ontmoeten", "cultuur-en-creativiteit", "geldzaken", "vrijwillige-inzet"],
        "figures": [
            ("60", "vrijwilligers"),
            ("1000 m2", "boekenkelder"),
            ("ruim 1.000", "boeken per week; totaal 200.000 boeken en geluidsdragers"),
            ("€ 85.000", "gedoneerd in 2024"),
            ("meer dan 300.000", "hits op een Instagram Reel"),
        ],
        "challenges": [
            "Interne (ontmoetingsplek) en externe (samenwerking met derden) sociale functie "
            "versterken"
        ],
        "quotes": [
            ("The place to be voor liefhebbers van boeken en LP's…", ""),
            ("Dat ik dit niet wist!", ""),
        ],
    },
    {
        "buurt": "wittevrouwenveld",
        "slug": "dress-for-success",
        "title": "Dress for Success Maastricht",
        "organisation_name": "Dress for Success Maastricht",
        "street_address": "Voltastraat 38",
        "postcode": "6224 EM",
        "lat": "50.85450",
        "lon": "5.71400",
        "location_note": CSV_NOTE + "Er is ook een pop-upwinkel van 5 maanden in een wijk; "
        "welke wijk staat er niet.",
        "mission": "Gratis kleding voor een sollicitatiegesprek (die mag je houden) en praktische "
        "steun voor mensen met geldzorgen, zodat je met meer zelfvertrouwen op pad gaat.",
        "what_happens": "Kleding uitzoeken, coaching, Coffee&Work-workshops (kwaliteitenspel, "
        "jezelf presenteren, kleurenanalyse, sollicitatiegesprek oefenen) en werkervaring in de "
        "winkel.",
        "cost": "Gratis: de kleding mag je houden.",
        "hours": [(day, time(10), time(15)) for day in [0, 2, 4]],
        "themes": ["werk-en-talent", "geldzaken", "vrijwillige-inzet"],
        "figures": [
            ("25", "vrijwilligers"),
            ("225", "kleedklanten"),
            ("14", "workshops"),
            ("129", "deelnemers workshops"),
            ("90%", "succes bij sollicitatie (gemiddelde afgelopen 7 jaar)"),
            ("9,4", "klanttevredenheid"),
            ("27", "doorverwijzende organisaties"),
            ("18", "gemeenten waarin ze actief zijn"),
        ],
        "challenges": ["Meer klanten en meer doorverwijzers"],
        "quotes": [
            ("Leuke lieve mensen. Begripvol team met een hart van goud!", ""),
            ("Met open armen ontvangen. Zeer gastvrij!", ""),
        ],
    },
    {
        "buurt": "wittevrouwenveld",
        "slug": "werkhuis",
        "title": "Stichting Werkhuis Maastricht",
        "organisation_name": "Stichting Werkhuis Maastricht",
        "street_address": "Hunnenweg 4",
        "postcode": "6224 JP",
        "lat": "50.85400",
        "lon": "5.71500",
        "location_note": CSV_NOTE,
        "mission": "Een open, experimentele plek waar mensen door creativiteit en inclusiviteit "
        "elkaar en zichzelf ontmoeten en versterken.",
        "what_happens": "Keramiek, tekenen, schilderen, mozaïek, vilten, textiel, houtbewerking, "
        "het tuinplein, toneel, Nederlandse les (NT2) en een schrijfgroep.",
        "hours": [(day, time(9, 30), time(16, 30)) for day in WEEKDAYS]
        + [(1, time(19), time(21, 30))],
        "themes": ["cultuur-en-creativiteit", "ontmoeten", "inclusie-en-veiligheid"],
        "figures": [
            ("250", "deelnemers per week"),
            ("60", "vrijwilligers"),
            ("2", "coördinatoren"),
        ],
        "challenges": ["Continuïteit en met name duurzame financiering en huisvesting"],
        "quotes": [
            ("Het Werkhuis werkt en verbindt…", ""),
            ("Iedereen kan zijn verhaal kwijt omdat we vertrouwen hebben in elkaar.", ""),
        ],
    },
    {
        "buurt": "daalhof",
        "slug": "daalhoeve",
        "title": "Stichting Boerderij Daalhoeve",
        "organisation_name": "Stichting Boerderij Daalhoeve",
        "street_address": "Alesiahof 40",
        "postcode": "6215 SX",
        "lat": "50.84000",
        "lon": "5.65100",
        "location_note": "De plek op de kaart is het midden van Daalhof (ongeveer 300 meter "
        "nauwkeurig).",
        "mission": "Samen zorgen we voor elkaar. Iedereen doet mee: iedereen heeft een talent en "
        "draagt bij.",
        "what_happens": "Ontmoeting, zorg, groen, dieren, horeca, recreatie en educatie. "
        "Informatieborden en speurtochten, elk jaar meerdere evenementen; andere organisaties "
        "komen er samen.",
        "hours": [(day, time(9), time(17)) for day in range(7)],
        "themes": ["groen-dieren-leefomgeving", "ontmoeten", "gezondheid", "jeugd-en-school"],
        "figures": [
            ("13", "medewerkers"),
            ("110", "deelnemers (zorgboerderij en algemene voorziening)"),
            ("90.000", "bezoekers"),
            ("20", "stagiaires per jaar (gemiddeld)"),
            ("€ 1.357.410", "begroting 2025"),
        ],
        "challenges": [
            "Liquiditeit in de financiën",
            "Gevoelig voor onverwachte, externe omstandigheden",
            "Onderhoud gebouw/terrein en verduurzaming",
        ],
        "quotes": [
            ("Een boerderij midden in de stad, waar vind je dat nog?", "Een vrijwilliger"),
            (
                "Dieren oordelen niet, maar bieden onze zoon de rust als hij dat nodig heeft.",
                "Ouder van een deelnemer",
            ),
        ],
    },
    {
        "buurt": "de-heeg",
        "slug": "kinderboerderij-de-heeg",
        "title": "Kinder- en zorgboerderij De Heeg",
        "organisation_name": "Kinder- en zorgboerderij De Heeg",
        "street_address": "Maastrichterweg 2b",
        "postcode": "6228 XT",
        "lat": "50.82150",
        "lon": "5.71500",
        "location_note": CSV_NOTE + "De plek ligt aan de rand van de buurt; het kan ook "
        "Heer/Vroendaal zijn.",
        "mission": "Een natuurlijke plek dicht bij huis om tot rust te komen, tegen eenzaamheid. "
        "Een veilige plek om te ontspannen en te werken voor mensen met een afstand tot werk of "
        "een beperking. Iedereen is welkom.",
        "what_happens": "Dagbesteding, bezoek van basisscholen, stages en op zondag een ponyritje.",
        "hours": [(day, time(10), time(17)) for day in range(7)],
        "themes": ["groen-dieren-leefomgeving", "ontmoeten", "werk-en-talent", "jeugd-en-school"],
        "figures": [
            ("14.000", "bezoekers per jaar"),
            ("39", "deelnemers per week"),
            ("18", "personen per week voor dagbesteding vanuit Levanto (gemiddeld)"),
        ],
        "challenges": ["Duurzame financiering", "Voldoende vrijwilligers", "Beheer terrein"],
        "quotes": [
            (
                "De werkplek op de boerderij, geeft me houvast en voor mij belangrijk ritme.",
                "Ruben",
            ),
            ("Op zondag kom ik soms een ponyritje maken.", "Jamie, 7 jaar"),
        ],
    },
    *[
        {
            "buurt": buurt,
            "slug": slug,
            "title": f"SMILE043 – {name}",
            "organisation_name": "Stichting SMILE043",
            "street_address": name,
            "postcode": "",
            "lat": lat,
            "lon": lon,
            "location_note": note,
            "mission": "Wij verbinden mensen: met SPORT, MEET, INTEGRATION, LIFESTYLE en ENJOY. "
            "SMILE043 sport op meerdere plekken, ook met dansen in het park in diverse wijken.",
            "what_happens": "Sporten en bewegen, elkaar ontmoeten, gezond eten. Voor iedereen, "
            "ook voor ouderen, mensen die zich eenzaam voelen en mensen zonder werk.",
            "hours": hours,
            "themes": ["sport-en-bewegen", "ontmoeten", "inclusie-en-veiligheid", "gezondheid"],
            "figures": [
                ("34", "vrijwilligers"),
                ("17.351", "deelnames"),
                ("51", "activiteiten"),
                ("88", "netwerkpartners"),
            ],
            "challenges": [
                "Duurzaamheid organisatie",
                "Financiering",
                "Vrijwilligersbestand",
                "Werving deelnemers",
            ],
            "quotes": [],
            "other_partners": "RKHSV\nPLUS-Franssen",
        }
        for buurt, slug, name, lat, lon, note, hours in [
            (
                "heugem",
                "smile043-sportpark-heugem",
                "Sportpark Heugem",
                "50.82900",
                "5.70600",
                CSV_NOTE + "Adres en postcode van het sportpark zijn niet bekend.",
                [(1, time(18), time(21)), (3, time(18), time(21)), (5, time(9, 30), time(12))],
            ),
            (
                "heugem",
                "smile043-vitala-maasveld",
                "Vitala+ / Maasveld",
                None,
                None,
                "Het boekje noemt alleen de naam. Adres, postcode en buurt zijn niet bekend: "
                "de buurt is een schatting.",
                [(2, time(10), time(12))],
            ),
            (
                "randwyck",
                "smile043-um-sports",
                "UM Sports",
                None,
                None,
                "Het boekje noemt alleen de naam. Adres en postcode staan er niet; de buurt is "
                "een schatting.",
                [(4, time(17), time(19))],
            ),
        ]
    ],
    {
        "buurt": "mariaberg",
        "slug": "lefteam",
        "title": "Stichting LEFteam, regio Zuid-Limburg",
        "organisation_name": "Stichting LEFteam",
        "street_address": "Elisabeth Strouvenlaan 51A",
        "postcode": "",
        "lat": "50.84750",
        "lon": "5.67700",
        "location_note": CSV_NOTE + "De postcode is niet bekend. Het gebouw ligt aan de rand "
        "van Blauwdorp; het kan ook net in Brusselsepoort liggen. LEFteam heeft ook een "
        "vestiging in Weert.",
        "mission": "Jongeren vanaf 16 jaar mogen niet tussen wal en schip vallen: thuiszitten is "
        "géén optie. We kijken naar wat ze wél kunnen.",
        "what_happens": "Talentontdekkingsreizen voor jongeren, met vrijwilligers en stagiaires.",
        "hours": [(day, time(9), time(17)) for day in WEEKDAYS],
        "themes": ["jeugd-en-school", "werk-en-talent", "inclusie-en-veiligheid"],
        "figures": [
            ("41", "talentontdekkingsreizen"),
            ("26% / 42% / 32%", "leeftijd: jonger dan 18 / tot 23 / ouder dan 23 jaar"),
            ("45%", "volgende stap: onderwijs"),
            ("19%", "volgende stap: arbeid"),
            ("20", "vrijwilligers"),
            ("5", "stagiaires"),
            ("1", "werknemer"),
        ],
        "challenges": [
            "Huur en energiekosten",
            "Late ontvangst subsidiebeschikkingen",
            "Communicatie en dossieroverdracht",
        ],
        "quotes": [
            (
                "Thuiszitten is geen optie voor mij. Ik wil vooruit, en bij LEFteam kijken ze "
                "naar wat ik wél kan.",
                "Melvin, 21 jaar",
            ),
            ("Bij LEFteam kon ik eindelijk gewoon mezelf zijn.", "K, 18 jaar"),
        ],
    },
    {
        "buurt": "de-heeg",
        "slug": "velorium",
        "title": "Velorium Outdoor Sport & Bikepark",
        "organisation_name": "Velorium Outdoor Sport & Bikepark",
        "street_address": "Maastrichterweg 7",
        "postcode": "6228 XT",
        "lat": "50.82100",
        "lon": "5.71600",
        "location_note": CSV_NOTE + "De plek ligt aan de rand van de buurt; het kan ook "
        "Heer/Vroendaal zijn.",
        "mission": "Mission possible: iedereen op de fiets. Een stichting zonder winstoogmerk die "
        "jongeren een veilige, uitdagende plek geeft voor buitensport en een gemeenschap.",
        "what_happens": "Fiets- en verkeerslessen voor alle leeftijden, fietsen voor nieuwkomers, "
        "bewegen en elkaar ontmoeten. Er is een kantine. Fietsen als afspiegeling van het ECHTE "
        "leven, met vallen en opstaan.",
        "hours": [(2, time(13), time(18)), (5, time(10), time(18)), (6, time(10), time(18))],
        "themes": ["sport-en-bewegen", "jeugd-en-school", "inclusie-en-veiligheid", "ontmoeten"],
        "figures": [
            ("10.000", "bezoekers in 2024"),
            ("10-15", "vrijwilligers per week"),
            ("3-5", "studenten per week"),
            ("60-80", "lessen per maand aan immigranten en buitenlandse studenten"),
            ("30-50", "lessen per week aan kinderen (gemiddeld)"),
            ("5", "lessen voor elke basisschool in Maastricht"),
        ],
        "challenges": [],
        "quotes": [],
    },
]

PARTNERS = [
    {
        "slug": "trajekt",
        "name": "Trajekt Maastricht",
        "description": "Een welzijnsorganisatie die in veel buurten werkt. Geen inloopplek, "
        "maar een partner die initiatieven en bewoners steunt.",
        "supports": "Sociale basis versterken = ook sociale basis ondersteunen. Waarden: "
        "toegankelijkheid, vertrouwen, samen vooruit.",
        "area": "Actief in 19 buurten (welke, staat niet in de bron).",
        "address": "Elisabeth Strouvenlaan 51A, Maastricht",
        "figures": [
            ("550", "geregistreerde vrijwilligers"),
            ("139", "medewerkers"),
            ("8,5 miljoen", "budget"),
            ("19", "buurten waarin Trajekt actief is"),
        ],
    },
    {
        "slug": "maastricht-vitale-stad",
        "name": "Maastricht Vitale Stad",
        "description": "Steunt bewonersinitiatieven in de hele stad en doet mee aan Burgerlab "
        "Maastricht.",
        "supports": "Sociale basis versterken = ook sociale basis ondersteunen. Waarden: "
        "toegankelijkheid, vertrouwen, samen vooruit.",
        "area": "De hele stad",
        "address": "Postbus 4443, 6202 ZV Maastricht",
        "figures": [
            ("6", "geregistreerde vrijwilligers"),
            ("32", "initiatieven in 2024"),
            ("± € 90.000,00", "per jaar"),
        ],
    },
]


def _example_exceptions(year):
    """One example holiday closure, so the page shows how exceptions look."""
    return [
        OpeningException(
            start_date=date(year, 12, 24),
            end_date=date(year + 1, 1, 1),
            closed=True,
            reason="Kerstvakantie (voorbeeld)",
        )
    ]


def _figures(pairs):
    return [("figure", {"value": value, "label": label}) for value, label in pairs]


@transaction.atomic
def load() -> list[MeetingPlacePage]:
    for data in PARTNERS:
        PartnerOrganisation.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "description": data["description"],
                "supports": data["supports"],
                "area": data["area"],
                "address": data["address"],
                "key_figures": _figures(data["figures"]),
            },
        )
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    owners = {
        user.email.split("@")[0]: user
        for user in get_user_model().objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    }
    year = date.today().year
    pages = []
    for data in PLACES:
        buurt = NeighbourhoodPage.objects.get(slug=data["buurt"])
        index = MeetingPlaceIndexPage.objects.child_of(buurt).get()
        page = MeetingPlacePage.objects.child_of(index).filter(slug=data["slug"]).first()
        values = {
            "title": data["title"],
            "organisation_name": data["organisation_name"],
            "mission": data["mission"],
            "what_happens": data["what_happens"],
            "cost": data.get("cost", ""),
            "street_address": data["street_address"],
            "postcode": data["postcode"],
            "latitude": data["lat"],
            "longitude": data["lon"],
            "location_note": data["location_note"],
            "hours_are_example": True,
            "hours_note": data.get("hours_note", "")
            or "Het boekje noemt geen openingstijden. Deze tijden zijn een voorbeeld.",
            "key_figures": _figures(data["figures"]),
            "challenges": [("challenge", text) for text in data["challenges"]],
            "testimonials": [
                ("testimonial", {"quote": quote, "attribution": who})
                for quote, who in data["quotes"]
            ],
            "host_name": data.get("host_name", ""),
            "other_partners": data.get("other_partners", ""),
            "owner": owners.get(data.get("owner", "")),
        }
        if page is None:
            page = index.add_child(instance=MeetingPlacePage(slug=data["slug"], **values))
        else:
            for name, value in values.items():
                setattr(page, name, value)
        page.opening_hours = [
            OpeningHours(weekday=day, opens=opens, closes=closes)
            for day, opens, closes in data["hours"]
        ]
        page.opening_exceptions = _example_exceptions(year)
        page.themes = [themes[slug] for slug in data["themes"]]
        page.save_revision(user=values["owner"], log_action=True).publish()
        pages.append(page)
    return pages
