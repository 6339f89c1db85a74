"""A visitor tells us a fact is wrong or missing: the host and the Moderatoren hear of it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from meetingplaces.models import Correction
from neighbourhoods import roles
from notifications import outbox
from notifications.models import OutgoingEmail

from ..initiatives.conftest import make_initiative
from .factories import add_place

pytestmark = pytest.mark.django_db

MESSAGE = "De ingang heeft geen drempel, en er is een invalidentoilet."


@pytest.fixture
def moderator(demo_user):
    return demo_user("moderator")


def test_an_anonymous_visitor_sends_a_correction_to_the_host_and_the_moderators(
    client, pottenberg, demo_user, moderator
):
    host = demo_user("initiatiefnemer")
    place = add_place(pottenberg, "Buurtkamer", owner=host)
    page = client.get(place.url)
    assert "Klopt er iets niet, of weet je dit? Laat het ons weten" in page.text
    assert "de gastvrouw of gastheer van Buurtkamer en de moderatoren van de gemeente" in page.text

    response = client.post(f"/laat-het-weten/{place.pk}/", {"message": MESSAGE}, follow=True)

    assert response.redirect_chain[-1][0] == place.url
    assert "Je bericht gaat naar de gastvrouw of gastheer van Buurtkamer" in response.text
    correction = Correction.objects.get(page=place)
    assert correction.message == MESSAGE and correction.name == "" and correction.email == ""
    rows = OutgoingEmail.objects.filter(kind="meetingplaces.correction")
    assert {row.address for row in rows} == {host.email, moderator.email}
    assert all(row.cause == f"correction:{correction.pk}" for row in rows)


def test_the_email_to_the_host_quotes_the_message_and_the_sender(client, pottenberg, demo_user):
    place = add_place(pottenberg, "Buurtkamer", host_email="gastvrouw@example.org")
    client.post(
        f"/laat-het-weten/{place.pk}/",
        {"message": MESSAGE, "name": "Anna", "email": "anna@example.org"},
    )
    outbox.send_due()
    to_host = next(m for m in mail.outbox if m.to == ["gastvrouw@example.org"])
    assert "Buurtkamer" in to_host.subject
    assert MESSAGE in to_host.body and "Anna <anna@example.org>" in to_host.body


def test_without_a_host_the_buurt_editors_and_moderators_hear_of_it(
    client, pottenberg, demo_user, moderator
):
    place = add_place(pottenberg, "Plek zonder gastheer")
    client.post(f"/laat-het-weten/{place.pk}/", {"message": MESSAGE})
    addresses = set(
        OutgoingEmail.objects.filter(kind="meetingplaces.correction").values_list(
            "address", flat=True
        )
    )
    assert demo_user("redactie-pottenberg").email in addresses
    assert moderator.email in addresses


def test_a_correction_on_an_initiative_page_works_too(client, pottenberg, demo_user, moderator):
    initiative = make_initiative(pottenberg, host_email="buurtkamer@example.org")
    assert "Laat het ons weten" in client.get(initiative.url).text
    client.post(f"/laat-het-weten/{initiative.pk}/", {"message": MESSAGE})
    assert Correction.objects.filter(page=initiative).exists()
    assert OutgoingEmail.objects.filter(
        kind="meetingplaces.correction", address="buurtkamer@example.org"
    ).exists()


def test_an_empty_message_shows_the_error_on_an_address_that_a_reload_can_open(client, pottenberg):
    place = add_place(pottenberg, "Buurtkamer")
    response = client.post(f"/laat-het-weten/{place.pk}/", {"message": "", "name": "Anna"})
    assert response.status_code == 200
    assert "Schrijf wat er niet klopt, of wat je weet." in response.text
    assert 'value="Anna"' in response.text  # what was typed is kept
    assert client.get(f"/laat-het-weten/{place.pk}/").status_code == 200  # GET works: no 405
    assert not Correction.objects.exists()


def test_a_page_that_takes_no_corrections_is_not_found(client, pottenberg):
    assert client.post(f"/laat-het-weten/{pottenberg.pk}/", {"message": MESSAGE}).status_code == 404


def test_the_form_needs_the_csrf_token(pottenberg):
    place = add_place(pottenberg, "Buurtkamer")
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(f"/laat-het-weten/{place.pk}/", {"message": MESSAGE}).status_code == 403
    assert not Correction.objects.exists()


def test_a_flood_of_corrections_is_stopped(client, pottenberg):
    place = add_place(pottenberg, "Buurtkamer")
    codes = [
        client.post(f"/laat-het-weten/{place.pk}/", {"message": f"{MESSAGE} {n}"}).status_code
        for n in range(12)
    ]
    assert codes.count(429) >= 2
    assert Correction.objects.count() == 10


def test_an_inactive_moderator_is_not_emailed(client, pottenberg, moderator):
    gone = get_user_model().objects.create_user("oud@example.org", "x", is_active=False)
    gone.groups.add(Group.objects.get(name=roles.MODERATORS))
    place = add_place(pottenberg, "Buurtkamer", host_email="gastvrouw@example.org")
    client.post(f"/laat-het-weten/{place.pk}/", {"message": MESSAGE})
    addresses = set(
        OutgoingEmail.objects.filter(kind="meetingplaces.correction").values_list(
            "address", flat=True
        )
    )
    assert addresses == {"gastvrouw@example.org", moderator.email}


def test_moderators_read_corrections_in_the_admin_and_hosts_cannot(
    client, pottenberg, demo_user, moderator
):
    place = add_place(pottenberg, "Buurtkamer")
    client.post(f"/laat-het-weten/{place.pk}/", {"message": MESSAGE})
    client.force_login(moderator)
    listing = client.get("/beheer/verbeteringen/")
    assert listing.status_code == 200 and "De ingang heeft geen drempel" in listing.text
    client.force_login(demo_user("initiatiefnemer"))
    assert client.get("/beheer/verbeteringen/").status_code in (302, 403)


def test_a_correction_sent_from_a_residents_address_is_in_their_download_and_goes_with_them(
    client, pottenberg, demo_user
):
    from accounts import services as accounts_services

    resident = demo_user("bewoner")
    place = add_place(pottenberg, "Buurtkamer")
    client.post(f"/laat-het-weten/{place.pk}/", {"message": MESSAGE, "email": resident.email})
    client.post(f"/laat-het-weten/{place.pk}/", {"message": "Een ander", "email": "x@example.org"})

    download = accounts_services.export_user_data(user=resident)
    assert [c["message"] for c in download["meetingplaces"]["corrections"]] == [MESSAGE]

    accounts_services.delete_account(user=resident)
    assert list(Correction.objects.values_list("email", flat=True)) == ["x@example.org"]
