"""By keyboard only: react, reply and report; a moderator hides and shows again from the queue.

axe-core checks every page and state of reactions: the block (empty, filled, closed, for a
moderator), the forms to change, delete, report and hide, the house rules and the queue.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from participation import services
from participation.models import Participant, ParticipationSettings, Reaction
from tests.participation import conftest as participation_fixtures

from .conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
article = participation_fixtures.article
make_resident = participation_fixtures.make_resident
BEWONER = "bewoner@demo.thuisinmaastricht.nl"
MODERATOR = "moderator@demo.thuisinmaastricht.nl"


def log_in(page, email, next_url):
    """The one login form (allauth's), for residents and for staff going on to the admin."""
    page.goto(f"/account/login/?next={next_url}")
    page.get_by_label(re.compile(r"^E-?mail")).fill(email)
    page.get_by_label("Wachtwoord").fill("tim-demo-2026")
    page.get_by_role("button", name=re.compile("^(Inloggen|Aanmelden)$")).click()


def focus_and(page, locator, key):
    locator.focus()
    page.keyboard.press(key)


@pytest.fixture
def conversation(article, make_resident, demo_user):
    Participant.objects.create(user=demo_user("bewoner"), approved_at=timezone.now())
    piet = make_resident(trusted=True, name="Piet")
    services.reaction_create(user=piet, target=article, text="Wie helpt met de stoelen?")
    settings = ParticipationSettings.load()
    settings.report_threshold = 1
    settings.save()
    return article


def still_the_same_page(page):
    """True while the browser has not loaded a new page since `mark()`: htmx did the work."""
    return page.evaluate("window.zonderHerladen === true")


def mark(page):
    page.evaluate("window.zonderHerladen = true")


def test_resident_reacts_replies_reports_and_changes_by_keyboard_without_reloading(
    page, conversation
):
    article = conversation
    page.goto(article.url)
    assert_no_axe_violations(page)  # logged out: the invitation to log in
    log_in(page, BEWONER, next_url=article.url)
    page.wait_for_url(f"**{article.url}")
    mark(page)

    page.get_by_label("Je reactie").focus()
    page.keyboard.type("Ik kom ook! Zie https://example.org")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Bedankt voor je reactie.")).to_be_visible()
    expect(page.locator(".reactions__messages")).to_be_focused()  # read out to screen readers
    mine = Reaction.objects.get(text__startswith="Ik kom ook")
    expect(page.locator(f"#reactie-{mine.pk} a[rel='nofollow ugc']")).to_have_text(
        "https://example.org"
    )
    assert still_the_same_page(page)
    assert_no_axe_violations(page)

    focus_and(page, page.get_by_text("Antwoord Piet"), "Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("Ik neem er twee mee.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Ik neem er twee mee.")).to_be_visible()
    # htmx moves the focus to what happened when the swap settles: wait for it before going on
    expect(page.locator(".reactions__messages")).to_be_focused()
    assert Reaction.objects.get(text="Ik neem er twee mee.").parent.author.display_name == "Piet"
    assert still_the_same_page(page)

    focus_and(page, page.get_by_role("link", name="Melden de reactie van Piet"), "Enter")
    expect(page.get_by_label("Reclame of spam")).to_be_visible()  # the form, under the reaction
    expect(page.get_by_label("Kwetsend, grof of discriminerend")).to_be_focused()
    assert_no_axe_violations(page)
    focus_and(page, page.get_by_label("Reclame of spam"), "Space")
    page.keyboard.press("Tab")
    page.keyboard.type("Dit is een advertentie.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Bedankt. Een moderator kijkt naar je melding.")).to_be_visible()
    expect(page.get_by_text("Wie helpt met de stoelen?")).to_have_count(0)
    expect(page.locator(".reactions__messages")).to_be_focused()
    assert still_the_same_page(page)

    focus_and(page, page.get_by_role("link", name="Wijzigen"), "Enter")
    changed = page.get_by_label("Je reactie wijzigen")
    expect(changed).to_be_focused()
    assert_no_axe_violations(page)
    page.keyboard.press("Control+A")
    page.keyboard.type("Ik kom ook, met taart.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Je reactie is gewijzigd.")).to_be_visible()
    expect(page.locator(f"#reactie-{mine.pk}")).to_contain_text("Ik kom ook, met taart.")
    assert still_the_same_page(page)

    page.goto(f"/reacties/{mine.pk}/verwijderen/")
    assert_no_axe_violations(page)
    page.goto("/spelregels/")
    assert_no_axe_violations(page)


def test_without_javascript_every_reaction_form_still_works(browser, live_server, conversation):
    article = conversation
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, BEWONER, next_url=article.url)
    page.wait_for_url(f"**{article.url}")

    page.get_by_label("Je reactie").fill("Zonder JavaScript lukt het ook.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.get_by_text("Bedankt voor je reactie.")).to_be_visible()
    expect(page.get_by_text("Zonder JavaScript lukt het ook.")).to_be_visible()

    page.get_by_role("link", name="Melden de reactie van Piet").click()
    expect(page.get_by_role("heading", name="Een reactie melden")).to_be_visible()
    page.get_by_label("Reclame of spam").check()
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("Bedankt. Een moderator kijkt naar je melding.")).to_be_visible()

    page.get_by_role("link", name="Wijzigen").click()
    expect(page.get_by_role("heading", name="Je reactie wijzigen")).to_be_visible()
    page.get_by_label("Je reactie wijzigen").fill("Gewijzigd zonder JavaScript.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Gewijzigd zonder JavaScript.")).to_be_visible()
    context.close()


def test_moderator_hides_and_restores_from_the_queue_by_keyboard(page, conversation):
    article = conversation
    reaction = Reaction.objects.get()
    log_in(page, MODERATOR, next_url="/beheer/buurtplein/?toon=recent")
    page.wait_for_url("**/beheer/buurtplein/**")
    page.reload()  # without the login message: its colours are Wagtail's own, not this queue's
    expect(page.get_by_text("Wie helpt met de stoelen?")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Reden (de schrijver krijgt die per e-mail)").focus()
    page.keyboard.type("Dit hoort niet bij het bericht.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Verborgen. De schrijver krijgt je reden per e-mail.")).to_be_visible()
    reaction.refresh_from_db()
    assert reaction.status == "verborgen"

    focus_and(page, page.get_by_role("button", name="Weer tonen"), "Enter")
    expect(page.get_by_text("Weer zichtbaar.")).to_be_visible()
    page.goto(article.url)
    expect(page.get_by_text("Wie helpt met de stoelen?")).to_be_visible()
    assert_no_axe_violations(page)  # as a moderator: hide links and the close button
    page.goto(f"/reacties/{reaction.pk}/verbergen/")
    assert_no_axe_violations(page)

    page.goto(article.url)
    focus_and(page, page.get_by_role("button", name="Reageren sluiten"), "Enter")
    expect(page.get_by_text("Reageren is gesloten.").first).to_be_visible()
    assert_no_axe_violations(page)
