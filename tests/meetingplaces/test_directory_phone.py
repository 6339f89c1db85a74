"""The directory on a phone: quick choices, named filters with a way back, "Nu open" at night."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from tim.models import Theme

from .factories import add_place

pytestmark = pytest.mark.django_db

TUESDAY_NIGHT = datetime(2026, 11, 3, 23, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def places(pottenberg, nazareth):
    meeting = Theme.objects.get(slug="ontmoeten")
    return [
        add_place(
            pottenberg, "Buurthuis Pottenberg", ranges=[(2, "10:00", "16:00")], themes=[meeting]
        ),  # fmt: skip
        add_place(nazareth, "Avondcafé", ranges=[(3, "19:00", "23:00")], themes=[meeting]),
    ]


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@time_machine.travel(TUESDAY_NIGHT, tick=False)
def test_open_now_at_night_says_when_each_place_opens_next(client, places):
    soup = soup_of(client.get("/ontmoetingsplekken/?nu_open=on"))
    assert "Er is nu geen plek open" in soup.select_one(".empty-state").get_text()
    cards = soup.select(".place-card")
    assert [card.h3.get_text(strip=True) for card in cards] == ["Buurthuis Pottenberg", "Avondcafé"]
    assert "opent morgen om 10:00" in cards[0].select_one(".open-status").get_text()
    assert soup.select_one(".chip--on").get_text(strip=True).startswith("Nu open")


def test_an_empty_result_names_each_filter_with_a_link_without_it(client, places):
    soup = soup_of(client.get("/ontmoetingsplekken/?thema=sport-en-bewegen&wijk=Zuidoost"))
    empty = soup.select_one(".empty-state")
    links = {a.get_text(" ", strip=True): a["href"] for a in empty.select("a.chip--remove")}
    assert links == {
        "Thema: Sport en bewegen – dit filter weghalen ×": "/ontmoetingsplekken/?wijk=Zuidoost",
        "Wijk: Zuidoost – dit filter weghalen ×": "/ontmoetingsplekken/?thema=sport-en-bewegen",
    }
    assert "minder filters" not in empty.get_text()
    assert soup.select_one(".filter-disclosure__count").get_text(strip=True) == "(2 actief)"


def test_theme_chips_on_cards_link_to_the_filtered_list(client, places):
    soup = soup_of(client.get("/ontmoetingsplekken/"))
    chip = soup.select_one(".place-card .theme-chips a")
    assert chip["href"] == "/ontmoetingsplekken/?thema=ontmoeten"
    soup = soup_of(client.get(chip["href"]))
    assert len(soup.select(".place-card")) == 2


def test_the_filters_wait_behind_a_disclosure_after_the_quick_choices(client, places):
    soup = soup_of(client.get("/ontmoetingsplekken/"))
    tools = soup.select_one(".list-tools")
    assert [a.get_text(strip=True) for a in tools.select(".quick-filters a")] == [
        "Nu open", "Vandaag open", "Rolstoeltoegankelijk"]  # fmt: skip
    assert tools.select_one("details.filter-disclosure form") is not None
    assert tools.select_one("a.skip-inline")["href"] == "#plekken-resultaten"


def test_the_long_title_breaks_between_syllables_on_a_narrow_screen(client, places):
    soup = soup_of(client.get("/ontmoetingsplekken/"))
    assert soup.h1.get_text() == "Ont\u00admoe\u00adtings\u00adplek\u00adken"  # soft hyphens
