"""Demo content: the activities seed 002 names, and calls where volunteers are the challenge.

The seed names the activities but never their days, times or prices: every schedule here is an
example, ticked as `times_are_example`, and the page says so. Volunteer calls are made for the
initiatives whose challenges name volunteers (De Heeg: "Voldoende vrijwilligers"; SMILE043:
"vrijwilligersbestand"); what the volunteer does and how much time it takes is an example too.
Places link to the meeting places of the directory when its demo has made them.
"""

import datetime
from decimal import Decimal

from dateutil import rrule
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from neighbourhoods.models import NeighbourhoodPage
from tim.demo import DEMO_DOMAIN
from tim.models import Theme

from .forms import Repeat, build_rrule
from .models import (
    ActivityPage,
    InitiativeIndexPage,
    InitiativePage,
    InitiativePlace,
    VolunteerCallPage,
)

EXAMPLE = "De dagen, tijden en kosten zijn een voorbeeld: het boekje noemt ze niet."


def activity(title, slug, intro, themes, repeat, days, start, end, **extra):
    return {"title": title, "slug": slug, "intro": intro, "themes": themes, "repeat": repeat,
            "days": days, "start": start, "end": end, **extra}  # fmt: skip


T = datetime.time
INITIATIVES = [
    {
        "buurt": "brusselsepoort",
        "slug": "beihuis",
        "title": "BeiHuis",
        "place": ("ontmoetingsplekken/beihuis", "BeiHuis", "Winkelcentrum Brusselse Poort", ""),
        "intro": "Een inloopplek in de buurt voor een gesprekje, een vraag of een activiteit. "
        "Gastvrouwen en gastheren ontvangen je met koffie en een luisterend oor.",
        "themes": ["ontmoeten", "vrijwillige-inzet", "gezondheid", "cultuur-en-creativiteit"],
        "owner": "initiatiefnemer",
        "activities": [
            activity(
                "Qi-gong",
                "qi-gong",
                "Rustig bewegen en ademen, samen met anderen. Je hoeft niets te kunnen.",
                ["sport-en-bewegen", "gezondheid"],
                Repeat.WEEKLY,
                ["TU"],
                T(10),
                T(11),
            ),
            activity(
                "Filosofie café",
                "filosofie-cafe",
                "Praten over grote en kleine vragen. "
                "Je ontmoet mensen met een andere kijk dan je zelf hebt.",
                ["ontmoeten"],
                Repeat.MONTHLY,
                ["MO"],
                T(19, 30),
                T(21),
            ),
            activity(
                "Schilderen",
                "schilderen",
                "Samen schilderen. Verf en papier zijn er.",
                ["cultuur-en-creativiteit"],
                Repeat.WEEKLY,
                ["TH"],
                T(14),
                T(16),
            ),
            activity(
                "Valpreventie",
                "valpreventie",
                "Oefeningen om steviger te staan en minder snel te vallen.",
                ["gezondheid", "sport-en-bewegen"],
                Repeat.WEEKLY,
                ["WE"],
                T(10),
                T(11, 30),
                signup_required=True,
                capacity=12,
            ),
            activity(
                "Levensverhalen schrijven",
                "levensverhalen-schrijven",
                "Schrijf over je eigen leven, met hulp en in een kleine groep.",
                ["cultuur-en-creativiteit"],
                Repeat.BIWEEKLY,
                ["FR"],
                T(10),
                T(12),
                signup_required=True,
                capacity=8,
            ),
        ],
    },
    {
        "buurt": "wittevrouwenveld",
        "slug": "werkhuis",
        "title": "Stichting Werkhuis Maastricht",
        "place": ("ontmoetingsplekken/werkhuis", "Werkhuis", "Hunnenweg 4", "6224 JP"),
        "intro": "Een open, experimentele plek waar mensen door creativiteit en inclusiviteit "
        "elkaar en zichzelf ontmoeten en versterken.",
        "themes": ["cultuur-en-creativiteit", "ontmoeten", "inclusie-en-veiligheid"],
        "activities": [
            activity(
                "Keramiek",
                "keramiek",
                "Werken met klei: draaien, boetseren, glazuren.",
                ["cultuur-en-creativiteit"],
                Repeat.WEEKLY,
                ["MO"],
                T(13, 30),
                T(16),
            ),
            activity(
                "NT2: Nederlands leren",
                "nt2",
                "Nederlands leren en oefenen in een kleine groep.",
                ["informatie-en-advies", "inclusie-en-veiligheid"],
                Repeat.WEEKLY,
                ["TU", "TH"],
                T(10),
                T(12),
                signup_required=True,
                capacity=10,
            ),
            activity(
                "Toneel",
                "toneel",
                "Samen spelen en een voorstelling maken.",
                ["cultuur-en-creativiteit", "ontmoeten"],
                Repeat.WEEKLY,
                ["WE"],
                T(19),
                T(21),
            ),
            activity(
                "Houtbewerking",
                "houtbewerking",
                "Zagen, schuren en maken in de werkplaats.",
                ["cultuur-en-creativiteit"],
                Repeat.WEEKLY,
                ["FR"],
                T(9, 30),
                T(12),
            ),
        ],
    },
    {
        "buurt": "heugem",
        "slug": "smile043",
        "title": "Stichting SMILE043",
        "place": None,
        "intro": "Wij verbinden mensen: met sport, ontmoeten, meedoen, een gezonde leefstijl "
        "en plezier.",
        "themes": ["sport-en-bewegen", "ontmoeten", "inclusie-en-veiligheid", "gezondheid"],
        "activities": [
            activity(
                "Dansen in het park",
                "dansen-in-het-park",
                "Samen dansen in de buitenlucht. Voor iedereen, jong en oud.",
                ["sport-en-bewegen", "ontmoeten"],
                Repeat.WEEKLY,
                ["SA"],
                T(10, 30),
                T(11, 30),
                place=(None, "Park in Heugem (voorbeeld: de plek wisselt)", "", ""),
            ),
        ],
        "call": (
            "Vrijwilligers voor dansen in het park",
            "Help bij het dansen in het park: mensen welkom heten, muziek klaarzetten en opruimen.",
            "Voorbeeld: 2 uur op zaterdagochtend",
        ),
    },
    {
        "buurt": "de-heeg",
        "slug": "kinderboerderij-de-heeg",
        "title": "Kinder- en zorgboerderij De Heeg",
        "place": (
            "ontmoetingsplekken/kinderboerderij-de-heeg",
            "Kinder- en zorgboerderij De Heeg",
            "Maastrichterweg 2b",
            "6228 XT",
        ),
        "intro": "Een natuurlijke plek om tot rust te komen, dicht bij huis. Iedereen is welkom.",
        "themes": ["groen-dieren-leefomgeving", "ontmoeten", "jeugd-en-school"],
        "activities": [
            activity(
                "Ponyrijden op zondag",
                "ponyrijden",
                "Een ritje op een pony, voor kinderen.",
                ["groen-dieren-leefomgeving", "jeugd-en-school"],
                Repeat.WEEKLY,
                ["SU"],
                T(13),
                T(15),
                price=Decimal("2.50"),
            ),
        ],
        "call": (
            "Vrijwilligers op de boerderij",
            "Help mee met de dieren en op het terrein, samen met de deelnemers.",
            "Voorbeeld: een ochtend per week",
        ),
    },
    {
        "buurt": "de-heeg",
        "slug": "velorium",
        "title": "Velorium Outdoor Sport & Bikepark",
        "place": ("ontmoetingsplekken/velorium", "Velorium", "Maastrichterweg 7", "6228 XT"),
        "intro": "Mission possible: iedereen op de fiets. Fiets- en verkeerslessen voor alle "
        "leeftijden, en een veilige plek voor buitensport.",
        "themes": ["sport-en-bewegen", "inclusie-en-veiligheid", "jeugd-en-school"],
        "activities": [
            activity(
                "Fietsles voor volwassenen",
                "fietslessen",
                "Leren fietsen, of weer durven. Ook voor nieuwkomers en internationale studenten.",
                ["sport-en-bewegen", "inclusie-en-veiligheid"],
                Repeat.WEEKLY,
                ["WE"],
                T(14),
                T(15),
                signup_required=True,
                capacity=6,
            ),
        ],
    },
    {
        "buurt": "wittevrouwenveld",
        "slug": "dress-for-success",
        "title": "Dress for Success Maastricht",
        "place": (
            "ontmoetingsplekken/dress-for-success",
            "Dress for Success",
            "Voltastraat 38",
            "6224 EM",
        ),
        "intro": "Gratis kleding voor een sollicitatiegesprek, die je mag houden, en hulp om "
        "met meer zelfvertrouwen te solliciteren.",
        "themes": ["werk-en-talent", "geldzaken"],
        "activities": [
            activity(
                "Coffee&Work workshop",
                "coffee-and-work",
                "Een workshop bij de koffie: "
                "kwaliteitenspel, jezelf presenteren, kleurenanalyse of een "
                "sollicitatiegesprek oefenen.",
                ["werk-en-talent"],
                Repeat.MONTHLY,
                ["TH"],
                T(10),
                T(12),
                signup_required=True,
                capacity=12,
            ),
        ],
    },
]


def _place_fields(place, buurt_slug):
    path, name, street, postcode = place
    page = (
        Page.objects.filter(url_path__endswith=f"/{buurt_slug}/{path}/").first() if path else None
    )
    return {"place_page": page, "place_name": "" if page else name, "street_address": street,
            "postcode": postcode}  # fmt: skip


def _first_date(repeat, days, anchor):
    """The first date on or after anchor that fits the rule, so DTSTART is an occurrence."""
    dtstart = datetime.datetime.combine(anchor, datetime.time())
    rule = build_rrule(repeat=repeat, weekdays=days, week_of_month="1", until=None, dtstart=dtstart)
    return rrule.rrulestr(f"RRULE:{rule}", dtstart=dtstart)[0].date(), rule


def _publish(page):
    page.save_revision().publish()


@transaction.atomic
def load() -> None:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    owner = get_user_model().objects.filter(email=f"initiatiefnemer@{DEMO_DOMAIN}").first()
    anchor = timezone.localdate() - datetime.timedelta(days=14)
    for data in INITIATIVES:
        buurt = NeighbourhoodPage.objects.get(slug=data["buurt"])
        index = InitiativeIndexPage.objects.child_of(buurt).get()
        initiative = InitiativePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if initiative is None:
            initiative = index.add_child(
                instance=InitiativePage(
                    title=data["title"],
                    slug=data["slug"],
                    intro=data["intro"],
                    owner=owner if data.get("owner") else None,
                )  # fmt: skip
            )
            initiative.themes.set([themes[slug] for slug in data["themes"]])
            if data["place"]:
                initiative.places = [InitiativePlace(**_place_fields(data["place"], data["buurt"]))]
            _publish(initiative)
        for item in data["activities"]:
            if ActivityPage.objects.child_of(initiative).filter(slug=item["slug"]).exists():
                continue
            start_date, rule = _first_date(item["repeat"], item["days"], anchor)
            page = ActivityPage(
                title=item["title"], slug=item["slug"], intro=item["intro"],
                start_date=start_date, start_time=item["start"], end_time=item["end"],
                recurrence=rule, times_are_example=True, price=item.get("price", 0),
                signup_required=item.get("signup_required", False),
                capacity=item.get("capacity"), owner=initiative.owner,
                **_place_fields(item.get("place") or data["place"], data["buurt"]),
            )  # fmt: skip
            initiative.add_child(instance=page)
            page.themes.set([themes[slug] for slug in item["themes"]])
            _publish(page)
        if data.get("call") and not VolunteerCallPage.objects.child_of(initiative).exists():
            title, intro, time_needed = data["call"]
            call = initiative.add_child(
                instance=VolunteerCallPage(
                    title=title,
                    intro=f"{intro} {EXAMPLE}",
                    time_needed=time_needed,
                    owner=initiative.owner,
                )  # fmt: skip
            )
            call.themes.set([themes["vrijwillige-inzet"]])
            _publish(call)
