"""The volunteer editor's first minutes in the admin, in Chromium: the dashboard says what to do,
the news form is axe-clean and hints at plain language (B1) while they write."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from news.models import NewsIndexPage, NewsPage
from tests.meetingplaces.factories import add_place

from .conftest import assert_no_axe_violations, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Set TIM_SCREENS to a folder to keep screenshots of the admin as the editor sees it.
SCREENS = os.environ.get("TIM_SCREENS")

LONG_SENTENCE = (
    "Op zaterdag komen de bewoners van de Pottenberg samen in de buurtkamer om koffie te drinken "
    "en om te praten over de plannen voor het nieuwe speelveld achter de school."
)


def shoot(page, name):
    if SCREENS:
        page.screenshot(path=str(Path(SCREENS) / f"{name}.png"), full_page=True)


@pytest.fixture
def editors_items(pottenberg, demo_user):
    """A draft and an item sent to the Moderatoren, both by the Pottenberg editor."""
    editor = demo_user("redactie-pottenberg")
    index = NewsIndexPage.objects.child_of(pottenberg).get()
    for title, submit in [("Markt op het plein", False), ("Buurtfeest in juni", True)]:
        item = index.add_child(
            instance=NewsPage(title=title, intro="Kom ook.", owner=editor, live=False)
        )
        item.save_revision(user=editor)
        if submit:
            item.get_workflow().start(item, editor)


def test_editor_starts_a_news_item_from_the_dashboard(page, editors_items):
    log_in(page, "redactie-pottenberg@demo.thuisinmaastricht.nl")
    page.wait_for_url("**/beheer/")
    page.goto("/beheer/")  # again, without the fading "logged in" message axe would catch mid-fade
    expect(page.get_by_role("heading", name="Wat je kunt doen")).to_be_visible()
    mine = page.locator("#jouw-paginas-content")
    expect(
        mine.get_by_role("row", name=re.compile("Buurtfeest in juni Wacht op goedkeuring"))
    ).to_be_visible()
    expect(mine.get_by_role("row", name=re.compile("Markt op het plein Concept"))).to_be_visible()
    assert_no_axe_violations(page)
    shoot(page, "dashboard")

    page.get_by_role("link", name="Lees de handleiding: zo schrijf je voor je buurt").click()
    expect(page.get_by_role("heading", name="Woorden die je tegenkomt")).to_be_visible()
    assert_no_axe_violations(page)
    shoot(page, "manual")
    page.go_back()

    page.get_by_role("link", name="Schrijf een nieuwsbericht voor Pottenberg").click()
    page.wait_for_url(re.compile(r"/beheer/pages/add/news/newspage/\d+/"))
    # In the menu beside "Save draft": the one button that sends the item to a moderator.
    expect(page.locator("button", has_text="Ter goedkeuring aanbieden")).to_have_count(1)
    assert_no_axe_violations(page)

    page.get_by_label(re.compile("^Inleiding")).fill(
        LONG_SENTENCE + " Ook schuldhulpverleningstrajecten."
    )
    page.get_by_label(re.compile("^Titel")).first.focus()
    hint = page.locator(".b1-hint").first
    expect(hint).to_contain_text(f"Een zin van {len(LONG_SENTENCE.split())} woorden")
    expect(hint).to_contain_text("Een lang woord: “schuldhulpverleningstrajecten”")
    assert_no_axe_violations(page)
    shoot(page, "news-form-b1-hint")

    page.get_by_role("tab", name="Promotie").click()
    shoot(page, "news-form-promote")
    expect(page.get_by_role("textbox", name=re.compile("^Webadres"))).to_be_visible()
    expect(page.get_by_text("Titel tag")).to_have_count(0)


def test_meeting_place_form_has_labels_for_every_input(page, pottenberg, demo_user):
    place = add_place(pottenberg, "Buurtkamer Pottenberg", owner=demo_user("initiatiefnemer"))
    place.challenges = [("challenge", "Genoeg vrijwilligers vinden")]
    place.save_revision().publish()
    log_in(page, "moderator@demo.thuisinmaastricht.nl", next_url=f"/beheer/pages/{place.pk}/edit/")
    page.wait_for_url(f"**/beheer/pages/{place.pk}/edit/")
    page.reload()  # without the fading "logged in" message
    expect(page.get_by_role("textbox", name="uitdaging")).to_have_value(
        "Genoeg vrijwilligers vinden"
    )
    assert_no_axe_violations(page)


def test_userbar_opens_for_the_editor_under_the_content_security_policy(
    browser, live_server, pottenberg
):
    """The userbar (edit link, Checks) on a public page, with the site's CSP enforced."""
    item = (
        NewsIndexPage.objects.child_of(pottenberg)
        .get()
        .add_child(instance=NewsPage(title="Koffie op het plein", intro="Kom ook."))
    )
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));"
    )
    log_in(page, "redactie-pottenberg@demo.thuisinmaastricht.nl")
    page.wait_for_url("**/beheer/")
    page.goto(item.url)
    trigger = page.locator("wagtail-userbar").get_by_role("button").first
    expect(trigger).to_be_visible()
    trigger.click()
    expect(page.locator("wagtail-userbar").get_by_role("menuitem").first).to_be_visible()
    assert page.evaluate("window.cspViolations") == []
    shoot(page, "public-page-userbar")
    context.close()
