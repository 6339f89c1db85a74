"""Recurring activities become the right concrete times, in Maastricht time, with exceptions."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from initiatives.forms import RecurrenceForm, describe_recurrence
from initiatives.models import Occurrence
from initiatives.services import refresh_occurrences

from .conftest import make_activity

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2026, 10, 19, 9, 0, tzinfo=AMS)  # a Monday before the October change


def local_starts(activity):
    return [
        o.starts_at.astimezone(AMS).replace(tzinfo=None)
        for o in Occurrence.objects.filter(activity=activity).order_by("starts_at")
    ]


def rule(**choices):
    start = datetime.datetime(2026, 10, 20, 10)
    form = RecurrenceForm({"start": start, **choices})
    assert form.is_valid(), form.errors
    return form.rrule()


def test_the_form_speaks_like_a_host_and_writes_rfc_5545():
    assert rule(repeat="weekly", weekdays=["TU"]) == "FREQ=WEEKLY;BYDAY=TU"
    assert rule(repeat="monthly", weekdays=["MO"], week_of_month="1") == "FREQ=MONTHLY;BYDAY=+1MO"
    assert (
        rule(repeat="weekly", weekdays=["TU"], repeat_until="2027-07-01")
        == "FREQ=WEEKLY;UNTIL=20270701T235959;BYDAY=TU"
    )
    assert rule(repeat="once") == ""
    with time_machine.travel(NOW):
        assert describe_recurrence("FREQ=MONTHLY;BYDAY=+1MO") == "Elke eerste maandag van de maand"
        assert (
            describe_recurrence("FREQ=WEEKLY;UNTIL=20270701T235959;BYDAY=TU")
            == "Elke week op dinsdag, tot 1 juli 2027"
        )


def test_an_end_before_the_start_is_refused_kindly():
    form = RecurrenceForm(
        {
            "start": datetime.datetime(2026, 10, 20, 10),
            "repeat": "weekly",
            "repeat_until": "2026-01-01",
        }
    )
    assert not form.is_valid()
    assert form.errors["repeat_until"] == ["De einddatum ligt voor de eerste datum."]


@time_machine.travel(NOW, tick=False)
def test_weekly_stays_at_ten_oclock_across_both_daylight_saving_changes(initiative):
    activity = make_activity(initiative, recurrence="FREQ=WEEKLY;BYDAY=TU")
    starts = local_starts(activity)
    assert starts[0] == datetime.datetime(2026, 10, 20, 10)
    assert datetime.datetime(2026, 10, 27, 10) in starts  # after the October change
    assert datetime.datetime(2027, 3, 30, 10) in starts  # after the March change
    assert all(start.hour == 10 and start.weekday() == 1 for start in starts)
    utc_hours = {o.starts_at.astimezone(datetime.UTC).hour for o in activity.occurrences.all()}
    assert utc_hours == {8, 9}  # summer and winter time, the same 10:00 locally
    assert len(starts) == 27  # half a year ahead


@time_machine.travel(NOW, tick=False)
def test_first_monday_of_the_month_until_an_end_date(initiative):
    activity = make_activity(
        initiative,
        start_date=datetime.date(2026, 11, 2),
        recurrence="FREQ=MONTHLY;UNTIL=20270201T235959;BYDAY=+1MO",
    )
    assert [start.date() for start in local_starts(activity)] == [
        datetime.date(2026, 11, 2),
        datetime.date(2026, 12, 7),
        datetime.date(2027, 1, 4),
        datetime.date(2027, 2, 1),
    ]


@time_machine.travel(NOW, tick=False)
def test_a_cancelled_and_a_moved_date_leave_the_series_intact(initiative):
    activity = make_activity(
        initiative,
        recurrence="FREQ=WEEKLY;BYDAY=TU",
        start_date=datetime.date(2026, 12, 15),
        changes=[
            {"date": datetime.date(2026, 12, 22), "note": "Kerstvakantie"},
            {"date": datetime.date(2026, 12, 29), "new_date": datetime.date(2026, 12, 30),
             "new_start_time": datetime.time(14)},
        ],
    )  # fmt: skip
    occurrences = {o.original_start.astimezone(AMS).date(): o for o in activity.occurrences.all()}
    cancelled = occurrences[datetime.date(2026, 12, 22)]
    assert cancelled.is_cancelled and cancelled.note == "Kerstvakantie"
    moved = occurrences[datetime.date(2026, 12, 29)]
    assert moved.starts_at == datetime.datetime(2026, 12, 30, 14, tzinfo=AMS)
    assert moved.ends_at == datetime.datetime(2026, 12, 30, 15, tzinfo=AMS)
    assert not moved.is_cancelled and moved.is_moved
    following = occurrences[datetime.date(2027, 1, 5)]
    assert following.starts_at == datetime.datetime(2027, 1, 5, 10, tzinfo=AMS)


def test_the_nightly_refresh_moves_the_horizon_and_drops_what_left_the_series(initiative):
    with time_machine.travel(NOW, tick=False):
        activity = make_activity(initiative, recurrence="FREQ=WEEKLY;BYDAY=TU")
        last = activity.occurrences.order_by("starts_at").last().starts_at
    with time_machine.travel(NOW + datetime.timedelta(days=14), tick=False):
        refresh_occurrences(activity=activity)
        assert activity.occurrences.order_by(
            "starts_at"
        ).last().starts_at == last + datetime.timedelta(days=14)
        activity.recurrence = "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T235959"
        refresh_occurrences(activity=activity)
        future = activity.occurrences.filter(starts_at__gte=NOW + datetime.timedelta(days=14))
        assert future.order_by("starts_at").last().starts_at.date() == datetime.date(2026, 12, 15)
