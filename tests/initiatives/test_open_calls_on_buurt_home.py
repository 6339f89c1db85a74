"""The buurt home says which initiatives look for volunteers, and how many calls each has open,
counted in the same number of queries however many initiatives the buurt has."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from initiatives.models import VolunteerCallPage

from .conftest import make_initiative

pytestmark = pytest.mark.django_db


def add_call(initiative, title, *, is_open=True):
    call = initiative.add_child(
        instance=VolunteerCallPage(
            title=title, slug=slugify(title), intro="Koffie schenken.", is_open=is_open,
            time_needed="2 uur per week",
        )
    )  # fmt: skip
    call.save_revision().publish()


def cards(client):
    cache.clear()  # the page cache would answer the second visit without a query
    with CaptureQueriesContext(connection) as queries:
        html = BeautifulSoup(client.get("/pottenberg/").content, "html.parser")
    found = {}
    for card in html.select("li.card"):
        tag = card.select_one(".tag--help")
        found[card.select_one(".card__title").get_text(strip=True)] = (
            tag.get_text(strip=True) if tag else ""
        )
    return found, len(queries)


def test_each_initiative_shows_its_own_open_calls(client, pottenberg):
    koffie = make_initiative(pottenberg, "Koffiekamer")
    add_call(koffie, "Gastvrouw")
    add_call(koffie, "Afwasser")
    add_call(koffie, "Klusser", is_open=False)
    make_initiative(pottenberg, "Moestuin")
    found, _ = cards(client)
    assert found["Koffiekamer"] == "Zoekt vrijwilligers (2 oproepen)"
    assert found["Moestuin"] == ""


def test_the_count_costs_the_same_queries_with_more_initiatives(client, pottenberg):
    first = make_initiative(pottenberg, "Initiatief 0")
    add_call(first, "Hulp 0")
    _, few = cards(client)
    for number in range(1, 8):
        initiative = make_initiative(pottenberg, f"Initiatief {number}")
        add_call(initiative, f"Hulp {number}")
    found, many = cards(client)
    assert many == few
    assert found["Initiatief 7"] == "Zoekt vrijwilligers"
