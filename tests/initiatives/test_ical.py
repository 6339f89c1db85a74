"""iCal feeds parse back (icalendar) into the same times the agenda shows."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from dateutil.rrule import rrulestr
from icalendar import Calendar

from .conftest import make_activity

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2026, 10, 19, 9, 0, tzinfo=AMS)


def expand(calendar, until):
    """Every start time in a parsed calendar: RRULE minus EXDATE, with RECURRENCE-ID overrides."""
    events = calendar.walk("VEVENT")
    starts, overrides = set(), {}
    for event in events:
        if event.get("recurrence-id"):
            overrides[event["recurrence-id"].dt] = event.start
            continue
        if event.get("rrule"):
            text = event["rrule"].to_ical().decode()
            rule = rrulestr(f"RRULE:{text}", dtstart=event.start)
            starts |= set(rule.between(event.start, until, inc=True))
        else:
            starts.add(event.start)
        exdates = event.get("exdate", [])
        for exdate in exdates if isinstance(exdates, list) else [exdates]:
            starts -= {item.dt for item in exdate.dts}
    return sorted((overrides.get(start, start) for start in starts), key=lambda d: d.timestamp())


@time_machine.travel(NOW, tick=False)
def test_an_activity_feed_has_the_same_times_as_the_agenda(client, initiative):
    activity = make_activity(
        initiative,
        recurrence="FREQ=WEEKLY;UNTIL=20270301T235959;BYDAY=TU",
        changes=[
            {"date": datetime.date(2026, 12, 22)},
            {"date": datetime.date(2026, 12, 29), "new_date": datetime.date(2026, 12, 30)},
        ],
    )
    response = client.get(f"/ical/activiteit/{activity.pk}.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Amsterdam"
    event = calendar.walk("VEVENT")[0]
    assert event.start.tzinfo.key == "Europe/Amsterdam" and event.start.hour == 10
    assert event["url"].startswith("http") and event["url"].endswith(activity.url)
    assert event["location"] == "Buurthuis, Pottenbergsweg 1, 6216 AA Maastricht"
    from_feed = expand(calendar, datetime.datetime(2027, 3, 2, tzinfo=AMS))
    in_agenda = [
        o.starts_at for o in activity.occurrences.filter(is_cancelled=False).order_by("starts_at")
    ]
    assert from_feed == in_agenda
    assert datetime.datetime(2026, 12, 30, 10, tzinfo=AMS) in from_feed
    assert all(start.astimezone(AMS).hour == 10 for start in from_feed)


@time_machine.travel(NOW, tick=False)
def test_buurt_feed_is_subscribable_and_one_occurrence_goes_in_my_calendar(client, initiative):
    activity = make_activity(initiative, recurrence="FREQ=WEEKLY;BYDAY=TU")
    html = client.get("/pottenberg/agenda/").content.decode()
    assert 'href="webcal://testserver/ical/buurt/pottenberg.ics"' in html
    buurt = Calendar.from_ical(client.get("/ical/buurt/pottenberg.ics").content)
    assert [e["summary"] for e in buurt.walk("VEVENT")] == ["Qi-gong"]
    assert Calendar.from_ical(client.get(f"/ical/initiatief/{initiative.pk}.ics").content).walk(
        "VEVENT"
    )
    occurrence = activity.occurrences.order_by("starts_at")[1]
    single = Calendar.from_ical(client.get(f"/ical/keer/{occurrence.pk}.ics").content)
    (event,) = single.walk("VEVENT")
    assert event.start == occurrence.starts_at and "rrule" not in event
