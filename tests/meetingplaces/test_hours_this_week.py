"""A host says "vandaag gesloten" or gives other hours this week: live at once, and logged.

Everything else the host changes still waits for a moderator.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageLogEntry

from meetingplaces.models import HoursChange
from neighbourhoods import roles

from .factories import add_place

pytestmark = pytest.mark.django_db

EVERY_DAY = [(day, "00:00", "23:59") for day in range(7)]


@pytest.fixture
def host(demo_user):
    return demo_user("initiatiefnemer")


@pytest.fixture
def place(pottenberg, host):
    return add_place(pottenberg, "Buurtkamer", owner=host, ranges=EVERY_DAY)


def test_closed_today_shows_at_once_on_the_public_page_and_in_the_audit_log(client, host, place):
    assert "Nu open" in client.get(place.url).text
    client.force_login(host)
    form = client.get(f"/beheer/ontmoetingsplekken/deze-week/{place.pk}/")
    assert form.status_code == 200 and "Die dag gesloten" in form.text

    today = timezone.localdate()
    response = client.post(
        f"/beheer/ontmoetingsplekken/deze-week/{place.pk}/",
        {"day": today.isoformat(), "what": "gesloten", "reason": "Ziekte"},
        follow=True,
    )

    assert "Klaar: de pagina laat de wijziging nu zien." in response.text
    client.logout()
    public = client.get(place.url).text
    assert "Nu open" not in public
    assert "Ziekte" in public
    entry = PageLogEntry.objects.get(page=place, action="meetingplaces.change_hours")
    assert entry.user == host and entry.data["day"] == today.isoformat() and entry.data["closed"]
    place.refresh_from_db()
    assert not place.has_unpublished_changes  # no revision waits: nothing for a moderator


def test_other_hours_for_a_day_this_week_replace_the_usual_hours(client, host, place):
    client.force_login(host)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client.post(
        f"/beheer/ontmoetingsplekken/deze-week/{place.pk}/",
        {"day": tomorrow.isoformat(), "what": "andere-tijden", "opens": "13:00", "closes": "15:00"},
    )
    client.logout()
    assert "13:00–15:00" in client.get(place.url).text
    assert HoursChange.objects.get(page=place).start_date == tomorrow


def test_other_hours_need_both_times(client, host, place):
    client.force_login(host)
    response = client.post(
        f"/beheer/ontmoetingsplekken/deze-week/{place.pk}/",
        {"day": timezone.localdate().isoformat(), "what": "andere-tijden", "opens": "13:00"},
    )
    assert "Vul beide tijden in" in response.text
    assert not HoursChange.objects.exists()


def test_a_day_outside_this_week_is_refused(client, host, place):
    client.force_login(host)
    far = timezone.localdate() + datetime.timedelta(days=30)
    client.post(
        f"/beheer/ontmoetingsplekken/deze-week/{place.pk}/",
        {"day": far.isoformat(), "what": "gesloten"},
    )
    assert not HoursChange.objects.exists()


def test_undo_brings_the_usual_hours_back_and_is_logged(client, host, place):
    client.force_login(host)
    client.post(
        f"/beheer/ontmoetingsplekken/deze-week/{place.pk}/",
        {"day": timezone.localdate().isoformat(), "what": "gesloten"},
    )
    change = HoursChange.objects.get()
    client.post(f"/beheer/ontmoetingsplekken/deze-week/ongedaan/{change.pk}/")
    client.logout()
    assert "Nu open" in client.get(place.url).text
    assert PageLogEntry.objects.filter(
        page=place, action="meetingplaces.undo_hours_change"
    ).exists()


def test_another_host_and_an_anonymous_visitor_cannot_change_the_hours(client, place):
    other = get_user_model().objects.create_user("gastheer@example.org", "x")
    other.groups.add(Group.objects.get(name=roles.INITIATIVE_HOSTS))
    data = {"day": timezone.localdate().isoformat(), "what": "gesloten"}
    url = f"/beheer/ontmoetingsplekken/deze-week/{place.pk}/"
    anonymous = client.post(url, data)
    assert anonymous.status_code == 302 and "/account/login/" in anonymous.url
    client.force_login(other)
    refused = client.post(url, data)  # Wagtail's admin answers PermissionDenied with its home
    assert refused.status_code == 302 and refused.url == "/beheer/"
    assert not HoursChange.objects.exists()


def test_the_host_finds_it_beside_edit_in_the_page_list(client, host, place):
    client.force_login(host)
    listing = client.get(f"/beheer/pages/{place.get_parent().pk}/")
    assert f"/beheer/ontmoetingsplekken/deze-week/{place.pk}/" in listing.text
