"""Daily and weekly followers get one digest at 07:00 in Maastricht; an empty one is not sent."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.core import mail

from notifications import services, tasks
from notifications.models import Frequency

from .conftest import publish_under

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
TUESDAY_7AM = dt.datetime(2026, 3, 10, 7, 0, tzinfo=AMSTERDAM)
MONDAY_7AM = dt.datetime(2026, 3, 16, 7, 0, tzinfo=AMSTERDAM)


@pytest.fixture
def published(pottenberg, resident):
    people = {}
    for name, frequency in [("dag", "dagelijks"), ("week", "wekelijks"), ("uit", "uit")]:
        people[name] = resident(name)
        services.follow_page(user=people[name], page=pottenberg, frequency=frequency)
    with time_machine.travel(TUESDAY_7AM - dt.timedelta(hours=10), tick=False):
        for title in ["Snoeiactie", "Koffie-ochtend"]:
            tasks.fan_out(services.page_key(publish_under(pottenberg, title).pk))
    return people


def recipients():
    return sorted(message.to[0] for message in mail.outbox)


def test_daily_digest_on_tuesday_weekly_waits_for_monday_and_nothing_twice(published):
    with time_machine.travel(TUESDAY_7AM, tick=False):
        tasks.send_digests()
    assert recipients() == ["dag@example.org"]
    (daily,) = mail.outbox
    assert daily.subject == "Vandaag in je buurt: 2 nieuwe berichten"
    assert "Snoeiactie" in daily.body and "Koffie-ochtend" in daily.body
    assert "omdat je Pottenberg volgt en koos voor “één keer per dag”" in daily.body
    assert daily.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    mail.outbox.clear()
    with time_machine.travel(TUESDAY_7AM + dt.timedelta(days=1), tick=False):
        tasks.send_digests()
    assert mail.outbox == []  # nothing new: no empty digest

    with time_machine.travel(MONDAY_7AM, tick=False):
        tasks.send_digests()
    assert recipients() == ["week@example.org"]
    assert mail.outbox[0].subject == "Deze week in je buurt: 2 nieuwe berichten"


def test_switching_off_before_the_digest_sends_nothing(published, pottenberg):
    services.follow_page(user=published["week"], page=pottenberg, frequency=Frequency.OFF)
    with time_machine.travel(MONDAY_7AM, tick=False):
        tasks.send_digests()
    assert recipients() == ["dag@example.org"]
