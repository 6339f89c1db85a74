"""Editors find the initiatives whose sign-ups and offers reach no host of their own."""

import pytest

from .conftest import make_initiative

pytestmark = pytest.mark.django_db


def test_the_report_lists_initiatives_without_any_host_address(client, demo_user, pottenberg):
    make_initiative(pottenberg, title="Zonder adres")
    make_initiative(pottenberg, title="Met adres", host_email="gastvrouw@example.org")
    make_initiative(pottenberg, title="Met eigenaar", owner=demo_user("initiatiefnemer"))

    client.force_login(demo_user("moderator"))
    page = client.get("/beheer/initiatieven/zonder-adres/").content.decode()
    assert "Zonder adres" in page
    assert "Met adres" not in page and "Met eigenaar" not in page
    menu = client.get("/beheer/").content.decode()  # the sidebar menu, under Rapporten
    assert "/beheer/initiatieven/zonder-adres/" in menu


def test_residents_cannot_open_the_report(client, demo_user):
    client.force_login(demo_user("bewoner"))
    assert client.get("/beheer/initiatieven/zonder-adres/").status_code in (302, 403)
