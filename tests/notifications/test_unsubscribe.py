"""RFC 8058 one-click unsubscribe: one POST with the signed token, a forged token refused."""

import pytest
from django.core import mail
from django.test import Client

from notifications import services, tasks
from notifications.models import Follow, Frequency

from .conftest import publish_under

pytestmark = pytest.mark.django_db


@pytest.fixture
def unsubscribe_url(pottenberg, resident):
    services.follow_page(user=resident("anna"), page=pottenberg, frequency=Frequency.DIRECT)
    tasks.fan_out(services.page_key(publish_under(pottenberg, "Buurtfeest").pk))
    (message,) = mail.outbox
    return message.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")


def frequency():
    return Follow.objects.get().frequency


def test_one_post_without_login_or_csrf_switches_the_follow_off(unsubscribe_url):
    client = Client(enforce_csrf_checks=True)
    response = client.post(unsubscribe_url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Je krijgt hierover geen e-mails meer" in response.text
    assert frequency() == Frequency.OFF


def test_opening_the_link_only_asks_to_confirm(client, unsubscribe_url):
    response = client.get(unsubscribe_url)
    assert "Stop deze e-mails" in response.text
    assert frequency() == Frequency.DIRECT


def test_a_forged_token_is_refused(client, unsubscribe_url, resident, pottenberg):
    bram = resident("bram")
    services.follow_page(user=bram, page=pottenberg, frequency=Frequency.DIRECT)
    annas_token = unsubscribe_url.split("/")[2]
    brams_payload = services.unsubscribe_token(user_id=bram.pk, page_ids=[pottenberg.pk])
    forged = ":".join([brams_payload.split(":")[0], *annas_token.split(":")[1:]])

    for bad in [forged, annas_token[:-3] + "abc", "niet-een-token"]:
        response = client.post(f"/afmelden/{bad}/")
        assert response.status_code == 400
        assert "Deze link werkt niet" in response.text
    assert set(Follow.objects.values_list("frequency", flat=True)) == {Frequency.DIRECT}
