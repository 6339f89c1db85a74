"""An activity at a meeting place shows the place's full address; the chooser starts there."""

import pytest

from tests.meetingplaces.factories import add_place

from .conftest import make_activity, make_initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def buurtkamer(pottenberg, demo_user):
    return add_place(
        pottenberg, "Buurtkamer", owner=demo_user("initiatiefnemer"),
        street_address="Pottenbergsweg 12", postcode="6216 AB",
    )  # fmt: skip


def test_an_activity_at_a_meeting_place_shows_its_street_postcode_and_city(
    client, pottenberg, buurtkamer
):
    initiative = make_initiative(pottenberg)
    activity = make_activity(
        initiative, place_page=buurtkamer, place_name="", street_address="", postcode=""
    )
    assert activity.address == "Pottenbergsweg 12, 6216 AB Maastricht"
    page = client.get(activity.url).text
    assert "Pottenbergsweg 12, 6216 AB Maastricht" in page
    ics = client.get(f"/ical/activiteit/{activity.pk}.ics").content.decode()
    assert "Pottenbergsweg 12\\, 6216 AB Maastricht" in ics


def test_an_activity_elsewhere_keeps_its_own_address(pottenberg):
    activity = make_activity(make_initiative(pottenberg))
    assert activity.address == "Pottenbergsweg 1, 6216 AA Maastricht"


def test_a_new_activity_starts_at_the_initiatives_own_meeting_place(
    client, pottenberg, buurtkamer, demo_user
):
    from initiatives.models import InitiativePlace

    host = demo_user("initiatiefnemer")
    initiative = make_initiative(pottenberg, owner=host)
    initiative.places = [InitiativePlace(place_page=buurtkamer)]
    initiative.save_revision().publish()
    client.force_login(host)
    form = client.get(f"/beheer/pages/add/initiatives/activitypage/{initiative.pk}/").text
    assert f'value="{buurtkamer.pk}"' in form and "Buurtkamer" in form


def test_without_an_initiative_place_it_starts_at_a_place_the_host_owns(
    client, pottenberg, buurtkamer, demo_user
):
    host = demo_user("initiatiefnemer")
    initiative = make_initiative(pottenberg, owner=host)
    client.force_login(host)
    form = client.get(f"/beheer/pages/add/initiatives/activitypage/{initiative.pk}/").text
    assert f'value="{buurtkamer.pk}"' in form
