"""A resident finds this week in Pottenberg and signs up by keyboard; the host sees it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from initiatives import services
from initiatives.models import SignUp, VolunteerCallPage
from tests.initiatives.conftest import make_activity, make_initiative

from .conftest import assert_no_axe_violations, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def pottenberg_week(pottenberg, demo_user):
    initiative = make_initiative(
        pottenberg, owner=demo_user("initiatiefnemer"), host_email="gastvrouw@example.org"
    )
    today = timezone.localdate()
    common = {
        "start_date": today,
        "start_time": datetime.time(23),
        "end_time": datetime.time(23, 59),
    }
    free = make_activity(
        initiative, title="Buurtsoep koken", signup_required=True, capacity=8, **common
    )
    make_activity(initiative, title="Fotografiecursus", price=10, **common)
    call = initiative.add_child(
        instance=VolunteerCallPage(title="Koks gezocht", intro="Help koken.", time_needed="2 uur")
    )
    call.save_revision().publish()
    return initiative, free, call


def focus_and(page, locator, key):
    locator.focus()
    page.keyboard.press(key)


def test_resident_finds_filters_and_signs_up_by_keyboard_and_the_host_sees_it(
    page, pottenberg_week
):
    initiative, activity, _call = pottenberg_week
    page.goto("/pottenberg/")
    week = page.get_by_role("region", name="Deze week in Pottenberg")
    assert week.get_by_role("link", name="Buurtsoep koken").is_visible()
    focus_and(page, week.get_by_role("link", name="Alles van deze week in Pottenberg"), "Enter")
    page.wait_for_url("**/pottenberg/agenda/?wanneer=week")
    assert page.locator(".event__title").all_inner_texts() == [
        "Buurtsoep koken",
        "Fotografiecursus",
    ]
    focus_and(page, page.get_by_role("link", name="Gratis", exact=True), "Enter")  # a quick choice
    page.wait_for_url("**gratis=on**")
    assert page.locator(".event__title").all_inner_texts() == ["Buurtsoep koken"]
    page.get_by_text("Filters (2 actief)").click()  # the rest of the filters, with htmx
    focus_and(page, page.get_by_label("Gratis"), "Space")
    page.wait_for_function(
        "document.querySelectorAll('#agenda-results .event__title').length === 2"
    )
    assert "gratis=on" not in page.url
    expect(page.locator("#agenda-filters-aantal")).to_have_text("(1 actief)")
    focus_and(page, page.get_by_role("link", name="Gratis", exact=True), "Enter")
    page.wait_for_url("**gratis=on**")
    focus_and(page, page.get_by_role("link", name="Buurtsoep koken"), "Enter")
    page.wait_for_url(f"**{activity.url}")
    focus_and(page, page.get_by_role("link", name="Aanmelden voor").first, "Enter")
    page.get_by_label("Je naam").focus()
    page.keyboard.type("Ria")
    page.keyboard.press("Tab")
    page.keyboard.type("ria@example.org")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Kijk in je mail")).to_be_visible()
    signup = SignUp.objects.get(email="ria@example.org")
    page.goto(f"/aanmelden/bevestigen/{services.signup_token(signup, 'confirm')}/")
    expect(page.get_by_role("heading", name="Bevestig je aanmelding")).to_be_visible()
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.PENDING  # opening the link (a mail scanner) is not enough
    focus_and(page, page.get_by_role("button", name="Ja, bevestig mijn aanmelding"), "Enter")
    expect(page.get_by_role("heading", name="Je bent aangemeld")).to_be_visible()
    # the host
    log_in(page, "initiatiefnemer@demo.thuisinmaastricht.nl",
           next_url=f"/beheer/initiatieven/aanmeldingen/{activity.pk}/")  # fmt: skip
    expect(page.get_by_role("cell", name="ria@example.org")).to_be_visible()
    expect(page.get_by_role("cell", name="Ria", exact=True)).to_be_visible()


def test_no_axe_violations_on_agenda_initiative_activity_signup_errors_volunteering_confirm(
    page, mobile_page, pottenberg_week
):
    initiative, activity, call = pottenberg_week
    occurrence = activity.occurrences.get()
    for browser_page in (page, mobile_page):
        for path in [
            "/agenda/",
            "/pottenberg/agenda/",
            initiative.url,
            activity.url,
            "/vrijwilligerswerk/",
            "/vrijwilligerswerk/?wijk=Oost",  # the chosen filter as a chip that removes it
            call.url,
        ]:
            browser_page.goto(path)
            assert_no_axe_violations(browser_page)
    page.goto(f"/aanmelden/{occurrence.pk}/")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("Dit is een verplicht veld.").first).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(call.url)
    page.get_by_role("button", name="Ik help mee").click()
    expect(page.get_by_text("Zet een vinkje, zodat de organisator je mag mailen.")).to_be_visible()
    assert_no_axe_violations(page)
    signup = services.sign_up(occurrence=occurrence, name="Ria", email="ria@example.org")
    page.goto(f"/aanmelden/bevestigen/{services.signup_token(signup, 'confirm')}/")
    expect(page.get_by_role("button", name="Ja, bevestig mijn aanmelding")).to_be_visible()
    assert_no_axe_violations(page)
