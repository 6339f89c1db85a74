"""Property: no public page answers a server error, whatever its GET parameters hold.

Every filter of every list (home, agenda, buurt agenda, directory, news, search, volunteering,
ideas), paging and the sitemap gets valid values mixed with the nasty ones of tests/tim/fuzz.py.
A case passes with any answer below 500: a filtered page, a friendly 400 or a 404.
"""

import datetime

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from initiatives.forms import Period
from meetingplaces.choices import ACCESSIBILITY_FACTS, SortOrder, Weekday
from neighbourhoods.choices import Wijk
from news.choices import NewsKind
from news.models import NewsIndexPage
from participation.choices import IdeaReview, IdeaStatus
from participation.models import Idea
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.factories import NewsPageFactory

from .fuzz import CASES, FUZZ, query, send, value

pytestmark = pytest.mark.django_db

THEMES = ("ontmoeten", "sport-en-bewegen", "bestaat-niet")
BUURTEN = ("pottenberg", "nazareth", "wyck", "bestaat-niet")
WIJKEN = tuple(Wijk.values)
PAGES = ("1", "2", "-1", "0", "99999")
ON = ("on", "1", "true", "")

AGENDA = {
    "wanneer": value(*[code for code, _label in Period.choices]),
    "van": value("2026-10-20", "2027-01-01", "2028-02-29"),
    "tot": value("2026-10-27", "2027-12-31", "2199-12-31"),
    "thema": value(*THEMES),
    "gratis": value(*ON),
    "zonder_aanmelden": value(*ON),
    "drempelvrij": value(*ON),
    "pagina": value(*PAGES),
}
CITY_AGENDA = {**AGENDA, "wijk": value(*WIJKEN), "buurt": value(*BUURTEN)}
DIRECTORY = {
    "q": value("koffie", "buurthuis", "Teststraat"),
    "thema": value(*THEMES),
    "wijk": value(*WIJKEN),
    "buurt": value(*BUURTEN),
    "nu_open": value(*ON),
    "dag": value(*[str(day) for day in Weekday.values]),
    "sorteer": value(*SortOrder.values),
    "vanaf": value(*BUURTEN),
    "pagina": value(*PAGES),
    **{param: value(*ON) for _name, param, _label in ACCESSIBILITY_FACTS},
}
NEWS = {
    "wijk": value(*WIJKEN),
    "buurt": value(*BUURTEN),
    "soort": value(*NewsKind.values),
    "thema": value(*THEMES),
    "pagina": value(*PAGES),
}
SEARCH = {
    "q": value("koffie", "buurthuis", "nieuws uit de buurt"),
    "buurt": value(*BUURTEN),
    "soort": value(*NewsKind.values),
    "pagina": value(*PAGES),
}
IDEAS = {
    "wijk": value(*WIJKEN),
    "buurt": value(*BUURTEN),
    "thema": value(*THEMES),
    "status": value(*IdeaStatus.values),
    "pagina": value(*PAGES),
}
VOLUNTEERING = {
    "thema": value(*THEMES),
    "wijk": value(*WIJKEN),
    "buurt": value(*BUURTEN),
    "pagina": value(*PAGES),
}
PAGING = {"pagina": value(*PAGES)}
SITEMAP = {"p": value("1", "2")}

ENDPOINTS = {
    "/": {"buurt": value("pott", "Wyck", "noord")},
    "/agenda/": CITY_AGENDA,
    "/pottenberg/agenda/": AGENDA,
    "/ontmoetingsplekken/": DIRECTORY,
    "/nieuws/": NEWS,
    "/pottenberg/nieuws/": PAGING,
    "/zoeken/": SEARCH,
    "/vrijwilligerswerk/": VOLUNTEERING,
    "/ideeen/": IDEAS,
    "/pottenberg/ideeen/": PAGING,
    "/sitemap.xml": SITEMAP,
    "/sitemap-nieuws.xml": SITEMAP,
    "/ical/agenda.ics": CITY_AGENDA,
    "/ical/buurt/pottenberg.ics": AGENDA,
    "/pottenberg/bulletin/": {"lang": value("nl", "en")},
    "/taal/en/": {"next": value("/pottenberg/", "/agenda/?van=2027-01-01", "//elders.example")},
    "/beheer/login/": {"next": value("/beheer/pages/", "https://elders.example/")},
}


@pytest.fixture
def content(pottenberg):
    """One of each thing the lists show, so every filter has something to filter."""
    news = NewsIndexPage.objects.child_of(pottenberg).get()
    NewsPageFactory(parent=news, title="Koffie in het buurthuis", kind=NewsKind.NIEUWS)
    initiative = make_initiative(pottenberg)
    make_activity(initiative, start_date=timezone.localdate() + datetime.timedelta(days=1))
    add_place(pottenberg, "Buurthuis Pottenberg")
    Idea.objects.create(
        buurt=pottenberg,
        title="Meer bankjes",
        description="Om even te zitten.",
        review=IdeaReview.PUBLISHED,
    )


# The pages whose results htmx swaps in alone: a case asks for the page or for that part.
PARTIALS = {
    "/": "buurt-picker-results",
    "/agenda/": "agenda-results",
    "/pottenberg/agenda/": "agenda-results",
    "/ontmoetingsplekken/": "plekken-resultaten",
}


# A page with one parameter and a heavy body (the bulletin) needs fewer cases to cover it.
FEWER = {"/pottenberg/bulletin/": max(10, CASES // 4)}


@pytest.mark.parametrize("path", ENDPOINTS)
def test_no_page_filter_gives_a_server_error(client, content, path):
    @settings(FUZZ, max_examples=FEWER.get(path, CASES))
    @given(data=query(**ENDPOINTS[path]), partial=st.booleans())
    def case(data, partial):
        headers = {}
        if partial and path in PARTIALS:
            headers = {"HX-Request": "true", "HX-Target": PARTIALS[path]}
        send(client, path, path, data, headers=headers)

    case()
