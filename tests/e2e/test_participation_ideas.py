"""By keyboard only: launch an idea, an editor publishes it, a neighbour supports it.

axe-core checks the buurt's ideas, the form (empty and with errors), an idea (before and after
support, with an answer), the city's list with filters and the editors' ideas queue.
"""

import pytest
from playwright.sync_api import expect

from participation import services
from participation.choices import IdeaStatus
from participation.models import Idea, Support
from tests.participation import conftest as participation_fixtures

from .conftest import assert_no_axe_violations
from .test_participation_reactions import focus_and, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
make_resident = participation_fixtures.make_resident


def test_launch_publish_and_support_an_idea_by_keyboard(browser, live_server, page, demo_user):
    page.goto("/pottenberg/ideeen/")
    assert_no_axe_violations(page)  # empty
    log_in(page, "bewoner@demo.thuisinmaastricht.nl", next_url="/pottenberg/ideeen/")
    page.wait_for_url("**/pottenberg/ideeen/")
    focus_and(page, page.get_by_role("link", name="Stuur een idee in"), "Enter")
    page.wait_for_url("**/pottenberg/ideeen/nieuw/")
    focus_and(page, page.get_by_role("button", name="Idee insturen"), "Enter")
    expect(page.get_by_text("Kijk het formulier nog even na.")).to_be_visible()
    assert_no_axe_violations(page)  # with errors

    page.get_by_label("Je idee in een paar woorden").focus()
    page.keyboard.type("Een boekenkastje bij de bushalte")
    page.keyboard.press("Tab")
    page.keyboard.type("Ruil boeken met je buren. Het kastje is klein en kost weinig.")
    focus_and(page, page.get_by_role("button", name="Idee insturen"), "Enter")
    expect(page.get_by_text("De redactie van de buurt bekijkt je idee")).to_be_visible()
    idea = Idea.objects.get()

    editor = browser.new_context(base_url=live_server.url).new_page()
    log_in(editor, "redactie-pottenberg@demo.thuisinmaastricht.nl",
           next_url="/beheer/buurtplein/ideeen/")  # fmt: skip
    editor.wait_for_url("**/beheer/buurtplein/ideeen/")
    editor.reload()  # without the login message (Wagtail's own colours)
    assert_no_axe_violations(editor)
    focus_and(editor, editor.get_by_role("button", name="Publiceren", exact=True), "Enter")
    expect(editor.get_by_text("Het idee staat online.")).to_be_visible()
    editor.context.close()

    page.goto(idea.url)
    focus_and(page, page.get_by_label("Toon mijn naam in de lijst van steunbetuigers"), "Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Bedankt voor je steun.")).to_be_visible()
    expect(page.get_by_text("1 bewoner steunt dit idee.")).to_be_visible()
    assert Support.objects.get(idea=idea).show_name
    assert_no_axe_violations(page)


def test_no_axe_violations_on_an_answered_idea_and_the_city_list(
    page, demo_user, make_resident, pottenberg
):
    idea = services.idea_create(  # by the buurt's editor: published at once
        user=demo_user("redactie-pottenberg"),
        buurt=pottenberg,
        title="Meer groen op het plein",
        description="Bloembakken en een boom. Zie https://example.org",
    )
    services.support_add(user=make_resident(), idea=idea, show_name=True)
    services.idea_answer(
        moderator=demo_user("moderator"),
        idea=idea,
        status=IdeaStatus.IN_PROGRESS,
        text="De gemeente plant in het voorjaar twee bomen.",
    )
    page.goto(idea.url)
    expect(page.get_by_text("De gemeente plant in het voorjaar twee bomen.")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto("/ideeen/?wijk=&buurt=pottenberg&status=wordt-uitgevoerd")
    expect(page.get_by_role("link", name="Meer groen op het plein")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto("/ideeen/?status=afgerond")
    assert_no_axe_violations(page)  # no results


def test_a_point_chosen_on_the_map_by_keyboard_shows_on_the_ideas_map(page, pottenberg):
    log_in(
        page, "redactie-pottenberg@demo.thuisinmaastricht.nl", next_url="/pottenberg/ideeen/nieuw/"
    )
    page.wait_for_url("**/pottenberg/ideeen/nieuw/")
    page.locator(".leaflet-container").wait_for()  # the map is drawn when Leaflet has loaded
    assert_no_axe_violations(page)
    page.get_by_label("Je idee in een paar woorden").fill("Een bankje bij de speeltuin")
    page.get_by_label("Wat en waarom").fill("Ouders kunnen dan even zitten.")
    focus_and(page, page.locator("#idee-kaart"), "Enter")  # the centre of the map is the point
    expect(page.get_by_label("Breedtegraad")).to_have_value("50.85170")
    expect(page.get_by_label("Lengtegraad")).to_have_value("5.65720")
    focus_and(page, page.get_by_role("button", name="Idee insturen"), "Enter")
    expect(page.get_by_text("Je idee staat online.")).to_be_visible()  # an editor's idea

    idea = Idea.objects.get(title="Een bankje bij de speeltuin")
    assert (str(idea.latitude), str(idea.longitude)) == ("50.85170", "5.65720")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)
    expect(page.get_by_role("link", name="Bekijk het punt op OpenStreetMap")).to_be_visible()
    assert_no_axe_violations(page)
