"""Every form anyone can post without an account has a rate limit, answered by the friendly
429 page: an activity sign-up, "Ik help mee", follow, and a page password (django-ratelimit);
Wagtail's password reset leads to allauth's, which has its own."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from initiatives.models import VolunteerCallPage
from tests.initiatives.conftest import make_activity, make_initiative
from tim import ratelimits

pytestmark = pytest.mark.django_db

PER_IP = int(ratelimits.PER_IP.split("/")[0])
PER_ADDRESS = int(ratelimits.PER_ADDRESS.split("/")[0])
PASSWORD_TRIES = int(ratelimits.PASSWORD_PER_IP.split("/")[0])


@pytest.fixture(autouse=True)
def no_rate_limits_left_over():
    cache.clear()  # the counts live in Redis, shared by every test of the run
    with time_machine.travel(
        datetime.datetime(2026, 10, 19, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))
    ):
        yield


def assert_friendly_429(response):
    assert response.status_code == 429
    assert "<h1>Te vaak geprobeerd</h1>" in response.text and 'class="site-header"' in response.text


@pytest.fixture
def initiative(pottenberg):
    return make_initiative(pottenberg, host_email="gastvrouw@example.org")


def posts_until_limited(client, url, data, allowed):
    """`allowed` posts pass; returns the answer to the next one."""
    for number in range(allowed):
        assert client.post(url, data(number)).status_code != 429, f"limited after {number}"
    return client.post(url, data(allowed))


def test_activity_signup_per_ip_and_per_address(client, initiative):
    activity = make_activity(initiative, signup_required=True, capacity=50)
    occurrence = activity.occurrences.order_by("starts_at").first()
    url = f"/aanmelden/{occurrence.pk}/"
    many_addresses = lambda n: {"name": "Ria", "email": f"ria{n}@example.org"}  # noqa: E731
    assert_friendly_429(posts_until_limited(client, url, many_addresses, PER_IP))

    cache.clear()
    for number in range(PER_ADDRESS):  # from other IP addresses, one email address in any case
        data = {"name": "Ria", "email": "RIA@example.org" if number % 2 else "ria@example.org"}
        assert client.post(url, data, REMOTE_ADDR=f"10.0.0.{number}").status_code == 200
    data = {"name": "Ria", "email": "ria@example.org"}
    assert_friendly_429(client.post(url, data, REMOTE_ADDR="10.0.1.1"))


def test_volunteer_offer_per_ip(client, initiative):
    call = initiative.add_child(
        instance=VolunteerCallPage(title="Koffie schenken", slug="koffie",
                                   intro="Schenk koffie.", time_needed="2 uur")
    )  # fmt: skip
    call.save_revision().publish()
    offer = lambda n: {"name": "Piet", "email": f"piet{n}@example.org", "consent": "on"}  # noqa: E731
    assert_friendly_429(posts_until_limited(client, f"/meehelpen/{call.pk}/", offer, PER_IP))


def test_follow_per_ip(client, pottenberg):
    nothing = lambda n: {"frequency": "weekly"}  # noqa: E731
    assert_friendly_429(posts_until_limited(client, f"/volgen/{pottenberg.pk}/", nothing, PER_IP))


def test_page_password_tries(client, initiative):
    restriction = PageViewRestriction.objects.create(
        page=initiative, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{initiative.pk}/"
    wrong = lambda n: {"password": f"fout{n}", "return_url": initiative.url}  # noqa: E731
    assert_friendly_429(posts_until_limited(client, url, wrong, PASSWORD_TRIES))
    # and the right one does not get through either, until the limit has passed
    assert_friendly_429(client.post(url, {"password": "geheim", "return_url": initiative.url}))


def test_wagtail_password_reset_is_allauths_with_its_limit(client):
    target = client.get("/beheer/password_reset/")["Location"]
    assert target == "/account/password/reset/"
    ask = lambda n: {"email": "bewoner@demo.thuisinmaastricht.nl"}  # noqa: E731
    assert_friendly_429(posts_until_limited(client, target, ask, 3))
