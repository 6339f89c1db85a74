"""The host's "Aanmeldingen": per date how many, the names for the host only, a CSV export.

A sign-up the resident cancelled reads "afgemeld"; a date the host cancelled "gaat niet door".
"""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from initiatives import services
from initiatives.models import SignUp
from neighbourhoods import roles

from .conftest import make_activity

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2026, 10, 19, 9, 0, tzinfo=AMS)


@pytest.fixture
def workshop(initiative):
    with time_machine.travel(NOW, tick=False):
        activity = make_activity(
            initiative, title="Valpreventie", recurrence="FREQ=WEEKLY;BYDAY=TU",
            signup_required=True, capacity=2,
        )  # fmt: skip
        first, second = activity.occurrences.order_by("starts_at")[:2]
        for name in ["Anna", "Bram", "Cor"]:
            services.sign_up(occurrence=first, user=None, name=name, email=f"{name}@example.org")
        for signup in SignUp.objects.filter(occurrence=first).order_by("pk"):
            services.confirm_signup(signup=signup)
        services.cancel_signup(signup=SignUp.objects.get(name="Bram"))
        services.sign_up(occurrence=second, user=None, name="Dirk", email="dirk@example.org")
    return activity


def url(activity):
    return f"/beheer/initiatieven/aanmeldingen/{activity.pk}/"


@time_machine.travel(NOW, tick=False)
def test_the_host_sees_per_date_how_many_and_who(client, workshop, demo_user):
    client.force_login(demo_user("initiatiefnemer"))
    page = client.get(url(workshop)).text
    assert "Per datum" in page
    assert "dinsdag 20 oktober 2026, 10:00" in page and "dinsdag 27 oktober 2026, 10:00" in page
    # 20 October: Anna and Cor signed up (2 of 2), Bram cancelled.
    assert "<td>2 / 2</td>" in page
    assert "Anna" in page and "Cor@example.org" in page
    assert "afgemeld" in page  # Bram cancelled himself
    assert "gaat niet door" not in page  # nothing here is cancelled by the host
    assert "Terug naar Valpreventie" in page


@time_machine.travel(NOW, tick=False)
def test_the_csv_has_a_row_per_sign_up_with_date_name_and_status(client, workshop, demo_user):
    client.force_login(demo_user("initiatiefnemer"))
    response = client.get(url(workshop) + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "aanmeldingen-valpreventie.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Datum", "Tijd", "Naam", "E-mailadres", "Status", "Aangemeld op"]
    by_name = {row[2]: row for row in rows[1:]}
    assert by_name["Anna"][:2] == ["2026-10-20", "10:00"]
    assert by_name["Bram"][4] == "afgemeld"
    assert by_name["Dirk"][0] == "2026-10-27"


@time_machine.travel(NOW, tick=False)
def test_another_host_and_an_anonymous_visitor_see_no_names(client, workshop):
    anonymous = client.get(url(workshop))
    assert anonymous.status_code == 302 and "/account/login/" in anonymous.url
    other = get_user_model().objects.create_user("gastheer@example.org", "x")
    other.groups.add(Group.objects.get(name=roles.INITIATIVE_HOSTS))
    client.force_login(other)
    for path in [url(workshop), url(workshop) + "?export=csv"]:
        refused = client.get(path)  # Wagtail's admin answers PermissionDenied with its home
        assert refused.status_code == 302 and refused.url == "/beheer/"
        assert b"Anna" not in refused.content
    assert client.get("/beheer/initiatieven/aanmeldingen/999999/").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_the_host_finds_sign_ups_on_the_dashboard_and_beside_edit(client, workshop, demo_user):
    client.force_login(demo_user("initiatiefnemer"))
    dashboard = client.get("/beheer/").text
    assert "Aanmeldingen voor je activiteiten" in dashboard and url(workshop) in dashboard
    listing = client.get(f"/beheer/pages/{workshop.get_parent().pk}/").text
    assert url(workshop) in listing
    editor = client.get(f"/beheer/pages/{workshop.pk}/edit/").text
    assert "2 aanmeldingen tot nu toe." in editor and url(workshop) in editor


def test_afgemeld_and_gaat_niet_door_are_two_translations():
    from django.utils import translation

    from initiatives.models import Occurrence

    with translation.override("nl"):
        assert str(SignUp.Status.CANCELLED.label) == "afgemeld"
        assert str(Occurrence._meta.get_field("is_cancelled").verbose_name) == "gaat niet door"
