"""The follow control on a buurt page and the settings page with every follow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications import services
from notifications.models import Follow, Frequency

from .conftest import publish_under

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(client, resident):
    user = resident("anna")
    client.force_login(user)
    return user


def test_a_visitor_is_asked_to_log_in_to_follow(client, pottenberg):
    response = client.get("/pottenberg/")
    assert "Log in om Pottenberg te volgen" in response.text
    response = client.post(f"/volgen/{pottenberg.pk}/", {"frequency": "wekelijks"})
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")
    assert not Follow.objects.exists()


def test_follow_without_javascript_goes_back_to_the_page(client, anna, pottenberg):
    response = client.post(
        f"/volgen/{pottenberg.pk}/", {"frequency": "wekelijks", "next": "/pottenberg/"}
    )
    assert response.status_code == 302 and response["Location"] == "/pottenberg/"
    assert Follow.objects.get(user=anna).frequency == Frequency.WEEKLY
    page = client.get("/pottenberg/").text
    assert "Je volgt deze pagina." in page
    assert '<option value="wekelijks" selected>' in page


def test_follow_with_htmx_swaps_only_the_control(client, anna, pottenberg):
    response = client.post(
        f"/volgen/{pottenberg.pk}/", {"frequency": "direct"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith(f'<div class="follow" id="follow-{pottenberg.pk}">')
    assert "Opgeslagen." in response.text and "<html" not in response.text
    assert Follow.objects.get(user=anna).frequency == Frequency.DIRECT


def test_an_unknown_frequency_changes_nothing(client, anna, pottenberg):
    services.follow_page(user=anna, page=pottenberg, frequency=Frequency.DAILY)
    client.post(f"/volgen/{pottenberg.pk}/", {"frequency": "elk-uur"})
    assert Follow.objects.get(user=anna).frequency == Frequency.DAILY


def test_settings_page_changes_and_removes_follows(client, anna, pottenberg, nazareth):
    services.follow_page(user=anna, page=pottenberg, frequency=Frequency.WEEKLY)
    nazareth_follow = services.follow_page(user=anna, page=nazareth, frequency=Frequency.DIRECT)
    pottenberg_follow = Follow.objects.get(page=pottenberg)
    page = client.get("/mijn-account/volgen/").text
    assert "E-mails over Nazareth" in page and "E-mails over Pottenberg" in page

    client.post(
        "/mijn-account/volgen/",
        {
            f"frequency-{pottenberg_follow.pk}": "dagelijks",
            f"frequency-{nazareth_follow.pk}": "direct",
        },
    )
    assert Follow.objects.get(page=pottenberg).frequency == Frequency.DAILY
    client.post("/mijn-account/volgen/", {"remove": nazareth_follow.pk})
    assert list(Follow.objects.values_list("page__slug", flat=True)) == ["pottenberg"]


def test_settings_page_runs_as_many_queries_with_two_follows_as_with_twenty(
    client, anna, pottenberg
):
    def count():
        client.get("/mijn-account/volgen/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/mijn-account/volgen/").status_code == 200
        return len(queries)

    for number in range(2):
        services.follow_page(user=anna, page=publish_under(pottenberg, f"Plek {number}"))
    with_two = count()
    for number in range(2, 20):
        services.follow_page(user=anna, page=publish_under(pottenberg, f"Plek {number}"))
    assert count() == with_two
