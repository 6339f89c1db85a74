"""Profile, "Mijn buurt", download my data, and deleting an account with its personal data."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from notifications import services, tasks
from notifications.models import Delivery, Follow, Frequency, OutgoingEmail
from tests.notifications.conftest import publish_under

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(client, demo_user):
    user = demo_user("bewoner")
    client.force_login(user)
    return user


def test_profile_saves_buurt_and_language_and_home_shows_my_buurt(client, anna, pottenberg):
    assert "Vertel in welke buurt je woont" in client.get("/").text
    response = client.post(
        "/mijn-account/",
        {"display_name": "Anna", "home_buurt": pottenberg.pk, "language": "en"},
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert (anna.display_name, anna.home_buurt, anna.language) == ("Anna", pottenberg, "en")
    home = client.get("/").text
    assert "Je woont in Pottenberg." in home and 'href="/pottenberg/"' in home


def test_profile_error_keeps_what_was_typed(client, anna):
    response = client.post("/mijn-account/", {"display_name": "Anna B.", "language": "fr"})
    assert response.status_code == 200
    assert 'value="Anna B."' in response.text and 'class="form-error"' in response.text


def test_account_pages_need_a_login(client):
    for path in ["/mijn-account/", "/mijn-account/volgen/", "/mijn-account/verwijderen/"]:
        assert client.get(path)["Location"].startswith("/account/login/")


def test_download_my_data_as_json(client, anna, pottenberg):
    services.follow_page(user=anna, page=pottenberg, frequency=Frequency.WEEKLY)
    response = client.post("/mijn-account/mijn-gegevens/")
    assert response["Content-Disposition"].startswith('attachment; filename="thuisinmaastricht-')
    data = json.loads(response.content)
    assert data["account"]["email"] == "bewoner@demo.thuisinmaastricht.nl"
    assert data["email_addresses"][0]["verified"] is True
    assert data["notifications"]["follows"][0]["page"] == "Pottenberg"


def test_delete_account_says_what_stays_then_removes_personal_data(
    client, anna, pottenberg, nazareth
):
    services.follow_page(user=anna, page=pottenberg, frequency=Frequency.DIRECT)
    services.follow_page(user=anna, page=nazareth, frequency=Frequency.WEEKLY)
    for buurt in (pottenberg, nazareth):  # an email to her, and a row waiting for her digest
        tasks.fan_out(services.page_key(publish_under(buurt, f"Nieuws uit {buurt.title}").pk))
    assert OutgoingEmail.objects.filter(address=anna.email).exists()
    assert Delivery.objects.filter(recipient=anna).exists()
    page = client.get("/mijn-account/verwijderen/").text
    assert "verwijderde bewoner" in page and "Wat blijft" in page

    response = client.post("/mijn-account/verwijderen/", {})
    assert "Zet een vinkje" in response.text
    assert get_user_model().objects.filter(pk=anna.pk).exists()

    response = client.post("/mijn-account/verwijderen/", {"confirm": "on"}, follow=True)
    assert "Je account en je persoonlijke gegevens zijn verwijderd." in response.text
    assert not get_user_model().objects.filter(email=anna.email).exists()
    assert not EmailAddress.objects.filter(email=anna.email).exists()
    assert not Follow.objects.exists() and not Delivery.objects.exists()
    assert not OutgoingEmail.objects.filter(address__iexact=anna.email).exists()
    assert client.get("/mijn-account/")["Location"].startswith("/account/login/")
