"""A host cancels or moves one date: the residents signed up for it are told at once."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from initiatives import services
from initiatives.models import ActivityDateChange, ActivityPage
from notifications import outbox, tasks
from notifications.models import FanOut

from .conftest import make_activity

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def change_date(activity, **change):
    activity = ActivityPage.objects.get(pk=activity.pk)
    activity.date_changes = [ActivityDateChange(date=datetime.date(2026, 12, 22), **change)]
    activity.save_revision().publish()


@pytest.mark.parametrize(
    ("change", "kind"),
    [({}, "cancelled"), ({"new_date": datetime.date(2026, 12, 23)}, "moved")],
)
@time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=AMS), tick=False)
def test_signed_up_residents_are_told_of_a_cancelled_or_moved_date(
    initiative, demo_user, django_capture_on_commit_callbacks, change, kind
):
    activity = make_activity(
        initiative, recurrence="FREQ=WEEKLY;BYDAY=TU", start_date=datetime.date(2026, 12, 15)
    )
    occurrence = activity.occurrences.get(original_start__date=datetime.date(2026, 12, 22))
    resident = demo_user("bewoner")
    services.sign_up(occurrence=occurrence, user=resident)
    services.sign_up(occurrence=occurrence, name="Zonder account", email="gast@example.org")
    unaffected = activity.occurrences.get(original_start__date=datetime.date(2026, 12, 29))
    outbox.send_due()  # the sign-up emails
    mail.outbox.clear()

    with django_capture_on_commit_callbacks():
        change_date(activity, **change)

    (job,) = FanOut.objects.filter(key__startswith=f"occurrence:{occurrence.pk}:{kind}:")
    assert not FanOut.objects.filter(key__startswith=f"occurrence:{unaffected.pk}:").exists()
    tasks.fan_out(job.key)  # what the worker does right after the commit: not a digest
    told = sorted(message.to[0] for message in mail.outbox)
    assert told == [resident.email, "gast@example.org"]
    subject = {"cancelled": "Gaat niet door: Qi-gong", "moved": "Nieuwe tijd: Qi-gong"}[kind]
    assert [message.subject for message in mail.outbox] == [subject, subject]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks():
        change_date(activity, **change)  # publishing again tells nobody twice
    for key in FanOut.objects.values_list("key", flat=True):
        tasks.fan_out(key)
    outbox.send_due()
    assert mail.outbox == []
