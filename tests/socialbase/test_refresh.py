"""Summaries follow the content: a worker counts a buurt again after a publish in it."""

import time

import pytest
from django.conf import settings

from socialbase.models import BuurtSummary
from tests.meetingplaces.factories import add_place


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_a_place_recounts_its_buurt_through_the_worker(
    celery_worker_process, pottenberg
):
    add_place(pottenberg, "Huiskamer", ranges=[(2, "10:00", "12:00")])

    def counted():
        summary = BuurtSummary.objects.filter(buurt=pottenberg).first()
        return summary is not None and summary.figures()["places"] == 1

    assert wait_for(counted), "the worker did not count Pottenberg after the publish"
    assert BuurtSummary.objects.get(buurt=pottenberg).figures()["open_minutes"] == 120
    assert not BuurtSummary.objects.exclude(buurt=pottenberg).exists()  # only that buurt


def test_every_buurt_is_counted_every_night():
    entry = settings.CELERY_BEAT_SCHEDULE["socialbase-summaries"]
    assert entry["task"] == "socialbase.tasks.refresh_all"
    assert entry["schedule"].hour == {3} and entry["schedule"].minute == {45}


@pytest.mark.django_db
def test_the_nightly_task_counts_all_44_buurten():
    from socialbase import tasks

    tasks.refresh_all()
    assert BuurtSummary.objects.count() == 44
