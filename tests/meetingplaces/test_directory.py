"""The city directory: filters in combination, counted results, htmx, and constant query counts."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from meetingplaces.models import MeetingPlaceIndexPage, MeetingPlacePage
from neighbourhoods.models import NeighbourhoodPage
from tim.models import Theme

from .factories import add_place, hours

pytestmark = pytest.mark.django_db

TUESDAY_11 = datetime(2026, 11, 3, 11, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def places(pottenberg, nazareth):
    meeting = Theme.objects.get(slug="ontmoeten")
    sport = Theme.objects.get(slug="sport-en-bewegen")
    return {
        "buurthuis": add_place(
            pottenberg,
            "Buurthuis Pottenberg",
            ranges=[(1, "10:00", "16:00")],
            themes=[meeting],
            step_free_entrance=True,
        ),
        "koffie": add_place(
            pottenberg,
            "Koffiekamer",
            ranges=[(1, "10:00", "12:00")],
            themes=[meeting],
            step_free_entrance=False,
        ),
        "sporthal": add_place(
            nazareth,
            "Sporthal Nazareth",
            ranges=[(1, "09:00", "17:00")],
            themes=[sport],
            step_free_entrance=True,
        ),
        "avond": add_place(
            nazareth,
            "Avondcafé",
            ranges=[(3, "19:00", "23:00")],
            themes=[meeting],
            step_free_entrance=True,
        ),
    }


def listed(response):
    soup = BeautifulSoup(response.content, "html.parser")
    names = [a.get_text(strip=True) for a in soup.select(".place-card__title a")]
    return names, soup.select_one('[role="status"]').get_text(strip=True)


def test_without_filters_every_place_is_listed_and_counted(client, places):
    names, count = listed(client.get("/ontmoetingsplekken/"))
    assert names == ["Avondcafé", "Buurthuis Pottenberg", "Koffiekamer", "Sporthal Nazareth"]
    assert count == "4 ontmoetingsplekken gevonden"


@time_machine.travel(TUESDAY_11, tick=False)
def test_theme_and_open_now_and_step_free_together(client, places):
    response = client.get("/ontmoetingsplekken/?thema=ontmoeten&nu_open=on&rolstoel=on")
    names, count = listed(response)
    assert names == ["Buurthuis Pottenberg"]
    assert count == "1 ontmoetingsplek gevonden"
    # The form keeps what the visitor chose.
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_nu_open").has_attr("checked")
    assert soup.select_one("#id_rolstoel").has_attr("checked")


def test_wijk_buurt_day_and_text(client, places, pottenberg):
    assert listed(client.get(f"/ontmoetingsplekken/?wijk={pottenberg.wijk}"))[0] == [
        "Buurthuis Pottenberg",
        "Koffiekamer",
    ]
    assert listed(client.get("/ontmoetingsplekken/?buurt=nazareth"))[0] == [
        "Avondcafé",
        "Sporthal Nazareth",
    ]
    assert listed(client.get("/ontmoetingsplekken/?dag=3"))[0] == ["Avondcafé"]
    assert listed(client.get("/ontmoetingsplekken/?q=koffie"))[0] == ["Koffiekamer"]


def test_nothing_found_says_so_and_counts_zero(client, places):
    names, count = listed(client.get("/ontmoetingsplekken/?q=bestaatniet&rolstoel=on"))
    assert names == []
    assert count == "0 ontmoetingsplekken gevonden"


def test_sort_by_distance_from_a_buurt(client, places):
    names, _ = listed(client.get("/ontmoetingsplekken/?sorteer=afstand&vanaf=nazareth"))
    assert set(names[:2]) == {"Avondcafé", "Sporthal Nazareth"}  # placed at Nazareth itself
    assert "km verderop" in client.get("/ontmoetingsplekken/?sorteer=afstand&vanaf=nazareth").text


def test_sort_by_distance_without_a_buurt_explains_and_keeps_the_choice(client, places):
    response = client.get("/ontmoetingsplekken/?sorteer=afstand&q=koffie")
    assert "Kies een buurt om op afstand vanaf die buurt te sorteren." in response.text
    names, _ = listed(response)
    assert names == ["Koffiekamer"]  # the other filters still apply
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_q")["value"] == "koffie"


def test_htmx_gets_only_the_results_with_the_count_and_the_quick_choices(client, places):
    response = client.get(
        "/ontmoetingsplekken/?thema=sport-en-bewegen",
        headers={"HX-Request": "true", "HX-Target": "plekken-resultaten"},
    )
    assert "<html" not in response.text
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#plekken-aantal").get_text(strip=True) == "1 ontmoetingsplek gevonden"
    assert soup.select_one("#plekken-snelkeuze")["hx-swap-oob"] == "true"
    assert soup.select_one("#plekken-filters-aantal").get_text(strip=True) == "(1 actief)"
    assert [a.get_text(strip=True) for a in soup.select(".place-card__title a")] == [
        "Sporthal Nazareth"
    ]


def test_the_buurt_home_section_lists_its_places_with_their_status(rf, places, pottenberg):
    template = Template("{% load meetingplace_tags %}{% buurt_places buurt %}")
    with time_machine.travel(TUESDAY_11, tick=False):
        html = template.render(Context({"request": rf.get("/pottenberg/"), "buurt": pottenberg}))
    soup = BeautifulSoup(html, "html.parser")
    assert [a.get_text(strip=True) for a in soup.select(".place-card__title a")] == [
        "Buurthuis Pottenberg",
        "Koffiekamer",
    ]
    assert "Nu open tot 16:00" in soup.text
    assert soup.select_one('a[href="/ontmoetingsplekken/?buurt=pottenberg"]')


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def add_many(count, start=0):
    """Live places spread over all buurten (Pottenberg first), quickly: no revisions."""
    buurten = list(NeighbourhoodPage.objects.order_by("-slug", "pk"))
    buurten.sort(key=lambda buurt: buurt.slug != "pottenberg")
    indexes = {index.path[:12]: index for index in MeetingPlaceIndexPage.objects.all()}
    themes = list(Theme.objects.all()[:3])
    for number in range(start, start + count):
        buurt = buurten[number % len(buurten)]
        place = MeetingPlacePage(
            title=f"Plek {number:03d}",
            mission="Een plek.",
            latitude=buurt.latitude,
            longitude=buurt.longitude,
            step_free_entrance=bool(number % 2),
        )
        place.opening_hours = hours((number % 7, "09:00", "17:00"), (number % 7, "19:00", "01:00"))
        place.themes = themes[: number % 3 + 1]
        indexes[buurt.path[:12]].add_child(instance=place)


PATHS = [
    "/ontmoetingsplekken/",
    "/ontmoetingsplekken/?nu_open=on&rolstoel=on&thema=ontmoeten&sorteer=afstand&vanaf=wyck",
    "/pottenberg/ontmoetingsplekken/",
]


def test_query_counts_are_the_same_for_10_and_80_places(client):
    """Eighty places fill three pages of the directory: a query per card or page would show."""
    add_many(10)
    with_10 = [count_queries(client, path) for path in PATHS]
    add_many(70, start=10)
    assert MeetingPlacePage.objects.live().count() == 80
    with_80 = [count_queries(client, path) for path in PATHS]
    assert with_10 == with_80


def test_the_directory_shows_thirty_places_a_page_and_all_of_them_on_the_map(client):
    add_many(35)

    def cards_and_points(path):
        soup = BeautifulSoup(client.get(path).text, "html.parser")
        titles = [card.h3.get_text(strip=True) for card in soup.select("article.place-card")]
        points = json.loads(soup.find(id="plekken-kaart-data").string)
        return soup, titles, points

    first, on_first, points = cards_and_points("/ontmoetingsplekken/")
    assert len(on_first) == 30 and len(points) == 35
    assert "35 ontmoetingsplekken gevonden" in first.get_text()
    assert first.select_one('a[rel="next"]')["href"] == "?pagina=2"

    _, on_second, points = cards_and_points("/ontmoetingsplekken/?pagina=2")
    assert len(on_second) == 5 and len(points) == 35
    assert len(set(on_first) | set(on_second)) == 35
