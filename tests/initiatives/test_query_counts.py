"""The agenda, a buurt agenda, an initiative and an activity: the same queries for 10 or 300.

Three hundred activities fill fifteen agenda pages: a query per row or per page would show."""

import datetime
import time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives.models import ActivityPage, Occurrence

from .conftest import make_activity

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2026, 10, 20, 8, 0, tzinfo=AMS)


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def add_activities(initiative, buurt, count, start):
    """Many live activities with one occurrence each this week.

    Pages are placed in the tree directly (path, depth, url_path) rather than one add_child each:
    the same rows, a tenth of the time, so the test stays quick enough for every CI run.
    """
    initiative.refresh_from_db()
    occurrences = []
    for number in range(start, start + count):
        slug = f"activiteit-{number}"
        depth, step = initiative.depth + 1, initiative.numchild + 1
        page = ActivityPage(
            title=f"Activiteit {number}", draft_title=f"Activiteit {number}", slug=slug,
            intro="Samen.", live=True, owner=initiative.owner,
            path=ActivityPage._get_path(initiative.path, depth, step), depth=depth, numchild=0,
            url_path=f"{initiative.url_path}{slug}/",
            start_date=datetime.date(2026, 10, 21), start_time=datetime.time(10),
            end_time=datetime.time(11), place_name="Buurthuis", price=number % 2,
            signup_required=bool(number % 3), capacity=10,
        )  # fmt: skip
        page.save(clean=False)
        initiative.numchild += 1
        starts = datetime.datetime(2026, 10, 21, 10, tzinfo=AMS) + datetime.timedelta(
            minutes=number
        )
        occurrences.append(
            Occurrence(
                activity=page,
                original_start=starts,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=1),
                buurt=buurt,
                is_free=not number % 2,
                signup_required=bool(number % 3),
            )  # fmt: skip
        )
    Occurrence.objects.bulk_create(occurrences)
    type(initiative).objects.filter(pk=initiative.pk).update(numchild=initiative.numchild)


@time_machine.travel(NOW, tick=False)
def test_same_queries_with_10_and_with_300_activities(client, initiative, pottenberg, capsys):
    activity = make_activity(initiative, recurrence="FREQ=WEEKLY;BYDAY=TU", signup_required=True)
    add_activities(initiative, pottenberg, 9, start=0)
    paths = [
        "/agenda/",
        "/agenda/?wanneer=week&gratis=on&thema=ontmoeten",
        "/pottenberg/agenda/",
        "/pottenberg/",
        initiative.url,
        activity.url,
    ]
    small = {path: count_queries(client, path) for path in paths}
    started = time.perf_counter()
    add_activities(initiative, pottenberg, 290, start=9)
    built = time.perf_counter() - started
    assert ActivityPage.objects.count() >= 300
    large = {path: count_queries(client, path) for path in paths}
    assert large == small
    with capsys.disabled():
        print(f"\n[queries] 10 and 300 activities (300 built in {built:.0f} s): {small}")
