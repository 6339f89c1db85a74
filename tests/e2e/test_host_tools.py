"""The host's tools in a browser: sign-ups per date and "vandaag gesloten", by keyboard only."""

import pytest
from django.utils import timezone

from initiatives import services
from initiatives.models import SignUp
from meetingplaces.choices import RRULE_DAYS
from meetingplaces.models import HoursChange
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place

from .conftest import assert_no_axe_violations, log_in
from .test_place_correction import shoot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def host(demo_user):
    return demo_user("initiatiefnemer")


@pytest.fixture
def place(pottenberg, host):
    return add_place(
        pottenberg, "Buurtkamer Pottenberg", owner=host,
        ranges=[(day, "00:00", "23:59") for day in range(7)],
        street_address="Pottenbergsweg 12", postcode="6216 AB",
    )  # fmt: skip


@pytest.fixture
def workshop(pottenberg, host, place):
    initiative = make_initiative(pottenberg, owner=host, host_email="gastvrouw@example.org")
    today = timezone.localdate()
    weekday = RRULE_DAYS[today.weekday()]
    activity = make_activity(
        initiative, title="Valpreventie", start_date=today,
        recurrence=f"FREQ=WEEKLY;BYDAY={weekday}",
        signup_required=True, capacity=8, place_page=place, place_name="",
        street_address="", postcode="",
    )  # fmt: skip
    occurrence = activity.occurrences.filter(starts_at__gte=timezone.now()).first()
    for name in ["Anna", "Bram"]:
        signup = services.sign_up(
            occurrence=occurrence, user=None, name=name, email=f"{name.lower()}@example.org"
        )
        services.confirm_signup(signup=signup)
    services.cancel_signup(signup=SignUp.objects.get(name="Bram"))
    return activity


@pytest.mark.parametrize("viewport", ["page", "mobile_page"])
def test_the_host_reads_sign_ups_from_the_dashboard(request, viewport, host, workshop):
    page = request.getfixturevalue(viewport)
    log_in(page, host.email)
    page.get_by_role("heading", name="Aanmeldingen voor je activiteiten").wait_for()
    shoot(page, f"beheer-dashboard-{viewport}")
    page.get_by_role("link", name="Aanmeldingen voor Valpreventie").click()
    page.get_by_role("heading", name="Per datum").wait_for()
    assert page.get_by_role("cell", name="afgemeld").is_visible()
    assert page.get_by_role("link", name="Download als CSV (voor Excel of een ander rekenblad)")
    assert_no_axe_violations(page)
    shoot(page, f"beheer-aanmeldingen-{viewport}")
    page.goto(f"/beheer/pages/{workshop.pk}/edit/")
    page.get_by_role("link", name="Aanmeldingen per datum").wait_for()
    assert page.get_by_text("1 aanmelding tot nu toe.").is_visible()
    shoot(page, f"beheer-activiteit-bewerken-{viewport}")
    page.goto(workshop.url)
    assert page.get_by_text("Pottenbergsweg 12, 6216 AB Maastricht").is_visible()
    shoot(page, f"activiteit-adres-{viewport}")


@pytest.mark.parametrize("viewport", ["page", "mobile_page"])
def test_the_host_closes_the_place_today_by_keyboard_only(request, viewport, host, place):
    page = request.getfixturevalue(viewport)
    this_week = f"/beheer/ontmoetingsplekken/deze-week/{place.pk}/"
    log_in(page, host.email, next_url=this_week)
    page.goto(this_week)  # without the "logged in" message, whose colours are Wagtail's
    page.get_by_role("heading", name="Wijziging toevoegen").wait_for()
    assert_no_axe_violations(page)
    shoot(page, f"beheer-deze-week-{viewport}")
    page.get_by_label("Reden (bezoekers zien dit)").focus()
    page.keyboard.type("Ziekte")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Opslaan: de pagina laat het meteen zien"
    page.get_by_text("Klaar: de pagina laat de wijziging nu zien.").wait_for()
    assert HoursChange.objects.get().closed
    shoot(page, f"beheer-deze-week-opgeslagen-{viewport}")
    page.goto(place.url)
    assert page.get_by_text("Ziekte").first.is_visible()
    shoot(page, f"plek-vandaag-gesloten-{viewport}")


def test_the_unknown_facts_report_passes_axe(page, host, place):
    report = "/beheer/ontmoetingsplekken/onbekende-gegevens/"
    log_in(page, host.email, next_url=report)
    page.goto(report)  # without the "logged in" message, whose colours are Wagtail's
    page.get_by_role("link", name="Buurtkamer Pottenberg").first.wait_for()
    assert_no_axe_violations(page)
    shoot(page, "beheer-onbekende-gegevens-page")
