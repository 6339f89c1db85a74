"""Keyboard only: find an open, wheelchair-accessible place; axe-core on every view."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.meetingplaces.factories import add_place

from .conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TUESDAY_11 = datetime(2026, 11, 3, 11, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def places(pottenberg, nazareth):
    with time_machine.travel(TUESDAY_11, tick=False):
        return [
            add_place(
                pottenberg,
                "Buurthuis Pottenberg",
                ranges=[(1, "10:00", "16:00")],
                step_free_entrance=True,
                hours_are_example=True,
            ),
            add_place(
                pottenberg, "Koffiekamer", ranges=[(1, "10:00", "16:00")], step_free_entrance=False
            ),
            add_place(
                nazareth, "Avondcafé", ranges=[(3, "19:00", "23:00")], step_free_entrance=True
            ),
        ]


def tab_to(page, element_id, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} was not reached with Tab")


def test_open_now_and_wheelchair_then_read_the_hours_by_keyboard_only(page, places):
    with time_machine.travel(TUESDAY_11, tick=True):
        page.goto("/ontmoetingsplekken/")
        assert page.get_by_role("status").inner_text() == "3 ontmoetingsplekken gevonden"
        for _ in range(20):  # the quick choice "Nu open", a link
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == "Nu open":
                break
        page.keyboard.press("Enter")
        page.wait_for_url("**nu_open=on")
        assert page.get_by_role("status").inner_text().startswith("2 ")
        tab_to(page, "plekken-filters")  # the other filters wait behind "Filters"
        page.keyboard.press("Enter")
        tab_to(page, "id_rolstoel")
        page.keyboard.press("Space")
        page.wait_for_function(
            "document.getElementById('plekken-aantal').textContent.trim()"
            " === '1 ontmoetingsplek gevonden'"
        )
        assert "rolstoel=on" in page.url and "nu_open=on" in page.url  # shareable, like without JS
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent") == "Buurthuis Pottenberg":
                break
        page.keyboard.press("Enter")
        page.wait_for_url("**/buurthuis-pottenberg/")
        hours = page.locator("#openingstijden").locator("..")
        assert "Nu open tot 16:00" in hours.inner_text()
        assert "Voorbeeldgegevens" in hours.inner_text()
        today = page.locator(".hours-table__today")
        assert "dinsdag" in today.inner_text() and "10:00–16:00" in today.inner_text()


def test_axe_finds_no_violation_on_the_directory_and_a_place(page, places):
    page.goto("/ontmoetingsplekken/")
    assert_no_axe_violations(page)
    page.goto("/ontmoetingsplekken/?thema=ontmoeten&rolstoel=on&sorteer=afstand&vanaf=nazareth")
    assert_no_axe_violations(page)
    page.goto("/ontmoetingsplekken/?sorteer=afstand")  # with the friendly error
    assert_no_axe_violations(page)
    page.goto(places[0].url)
    assert_no_axe_violations(page)


def test_the_directory_filters_without_javascript(browser, live_server, places):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/ontmoetingsplekken/")
    page.locator("#plekken-filters").click()
    page.get_by_label("Rolstoeltoegankelijke ingang").check()
    page.get_by_role("button", name="Toon plekken").click()
    assert page.locator(".place-card__title").all_inner_texts() == [
        "Avondcafé",
        "Buurthuis Pottenberg",
    ]
    context.close()
