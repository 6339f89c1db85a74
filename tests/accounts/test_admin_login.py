"""/beheer/ is entered through the residents' login (allauth): its rate limits, its lockout,
and only with a verified email address. Wagtail's own login and password reset lead there."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from neighbourhoods import roles
from notifications.models import OutgoingEmail
from tim.checks import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limits_left_over():
    cache.clear()  # the rate limits count in Redis, shared by every test of the run


def test_the_admin_login_and_password_reset_are_the_residents_ones(client):
    response = client.get("/beheer/login/?next=/beheer/pages/")
    assert response["Location"] == "/account/login/?next=%2Fbeheer%2Fpages%2F"
    assert client.get("/beheer/")["Location"].startswith("/account/login/?next=/beheer/")
    assert client.get("/beheer/password_reset/")["Location"] == "/account/password/reset/"
    assert client.get("/beheer/login/?next=https://elders.example/")["Location"] == (
        "/account/login/?next=%2Fbeheer%2F"
    )


def test_wrong_passwords_lock_the_editor_out_also_for_the_right_one(client, demo_user):
    moderator = demo_user("moderator")
    for _attempt in range(5):
        response = client.post("/account/login/", {"login": moderator.email, "password": "fout"})
        assert response.status_code == 200
    response = client.post("/account/login/", {"login": moderator.email, "password": DEMO_PASSWORD})
    assert "Te veel inlogpogingen" in response.text
    assert client.get("/beheer/")["Location"].startswith("/account/login/")


def test_an_editor_without_a_verified_address_is_refused_and_told_how_to_verify(client):
    editor = get_user_model().objects.create_user(
        email="nieuwe.redacteur@example.org", password=DEMO_PASSWORD, is_staff=True
    )
    editor.groups.add(Group.objects.get(name=roles.MODERATORS))
    EmailAddress.objects.create(user=editor, email=editor.email, verified=False, primary=True)

    response = client.post(
        "/account/login/?next=/beheer/",
        {"login": editor.email, "password": DEMO_PASSWORD},
        follow=True,
    )
    assert "Verifieer je e-mailadres" in response.text and "Volg de link" in response.text
    assert OutgoingEmail.objects.filter(address=editor.email).exists()  # the verification link
    assert client.get("/beheer/")["Location"].startswith("/account/login/")
    assert not client.get("/mijn-account/").status_code == 200  # not on the public site either
