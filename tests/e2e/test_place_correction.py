"""Keyboard only: a visitor tells the host what the page does not know yet; axe-core is clean."""

import os
from pathlib import Path

import pytest

from meetingplaces.models import Correction
from notifications.models import OutgoingEmail
from tests.meetingplaces.factories import add_place

from .conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Set TIM_SCREENS to a folder to keep screenshots of the pages this test walks through.
SCREENS = os.environ.get("TIM_SCREENS")


def shoot(page, name):
    if SCREENS:
        page.screenshot(path=str(Path(SCREENS) / f"{name}.png"), full_page=True)


def tab_to(page, element_id, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} was not reached with Tab")


def open_the_form_by_keyboard(page):
    """The place page links to the form on its own address (the page itself stays cacheable)."""
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Laat het ons weten":
            break
    else:
        raise AssertionError('"Laat het ons weten" was not reached with Tab')
    page.keyboard.press("Enter")
    page.wait_for_url("**/laat-het-weten/**")


@pytest.fixture
def place(pottenberg, demo_user):
    return add_place(
        pottenberg,
        "Buurtkamer Pottenberg",
        owner=demo_user("initiatiefnemer"),
        ranges=[(day, "10:00", "16:00") for day in range(5)],
        hours_are_example=True,
    )


@pytest.mark.parametrize("viewport", ["page", "mobile_page"])
def test_a_visitor_sends_a_correction_by_keyboard_only(request, viewport, place):
    page = request.getfixturevalue(viewport)
    page.goto(place.url)
    assert page.get_by_role(
        "heading", name="Klopt er iets niet, of weet je dit? Laat het ons weten"
    ).is_visible()
    assert_no_axe_violations(page)
    shoot(page, f"plek-{viewport}")

    open_the_form_by_keyboard(page)
    assert_no_axe_violations(page)
    tab_to(page, "id_message")
    page.keyboard.type("De ingang heeft geen drempel.")
    page.keyboard.press("Tab")  # name (optional)
    page.keyboard.type("Anna")
    page.keyboard.press("Tab")  # email (optional): left empty
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Versturen"
    page.keyboard.press("Enter")

    message = page.get_by_text("Dank je wel! Je bericht gaat naar de gastvrouw of gastheer")
    message.wait_for()
    assert page.url.endswith(place.url)
    assert_no_axe_violations(page)
    shoot(page, f"plek-na-versturen-{viewport}")
    correction = Correction.objects.get()
    assert correction.name == "Anna" and correction.email == ""
    assert OutgoingEmail.objects.filter(kind="meetingplaces.correction").count() == 2


def test_an_empty_message_is_explained_and_the_page_survives_a_reload(page, place):
    page.goto(place.url)
    open_the_form_by_keyboard(page)
    tab_to(page, "id_message")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Schrijf wat er niet klopt, of wat je weet.").wait_for()
    assert_no_axe_violations(page)
    shoot(page, "correctie-fout-page")
    page.reload()
    assert page.get_by_role("heading", name="Buurtkamer Pottenberg").is_visible()
    assert page.get_by_label("Wat klopt er niet, of wat weet je?").is_visible()
    assert not Correction.objects.exists()


@pytest.mark.parametrize("viewport", ["page", "mobile_page"])
def test_the_demo_place_and_the_privacy_page_read_plainly_and_pass_axe(request, viewport):
    from initiatives import demo as initiatives_demo
    from meetingplaces import demo as meetingplaces_demo

    meetingplaces_demo.load()
    initiatives_demo.load()
    page = request.getfixturevalue(viewport)
    page.goto("/brusselsepoort/ontmoetingsplekken/beihuis/")
    assert page.get_by_text("BeiHuis is 4 dagen per week open.").is_visible()
    assert "boekje" not in page.inner_text("main")
    assert_no_axe_violations(page)
    shoot(page, f"demo-beihuis-{viewport}")
    page.goto("/brusselsepoort/initiatieven/beihuis/")
    assert_no_axe_violations(page)
    shoot(page, f"demo-initiatief-beihuis-{viewport}")
    page.goto("/privacy/")
    assert page.get_by_text("tile.openstreetmap.org").is_visible()
    assert_no_axe_violations(page)
    shoot(page, f"privacy-{viewport}")
