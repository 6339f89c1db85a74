"""A cancelled or moved occurrence tells those who signed up at once, followers in their email."""

import datetime as dt
import zoneinfo

import pytest
from django.core import mail

from notifications import outbox, services, tasks
from notifications.models import Frequency

from .conftest import publish_under

pytestmark = pytest.mark.django_db

TUESDAY_10 = dt.datetime(2026, 3, 10, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


def test_cancelled_occurrence_reaches_participants_now_and_weekly_followers_later(
    pottenberg, resident, django_capture_on_commit_callbacks
):
    activity = publish_under(pottenberg, "Qi-gong")
    participant, follower = resident("deelnemer"), resident("volger")
    services.follow_page(user=follower, page=pottenberg, frequency=Frequency.WEEKLY)

    def cancel():
        return services.notify_occurrence_change(
            occurrence_id=7,
            activity_page_id=activity.pk,
            change=services.OccurrenceChange.CANCELLED,
            old_start=TUESDAY_10,
            participant_ids=[participant.pk],
        )

    with django_capture_on_commit_callbacks():
        key = cancel()
        cancel()  # twice by mistake: still one email
    tasks.fan_out(key)
    tasks.fan_out(key)

    (message,) = mail.outbox
    assert message.to == ["deelnemer@example.org"]
    assert message.subject == "Gaat niet door: Qi-gong"
    assert "Qi-gong op dinsdag 10 maart, 10:00 gaat niet door." in message.body
    assert "omdat je je hebt aangemeld voor deze activiteit" in message.body

    mail.outbox.clear()
    services.write_digests(frequency=Frequency.WEEKLY)
    outbox.send_due()
    (digest,) = mail.outbox
    assert digest.to == ["volger@example.org"]
    assert "Gaat niet door: dinsdag 10 maart, 10:00" in digest.body
