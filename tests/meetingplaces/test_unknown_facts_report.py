"""The admin lists the places whose access facts are still "not known", most unknown first."""

import pytest

from .factories import add_place

pytestmark = pytest.mark.django_db


def test_places_with_the_most_unknown_facts_come_first(client, pottenberg, demo_user):
    host = demo_user("initiatiefnemer")
    add_place(pottenberg, "Alles bekend", owner=host, step_free_entrance=True,
              accessible_toilet=False, hearing_loop=True, quiet_space=True,
              disabled_parking=False, assistance_dogs_welcome=True)  # fmt: skip
    add_place(pottenberg, "Half bekend", owner=host, step_free_entrance=True,
              accessible_toilet=True, hearing_loop=False)  # fmt: skip
    add_place(pottenberg, "Niets bekend", owner=host)
    client.force_login(host)

    page = client.get("/beheer/ontmoetingsplekken/onbekende-gegevens/").text

    assert "Onbekende gegevens" in page
    assert page.index("Niets bekend") < page.index("Half bekend") < page.index("Alles bekend")


def test_the_report_is_in_the_reports_menu_and_shows_only_pages_the_user_may_edit(
    client, pottenberg, nazareth, demo_user
):
    add_place(pottenberg, "Plek in Pottenberg")
    add_place(nazareth, "Plek in Nazareth")
    client.force_login(demo_user("redactie-pottenberg"))
    assert "/beheer/ontmoetingsplekken/onbekende-gegevens/" in client.get("/beheer/").text
    page = client.get("/beheer/ontmoetingsplekken/onbekende-gegevens/").text
    assert "Plek in Pottenberg" in page and "Plek in Nazareth" not in page


def test_the_place_page_invites_visitors_to_fill_in_what_is_unknown(client, pottenberg):
    place = add_place(pottenberg, "Niets bekend")
    page = client.get(place.url).text
    assert page.count("niet bekend") >= 6
    assert "Weet jij wat nog niet bekend is? Laat het ons weten" in page
