"""Who may edit a meeting place: its own host, the buurt's editors, moderators; nobody else."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry

from neighbourhoods import roles

from .factories import add_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_host():
    user = get_user_model().objects.create_user("gastheer@example.org", "x")
    user.groups.add(Group.objects.get(name=roles.INITIATIVE_HOSTS))
    return user


def can_open_editor(client, user, page):
    client.force_login(user)
    return client.get(f"/beheer/pages/{page.pk}/edit/").status_code == 200


def test_a_host_edits_own_place_and_not_another_hosts(client, demo_user, other_host, pottenberg):
    host = demo_user("initiatiefnemer")
    own = add_place(pottenberg, "BeiHuis test", owner=host)
    others = add_place(pottenberg, "Andere plek", owner=other_host)
    assert own.permissions_for_user(host).can_edit()
    assert not others.permissions_for_user(host).can_edit()
    assert can_open_editor(client, host, own)
    assert not can_open_editor(client, host, others)


def test_an_editor_of_one_buurt_cannot_edit_a_place_in_another(demo_user, pottenberg, nazareth):
    editor = demo_user("redactie-pottenberg")
    here = add_place(pottenberg, "Plek in Pottenberg")
    there = add_place(nazareth, "Plek in Nazareth")
    assert here.permissions_for_user(editor).can_edit()
    assert not there.permissions_for_user(editor).can_edit()


def test_the_host_changes_hours_in_the_admin_and_the_audit_log_has_it(
    client, demo_user, pottenberg
):
    host = demo_user("initiatiefnemer")
    place = add_place(pottenberg, "BeiHuis test", owner=host, ranges=[(1, "10:00", "16:00")])
    client.force_login(host)
    form = client.get(f"/beheer/pages/{place.pk}/edit/")
    assert "Openingstijden" in form.text and 'type="time"' in form.text or "time" in form.text
    data = {
        "title": place.title,
        "slug": place.slug,
        "mission": place.mission,
        "city": "Maastricht",
        "street_address": "Teststraat 1",
        "latitude": "50.85",
        "longitude": "5.69",
        "key_figures-count": "0",
        "challenges-count": "0",
        "testimonials-count": "0",
        "photos-count": "0",
        "opening_hours-TOTAL_FORMS": "1",
        "opening_hours-INITIAL_FORMS": "1",
        "opening_hours-MIN_NUM_FORMS": "0",
        "opening_hours-MAX_NUM_FORMS": "1000",
        "opening_hours-0-id": str(place.opening_hours.get().pk),
        "opening_hours-0-ORDER": "1",
        "opening_hours-0-weekday": "1",
        "opening_hours-0-opens": "09:00",
        "opening_hours-0-closes": "17:00",
        "opening_exceptions-TOTAL_FORMS": "0",
        "opening_exceptions-INITIAL_FORMS": "0",
        "opening_exceptions-MIN_NUM_FORMS": "0",
        "opening_exceptions-MAX_NUM_FORMS": "1000",
        **{
            fact: ""
            for fact in [
                "step_free_entrance",
                "accessible_toilet",
                "hearing_loop",
                "quiet_space",
                "disabled_parking",
                "assistance_dogs_welcome",
            ]
        },
    }
    response = client.post(f"/beheer/pages/{place.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    place.refresh_from_db()
    revision = place.get_latest_revision_as_object()
    assert [(r.opens.hour, r.closes.hour) for r in revision.opening_hours.all()] == [(9, 17)]
    assert PageLogEntry.objects.filter(page=place, action="wagtail.edit", user=host).exists()
