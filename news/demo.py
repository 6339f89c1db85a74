"""Demo news, marked as example content. Never loaded in production (see tim load_demo).

The facts come from the seeds: the resilient-neighbourhoods letter (003), the launch letter of
TIM (000), and the portraits of the initiatives (002, value by value in
fixtures/initiatives.md). Figures and quotes are as written there. The buurt of an initiative is
inferred (fixtures/meetingplaces.csv says how). The story from Pottenberg is made up: its
resident is not a real person, and the page says so.
"""

import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from neighbourhoods.models import NeighbourhoodPage
from tim.demo import DEMO_DOMAIN
from tim.models import Theme, TimImage

from .choices import NewsKind
from .models import CityNewsIndexPage, NewsIndexPage, NewsPage

CITY = None  # the parent of an item: a buurt slug, or CITY for /nieuws/


def p(*sentences):
    return ("paragraph", "<p>" + " ".join(sentences) + "</p>")


def heading(text):
    return ("heading", text)


def quote(text, attribution=""):
    return ("quote", {"quote": text, "attribution": attribution})


def link(text, url):
    return ("call_to_action", {"text": text, "page": None, "url": url})


# (slug, buurt slug or CITY, days ago, kind, title, intro, body, themes, author, illustration)
ITEMS = [
    (
        "veerkrachtige-wijken-nazareth-en-pottenberg",
        CITY,
        2,
        NewsKind.NIEUWS,
        "Nazareth en Pottenberg: samen werken aan veerkrachtige wijken",
        "De gemeente start in Nazareth en Pottenberg met de veerkrachtige wijkenbenadering. "
        "Bewoners en organisaties bepalen samen wat nodig is in hun wijk.",
        [
            p(
                "Veel mensen in Maastricht maken zich zorgen. Over geld, werk of een huis.",
                "Over hun gezondheid, eenzaamheid of de opvoeding van hun kinderen.",
                "En vaak hebben ze het gevoel dat ze daar weinig aan kunnen doen.",
            ),
            p(
                "Het onderzoek 'Veerkracht in Maastricht' (bureau Circusvis, juni 2021) liet zien",
                "dat in sommige wijken niet alleen mensen, maar ook de wijk zelf onder druk staat.",
                "Dat geldt vooral voor wijken met veel huurwoningen van woningcorporaties.",
                "In acht wijken heeft de gemeente daarom al afspraken gemaakt met de corporaties.",
            ),
            heading("We starten met Nazareth en Pottenberg"),
            p(
                "In twee wijken gaat de gemeente een stap verder: Nazareth en Pottenberg.",
                "Daar start de veerkrachtige wijkenbenadering. Dat schreef wethouder Frans",
                "Bastiaens op 6 juni 2023 aan de gemeenteraad.",
                "Het doel: mensen sterker maken, en de wijk als geheel ook.",
                "Zo worden de verschillen in de stad kleiner.",
            ),
            p(
                "Elke wijk is anders. De gemeente noemt elke wijk daarom een eigen 'ecosysteem'.",
                "Bewoners gaan samen met partners in de buurt aan de slag, ook met de gemeente.",
                "Het gaat over alles wat in de buurt samenkomt: wonen, bestaanszekerheid,",
                "gezondheid, mobiliteit, cultuur, sport en de inrichting van de openbare ruimte.",
            ),
            quote(
                "Niet de manier waarop de zogenaamde systeemwereld is georganiseerd, maar de "
                "mensen, hun veerkracht en wat hun leven betekenisvol maakt moet leidend zijn.",
                "Raadsinformatiebrief Veerkrachtige wijkenbenadering, 6 juni 2023",
            ),
            heading("Geld voor vele jaren"),
            p(
                "Voor 2023 was er € 450.000 beschikbaar. Vanaf 2024 is dat elk jaar € 700.000.",
                "Het is een grote opgave die vele jaren duurt.",
            ),
            p(
                "Eerst kijken de gemeente, bewoners en organisaties samen of er genoeg steun is",
                "voor deze aanpak. Daarna bepalen ze samen hoe het verder gaat.",
                "Daarbij sluiten ze aan bij wat er nu al gebeurt in de wijken.",
            ),
        ],
        ["informatie-en-advies", "geldzaken", "gezondheid", "inclusie-en-veiligheid"],
        "Redactie Thuis in Maastricht",
        ("Nazareth en Pottenberg", (163, 0, 30)),
    ),
    (
        "thuis-in-maastricht-van-en-voor-bewoners",
        CITY,
        6,
        NewsKind.AANKONDIGING,
        "Thuis in Maastricht: een website van en voor bewoners",
        "Elke buurt van Maastricht krijgt een eigen site, onder één paraplu voor de hele stad. "
        "Bewoners schrijven zelf het nieuws van hun buurt.",
        [
            p(
                "Hoe zorgen we ervoor dat mensen zich thuis voelen in hun buurt?",
                "En dat ze invloed hebben op hun eigen omgeving?",
                "Met die vraag begon in 2015 het werk aan Thuis in Maastricht, kort: TIM.",
            ),
            p(
                "De website is ingedeeld in de buurten van Maastricht. Elke buurt heeft een eigen",
                "site, onder een paraplu voor de hele stad. Bewoners krijgen zelf de regie over",
                "wat er op hun buurtsite staat. Vrijwillige buurtredacteuren schrijven over wat er",
                "gebeurt in hun buurt.",
            ),
            heading("Wat wil TIM?"),
            p(
                "De gemeente noemt vier doelen. TIM wil bewoners met elkaar in contact brengen en",
                "verbinden met hun buurt. TIM wil de vele initiatieven voor meedoen,",
                "vrijwilligerswerk en buurtnetwerken per buurt overzichtelijk bij elkaar zetten.",
                "TIM wil nieuws uit buurt en stad een nieuwe impuls geven. En TIM wil laten",
                "zien hoe het is om in Maastricht te wonen en te leven: met trots, en soms ook",
                "kritisch.",
            ),
            p(
                "TIM is een aanvulling. De gemeente blijft ook op andere manieren met inwoners",
                "praten, digitaal en op papier.",
            ),
            link("Lees meer over Thuis in Maastricht", "/over-tim/"),
        ],
        ["informatie-en-advies", "vrijwillige-inzet"],
        "Redactie Thuis in Maastricht",
        ("Thuis in Maastricht", (0, 112, 60)),
    ),
    (
        "negen-initiatieven-geen-hokjes-maar-verbindingen",
        CITY,
        11,
        NewsKind.NIEUWS,
        "Negen initiatieven: 'geen hokjes, maar verbindingen'",
        "Negen burgerinitiatieven schreven samen op wat een stad sociaal, gezond en zorgzaam "
        "maakt. Hun plekken zijn knooppunten waar iedereen welkom is.",
        [
            p(
                "Sinds het najaar van 2023 praten negen burgerinitiatieven met elkaar.",
                "Ze werken aan zorg, preventie, ontmoeting, leren, groen en sport.",
                "In februari 2025 schreven ze samen een boekje: 'Ontmoeten, meedoen, ontwikkelen",
                "en bewegen. Naar een sociale, gezonde, zorgzame stad'.",
            ),
            p(
                "Hun plekken zijn laagdrempelig: je kunt er aarzelend binnenstappen.",
                "Je hoeft er geen diagnose of label voor te hebben. Een plek is vaak veel",
                "dingen tegelijk: ontmoeting, zorg, groen, cultuur en sport.",
            ),
            quote("Het zijn plekken die geen hokjes maken, maar verbindingen."),
            p(
                "De initiatieven vergelijken zichzelf met een 'sociaal rioleringsstelsel': een",
                "net onder de stad dat je niet ziet, maar dat wel nodig is. Hoe meer",
                "knooppunten, hoe sterker de stad.",
            ),
            p(
                "Op Thuis in Maastricht vind je deze plekken in hun buurt.",
                "Overal zoeken ze vrijwilligers.",
            ),
            link("Bekijk de ontmoetingsplekken", "/ontmoetingsplekken/"),
        ],
        ["ontmoeten", "vrijwillige-inzet", "gezondheid"],
        "Redactie Thuis in Maastricht",
        None,
    ),
    (
        "koffie-op-het-pleintje",
        "pottenberg",
        1,
        NewsKind.WIJKVERHAAL,
        "Koffie op het pleintje: hoe ik mijn buren leerde kennen",
        "Drie jaar woonde Anna in Pottenberg zonder haar buren echt te kennen. "
        "Een thermoskan koffie veranderde dat. Een verhaal uit de buurt.",
        [
            p(
                "Toen ik in Pottenberg kwam wonen, kende ik niemand. Ik groette mijn buren,",
                "maar verder kwam het niet. Iedereen had het druk.",
            ),
            p(
                "Op een zonnige zaterdag zette ik een tafeltje op het pleintje voor ons huis.",
                "Met een thermoskan koffie en een bord koekjes. Op een briefje schreef ik:",
                "'Koffie voor de buren. Gratis, gewoon even zitten.'",
            ),
            quote(
                "De eerste die kwam was mijn overbuurman. We woonden al drie jaar tegenover "
                "elkaar, maar we hadden nog nooit gepraat.",
                "Anna, bewoner van Pottenberg",
            ),
            p(
                "Die middag kwamen er zeven mensen. Een moeder met twee kinderen.",
                "Een oudere meneer die al veertig jaar in de straat woont. Hij wist precies",
                "hoe de buurt er vroeger uitzag.",
            ),
            heading("Nu elke maand"),
            p(
                "Nu staat het tafeltje er elke eerste zaterdag van de maand.",
                "Buren nemen zelf iets mee. Soms soep, soms een taart.",
                "Wie hulp nodig heeft met een klusje, vraagt het daar. En iemand helpt.",
            ),
            p(
                "Wil jij ook iets beginnen in je straat? Het hoeft niet groot te zijn.",
                "Een kan koffie is genoeg.",
            ),
        ],
        ["ontmoeten", "vrijwillige-inzet"],
        "Anna, bewoner van Pottenberg",
        ("Koffie op het pleintje", (122, 0, 22)),
    ),
    (
        "denk-mee-over-de-toekomst-van-nazareth",
        "nazareth",
        3,
        NewsKind.AANKONDIGING,
        "Denk mee over de toekomst van Nazareth",
        "Nazareth is een van de twee wijken van de veerkrachtige wijkenbenadering. "
        "Bewoners en organisaties bepalen samen wat de wijk nodig heeft.",
        [
            p(
                "De gemeente wil samen met de bewoners van Nazareth werken aan de toekomst",
                "van de wijk. Dat doet ze met de veerkrachtige wijkenbenadering.",
            ),
            p(
                "Eerst kijkt de gemeente samen met bewoners en organisaties of er genoeg steun",
                "is voor deze aanpak. Daarna bepalen ze samen hoe het verder gaat:",
                "wat de doelen zijn, welke onderwerpen eerst komen en hoe ze samenwerken.",
            ),
            p(
                "Het gaat over alles wat in de buurt samenkomt. Wonen, geld, gezondheid,",
                "vervoer, cultuur, sport en hoe de straten en pleinen eruitzien.",
            ),
            p(
                "Wil je meedenken? Laat het de redactie van Nazareth weten. Wij zetten nieuws",
                "over bijeenkomsten op deze site zodra het bekend is.",
            ),
            link("Neem contact op", "/contact/"),
        ],
        ["informatie-en-advies", "inclusie-en-veiligheid"],
        "Redactie Nazareth",
        None,
    ),
    (
        "beihuis-binnenlopen-voor-een-praatje",
        "brusselsepoort",
        4,
        NewsKind.NIEUWS,
        "BeiHuis: binnenlopen voor een praatje, een vraag of een activiteit",
        "In winkelcentrum Brusselse Poort staat de deur van BeiHuis vier dagen per week open. "
        "Vrijwilligers ontvangen je met koffie en een luisterend oor.",
        [
            p(
                "BeiHuis is een plek in de buurt waar je binnenloopt voor",
                "'een gesprekje, een vraag of een activiteit'. Het is een samenwerking van",
                "Buurtnetwerk Brusselsepoort, Universiteit met de Buurt en Stichting HARTwerkt.",
            ),
            p(
                "Er werken 15 gastvrouwen en gastheren, technische ondersteuning en",
                "activiteitenbegeleiders. Elke dag komen er 20 tot 50 bezoekers.",
                "Ook ervaringsdeskundigen zijn er. Zij helpen mensen bij hun herstel.",
            ),
            heading("Wat kun je er doen?"),
            p(
                "De bezoekers bepalen zelf de activiteiten. Er is valpreventie, je kunt je",
                "levensverhaal schrijven, en er is Qi-gong, schilderen en een filosofie café.",
                "Via VMBO-scholen vinden ook steeds meer jongeren de weg naar BeiHuis.",
            ),
            quote("Het is een fijne plek. Je wordt hartelijk ontvangen met een praatje en koffie."),
            p(
                "Wat BeiHuis mooi vindt: mensen spreken ook buiten BeiHuis met elkaar af.",
                "Een zorg is het geld voor de huur en de activiteiten. Dat is niet zeker",
                "voor de lange termijn.",
            ),
        ],
        ["ontmoeten", "gezondheid", "vrijwillige-inzet"],
        "Redactie Brusselsepoort",
        ("BeiHuis", (0, 91, 140)),
    ),
    (
        "boeken-voor-mensen-zestig-vrijwilligers",
        "wyck",
        7,
        NewsKind.NIEUWS,
        "Boeken voor Mensen: boeken voor 1 tot 3 euro, en een plek om elkaar te ontmoeten",
        "In de François de Veyestraat verkoopt Boeken voor Mensen tweedehands boeken en LP's. "
        "Zestig vrijwilligers houden de winkel en de boekenkelder draaiende.",
        [
            p(
                "Boeken voor Mensen 'draait om boeken en om mensen'. Het is een",
                "tweedehands boekwinkel en platenzaak, en tegelijk een ontmoetingsplek.",
                "De prijzen zijn vooral € 1 tot € 3. Zo kan ook iemand met weinig geld lezen.",
            ),
            p(
                "Er werken 60 vrijwilligers. Onder de winkel ligt een boekenkelder van 1000 m2.",
                "Elke week komen er ruim 1.000 boeken binnen. In totaal gaat het om 200.000",
                "boeken en geluidsdragers.",
            ),
            p(
                "De winkel vult ook de minibiebs in Maastricht. Er zijn boeken voor kinderen",
                "en voor mensen die een andere taal spreken. Gepensioneerden, internationale",
                "studenten en mensen uit de Euregio doen er vrijwilligerswerk.",
            ),
            p("In 2024 gaf Boeken voor Mensen € 85.000 weg aan goede doelen."),
            quote("Dat ik dit niet wist!"),
        ],
        ["cultuur-en-creativiteit", "ontmoeten", "vrijwillige-inzet", "geldzaken"],
        "Redactie Wyck",
        None,
    ),
    (
        "werkhuis-250-deelnemers-per-week",
        "wittevrouwenveld",
        9,
        NewsKind.NIEUWS,
        "Werkhuis: samen maken, samen sterker",
        "Keramiek, toneel, houtbewerking of Nederlandse les: in het Werkhuis aan de Hunnenweg "
        "doen elke week 250 mensen mee.",
        [
            p(
                "Stichting Werkhuis Maastricht noemt zichzelf 'een open, experimentele plek",
                "waar mensen door creativiteit en inclusiviteit elkaar en zichzelf ontmoeten en",
                "versterken'.",
            ),
            p(
                "Elke week komen er 250 deelnemers. Er zijn 60 vrijwilligers en",
                "2 coördinatoren.",
            ),
            heading("Wat kun je er doen?"),
            p(
                "Keramiek, tekenen, schilderen, mozaïek, vilten en werken met textiel.",
                "Houtbewerking en een tuinplein. Toneel, een schrijfgroep en NT2:",
                "Nederlands leren als tweede taal.",
            ),
            quote("Iedereen kan zijn verhaal kwijt omdat we vertrouwen hebben in elkaar."),
            p(
                "Het Werkhuis zoekt geld en een huis voor de lange termijn.",
                "Dat is de grootste zorg.",
            ),
        ],
        ["cultuur-en-creativiteit", "ontmoeten", "werk-en-talent"],
        "Redactie Wittevrouwenveld",
        None,
    ),
    (
        "dress-for-success-kleding-voor-je-sollicitatie",
        "wittevrouwenveld",
        13,
        NewsKind.NIEUWS,
        "Dress for Success: gratis kleding en steun voor je sollicitatie",
        "Heb je een sollicitatiegesprek en weinig geld? Bij Dress for Success aan de Voltastraat "
        "krijg je gratis passende kleding, en die mag je houden.",
        [
            p(
                "Dress for Success Maastricht helpt mensen met geldzorgen die gaan",
                "solliciteren. Je krijgt gratis kleding voor het gesprek. Die mag je houden.",
                "Zo ga je met meer zelfvertrouwen naar binnen.",
            ),
            p(
                "Er zijn ook Coffee&Work-workshops: het kwaliteitenspel, jezelf presenteren,",
                "kleurenanalyse en een sollicitatiegesprek oefenen. Je kunt ook een eigen",
                "coach krijgen.",
            ),
            heading("In cijfers"),
            p(
                "25 vrijwilligers hielpen 225 kleedklanten. Er waren 14 workshops met",
                "129 deelnemers. Gemiddeld 90% van de klanten had succes bij de sollicitatie",
                "(de afgelopen 7 jaar). Klanten geven een 9,4.",
            ),
            quote("Met open armen ontvangen. Zeer gastvrij!"),
            p(
                "Dress for Success wil graag meer klanten helpen. Werk je bij een organisatie",
                "die mensen kan doorsturen? Neem dan contact op met Dress for Success.",
            ),
        ],
        ["werk-en-talent", "geldzaken"],
        "Redactie Wittevrouwenveld",
        None,
    ),
    (
        "daalhoeve-een-boerderij-midden-in-de-stad",
        "daalhof",
        15,
        NewsKind.NIEUWS,
        "Daalhoeve: een boerderij midden in de stad",
        "Op Boerderij Daalhoeve aan de Alesiahof zorgen mensen samen voor de dieren, de tuin "
        "en elkaar. Per jaar komen er 90.000 bezoekers.",
        [
            p(
                "'Samen zorgen we voor elkaar', zegt Stichting Boerderij Daalhoeve.",
                "Iedereen doet mee, want iedereen heeft een talent.",
            ),
            p(
                "Op de boerderij komen ontmoeting, zorg, groen, dieren, horeca, recreatie en",
                "leren samen. Er werken 13 medewerkers. 110 deelnemers komen naar de",
                "zorgboerderij en de algemene voorziening. Elk jaar lopen er gemiddeld",
                "20 stagiaires mee.",
            ),
            quote("Een boerderij midden in de stad, waar vind je dat nog?", "Een vrijwilliger"),
            quote(
                "Dieren oordelen niet, maar bieden onze zoon de rust als hij dat nodig heeft.",
                "Ouder van een deelnemer",
            ),
            p(
                "Voor bezoekers zijn er informatieborden en speurtochten.",
                "Elk jaar zijn er meerdere evenementen.",
            ),
        ],
        ["groen-dieren-leefomgeving", "zorgen-voor-een-naaste", "ontmoeten"],
        "Redactie Daalhof",
        ("Daalhoeve", (0, 112, 60)),
    ),
    (
        "de-heeg-rust-en-ritme-op-de-boerderij",
        "de-heeg",
        18,
        NewsKind.NIEUWS,
        "Zorgboerderij De Heeg: rust en ritme, dichtbij huis",
        "Kinder- en zorgboerderij De Heeg aan de Maastrichterweg ontvangt 14.000 bezoekers per "
        "jaar. Iedereen is welkom.",
        [
            p(
                "De Heeg is een natuurlijke plek om tot rust te komen, dichtbij huis.",
                "De boerderij helpt tegen eenzaamheid. Mensen met een beperking of met",
                "een grote afstand tot werk vinden er een veilige plek om te werken.",
            ),
            p(
                "Elke week komen er 39 deelnemers. Vanuit Levanto komen gemiddeld nog",
                "18 mensen per week voor dagbesteding. Basisscholen komen op bezoek en er",
                "zijn stages.",
            ),
            quote(
                "De werkplek op de boerderij, geeft me houvast en voor mij belangrijk ritme.",
                "Ruben",
            ),
            quote("Op zondag kom ik soms een ponyritje maken.", "Jamie, 7 jaar"),
            p(
                "De Heeg zoekt vrijwilligers. Ook het geld voor de lange termijn en het",
                "beheer van het terrein zijn zorgen.",
            ),
        ],
        ["groen-dieren-leefomgeving", "ontmoeten", "jeugd-en-school"],
        "Redactie De Heeg",
        None,
    ),
    (
        "velorium-iedereen-op-de-fiets",
        "de-heeg",
        21,
        NewsKind.NIEUWS,
        "Velorium: 'Mission possible: iedereen op de fiets'",
        "Bij Velorium aan de Maastrichterweg leren kinderen, nieuwkomers en studenten fietsen. "
        "In 2024 kwamen er 10.000 bezoekers.",
        [
            p(
                "Velorium Outdoor Sport & Bikepark is een stichting zonder winstdoel.",
                "Jongeren vinden er een veilige en uitdagende plek om buiten te sporten.",
            ),
            p(
                "Velorium geeft fiets- en verkeerslessen aan mensen van alle leeftijden.",
                "Elke maand zijn er 60 tot 80 lessen voor nieuwkomers en buitenlandse",
                "studenten. Elke week zijn er gemiddeld 30 tot 50 lessen voor kinderen.",
                "Elke basisschool in Maastricht krijgt 5 lessen.",
            ),
            p(
                "Er helpen elke week 10 tot 15 vrijwilligers en 3 tot 5 studenten.",
                "Na het fietsen kun je iets drinken in de kantine.",
            ),
            quote("Fietsen als afspiegeling van het ECHTE leven met vallen en opstaan."),
        ],
        ["sport-en-bewegen", "inclusie-en-veiligheid", "jeugd-en-school"],
        "Redactie De Heeg",
        None,
    ),
    (
        "lefteam-thuiszitten-is-geen-optie",
        "mariaberg",
        24,
        NewsKind.NIEUWS,
        "LEFteam: 'Thuiszitten is géén optie'",
        "LEFteam aan de Elisabeth Strouvenlaan helpt jongeren vanaf 16 jaar die thuis zitten. "
        "Ze kijken naar wat jongeren wél kunnen.",
        [
            p(
                "Stichting LEFteam wil dat geen jongere tussen wal en schip valt.",
                "Thuiszitten is géén optie. Samen met de jongere kijken ze naar wat hij of zij",
                "wél kan.",
            ),
            p(
                "Er waren 41 talentontdekkingsreizen. Daarna ging 45% van de jongeren naar",
                "school of een opleiding en 19% aan het werk.",
            ),
            quote(
                "Thuiszitten is geen optie voor mij. Ik wil vooruit, en bij LEFteam kijken ze "
                "naar wat ik wél kan.",
                "Melvin, 21 jaar",
            ),
            quote("Bij LEFteam kon ik eindelijk gewoon mezelf zijn.", "K, 18 jaar"),
            p(
                "Bij LEFteam werken 20 vrijwilligers, 5 stagiaires en 1 werknemer.",
                "De huur en de energiekosten zijn een zorg.",
            ),
        ],
        ["jeugd-en-school", "werk-en-talent"],
        "Redactie Mariaberg",
        None,
    ),
    (
        "smile043-dansen-in-het-park",
        "heugem",
        27,
        NewsKind.NIEUWS,
        "SMILE043: 'Wij verbinden mensen'",
        "Sporten, elkaar ontmoeten en gezond eten: SMILE043 organiseert het, van Sportpark "
        "Heugem tot dansen in het park.",
        [
            p(
                "'Wij verbinden mensen', zegt Stichting SMILE043. Dat doen ze met sport,",
                "ontmoeting en gezond leven. Juist ouderen, mensen die eenzaam zijn en",
                "mensen zonder werk doen mee.",
            ),
            p(
                "SMILE043 werkt op Sportpark Heugem, bij Vitala+/Maasveld en UM Sports.",
                "En in parken in verschillende wijken, waar mensen samen dansen.",
            ),
            p(
                "34 vrijwilligers organiseerden 51 activiteiten. Samen waren er 17.351",
                "deelnames. SMILE043 werkt met 88 netwerkpartners.",
            ),
            p("SMILE043 zoekt nieuwe vrijwilligers en nieuwe deelnemers."),
        ],
        ["sport-en-bewegen", "ontmoeten", "gezondheid"],
        "Redactie Heugem",
        None,
    ),
]


def illustration(title: str, colour: tuple[int, int, int]) -> TimImage:
    """A simple drawn picture (houses and people as shapes), so the demo shows photos' places."""
    existing = TimImage.objects.filter(title=f"Illustratie: {title}").first()
    if existing:
        return existing
    width, height = 1600, 900
    picture = Image.new("RGB", (width, height), (246, 243, 239))
    draw = ImageDraw.Draw(picture)
    draw.rectangle([0, 640, width, height], fill=colour)
    for number, x in enumerate(range(80, width, 300)):
        top = 330 + (number % 3) * 40
        draw.rectangle([x, top, x + 220, 640], fill=(255, 255, 255), outline=colour, width=8)
        draw.polygon([(x - 20, top), (x + 110, top - 120), (x + 240, top)], fill=colour)
        draw.ellipse([x + 150, 560, x + 200, 610], fill=(255, 191, 71))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    name = f"demo-{title.lower().replace(' ', '-')}.jpg"
    image = TimImage(
        title=f"Illustratie: {title}",
        description=f"Getekende huizen in een straat, als illustratie bij '{title}'.",
        credit="Voorbeeldillustratie, Thuis in Maastricht",
        file=ImageFile(buffer, name=name),
    )
    image.save()
    return image


def _author(buurt_slug):
    User = get_user_model()
    local = "moderator" if buurt_slug is CITY else f"redactie-{buurt_slug}"
    return (
        User.objects.filter(email=f"{local}@{DEMO_DOMAIN}").first()
        or User.objects.filter(email=f"moderator@{DEMO_DOMAIN}").first()
    )


@transaction.atomic
def load() -> list[NewsPage]:
    """Create the demo items that are not there yet, published with their dates."""
    city_index = CityNewsIndexPage.objects.first()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    now = timezone.now()
    created = []
    for slug, buurt_slug, days_ago, kind, title, intro, body, theme_slugs, author, art in ITEMS:
        if buurt_slug is CITY:
            parent = city_index
        else:
            buurt = NeighbourhoodPage.objects.filter(slug=buurt_slug).first()
            parent = NewsIndexPage.objects.child_of(buurt).first() if buurt else None
        if parent is None or parent.get_children().filter(slug=slug).exists():
            continue
        user = _author(buurt_slug)
        item = NewsPage(
            title=title,
            slug=slug,
            kind=kind,
            intro=intro,
            body=body,
            author_name=author,
            is_demo=True,
            owner=user,
            live=False,
            hero_image=illustration(*art) if art else None,
            first_published_at=now - timedelta(days=days_ago, hours=days_ago % 5),
        )
        parent.add_child(instance=item)
        item.themes.set([themes[name] for name in theme_slugs if name in themes])
        # Demo content is loaded as published; real items by editors go through moderation.
        item.save_revision(user=user).publish(user=user, skip_permission_checks=True)
        # As if it was published on its date and not changed since.
        NewsPage.objects.filter(pk=item.pk).update(last_published_at=item.first_published_at)
        created.append(item)
    return created
