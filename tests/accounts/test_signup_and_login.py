"""Sign-up by email with verification, password reset, and allauth's pages in the site's look."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from notifications import outbox
from notifications.models import OutgoingEmail

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts in the (Redis) cache, shared by every test of the run."""
    cache.clear()
    yield
    cache.clear()


def sent():
    """What the outbox's sender sends now (in production: a worker, after the commit)."""
    outbox.send_due()
    return mail.outbox


def sign_up(client, email="nieuw@example.org", password="een-lang-wachtwoord", **extra):
    return client.post(
        "/account/signup/", {"email": email, "password1": password, "password2": password, **extra}
    )


def test_sign_up_verify_by_the_emailed_link_and_emails_come_in_that_language(client):
    client.cookies["tim_language"] = "en"
    response = sign_up(client)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="nieuw@example.org")
    assert user.language == "en"

    assert mail.outbox == []  # an outbox row, sent after the request
    assert OutgoingEmail.objects.get(address="nieuw@example.org").language == "en"
    (message,) = sent()
    link = re.search(r"http://testserver(/account/confirm-email/\S+/)", message.body).group(1)
    response = client.post(link)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified


def test_a_mistake_keeps_the_email_typed_and_says_what_is_wrong(client):
    response = client.post(
        "/account/signup/",
        {"email": "nieuw@example.org", "password1": "kort", "password2": "anders"},
    )
    assert response.status_code == 200
    assert 'value="nieuw@example.org"' in response.text
    assert 'class="form-error"' in response.text and 'aria-invalid="true"' in response.text
    assert "Er klopt nog iets niet" in response.text
    assert '<link rel="stylesheet" href="/static/css/tim.css">' in response.text


def test_login_is_refused_until_the_email_is_verified(client):
    sign_up(client)
    mail.outbox.clear()
    client.logout()
    response = client.post(
        "/account/login/", {"login": "nieuw@example.org", "password": "een-lang-wachtwoord"}
    )
    assert response.status_code == 302 and "confirm-email" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_that_sets_a_new_password(client, demo_user):
    client.post("/account/password/reset/", {"email": "bewoner@demo.thuisinmaastricht.nl"})
    (message,) = sent()
    link = re.search(r"http://testserver(/account/password/reset/key/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"password1": "nieuw-wachtwoord-2026", "password2": "nieuw-wachtwoord-2026"}
    )
    assert response.status_code == 302
    assert demo_user("bewoner").check_password("nieuw-wachtwoord-2026")


def test_changing_the_email_address_sends_a_verification_to_the_new_one(client, demo_user):
    client.force_login(demo_user("bewoner"))
    response = client.post("/account/email/", {"action_add": "", "email": "anna.nieuw@example.org"})
    assert response.status_code == 302
    assert sent()[-1].to == ["anna.nieuw@example.org"]


@pytest.mark.parametrize(
    ("path", "data", "allowed"),
    [
        ("/account/signup/", {"email": "x@example.org", "password1": "a", "password2": "b"}, 5),
        ("/account/login/", {"login": "iemand@example.org", "password": "fout"}, 20),
        ("/account/password/reset/", {"email": "bewoner@demo.thuisinmaastricht.nl"}, 3),
    ],
)
def test_too_many_attempts_get_a_friendly_429_page(client, path, data, allowed):
    statuses = {client.post(path, data).status_code for _ in range(allowed)}
    assert 429 not in statuses
    response = client.post(path, data)
    assert response.status_code == 429
    assert "<h1>Te vaak geprobeerd</h1>" in response.text
    assert "Wacht een paar minuten" in response.text
    assert 'class="site-header"' in response.text
