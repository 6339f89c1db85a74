"""iCalendar feeds (RFC 5545, made with the icalendar package).

A recurring activity is one VEVENT with its RRULE, an EXDATE per cancelled date, and one extra
VEVENT with a RECURRENCE-ID per moved date, so calendar apps show the series as a series.
Times carry the Europe/Amsterdam zone (with its VTIMEZONE), so 10:00 stays 10:00 after a
daylight-saving change.
"""

import datetime
from functools import cache

from django.utils import timezone
from icalendar import Calendar, Event, Timezone
from icalendar.prop import vRecur

from tim import pagecache
from tim.urls_helper import page_url

from .models import LOCAL_TZ

DOMAIN = "thuisinmaastricht.nl"


def _uid(activity):
    return f"activiteit-{activity.pk}@{DOMAIN}"


def _base_event(activity, request) -> Event:
    event = Event()
    event.add("uid", _uid(activity))
    event.add("dtstamp", activity.last_published_at or timezone.now())
    event.add("summary", activity.title)
    url = page_url(activity, request)
    event.add("description", f"{activity.intro}\n\n{url}")
    event.add("url", url)
    location = ", ".join(part for part in [activity.location_name, activity.address] if part)
    if location:
        event.add("location", location)
    return event


def activity_events(activity, request) -> list[Event]:
    """The VEVENTs of one activity: the series, and one per moved date."""
    start = activity.local_start(activity.start_date)
    master = _base_event(activity, request)
    master.add("dtstart", start)
    master.add("dtend", start + activity.duration())
    events = [master]
    if not activity.recurrence:
        return events
    rule = vRecur.from_ical(activity.recurrence)
    if "UNTIL" in rule:  # RFC 5545: with a TZID on DTSTART, UNTIL is given in UTC
        rule["UNTIL"] = [rule["UNTIL"][0].replace(tzinfo=LOCAL_TZ).astimezone(datetime.UTC)]
    master.add("rrule", rule)
    for change in activity.date_changes.all():
        original = activity.local_start(change.date)
        if change.is_cancelled:
            master.add("exdate", original)
            continue
        moved = _base_event(activity, request)
        new_start = activity.local_start(change.new_date, change.new_start_time)
        moved.add("recurrence-id", original)
        moved.add("dtstart", new_start)
        moved.add("dtend", new_start + activity.duration())
        events.append(moved)
    return events


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//Thuis in Maastricht//{DOMAIN}//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(LOCAL_TZ))
    return calendar


@cache
def _zone() -> bytes:
    """The VTIMEZONE of Europe/Amsterdam: the same in every calendar, and 5 ms to work out."""
    return Timezone.from_tzid(str(LOCAL_TZ)).to_ical()


def activities_calendar(activities, name: str, request) -> bytes:
    """The activities' series as one calendar, with the zone their times are in (RFC 5545 wants
    a component even in a calendar without events: a filter that matches nothing).

    Writing the events out is most of the work, and one activity is in many calendars (the
    city's, its buurt's, its initiative's, each filter's): the text of each activity's events is
    kept as a piece (tim.pagecache) and the calendar is put together around them. The activities
    themselves are read only when a piece is missing; otherwise their ids are enough."""
    pieces = pagecache.fragments_of(
        "ical-events",
        list(activities.values_list("pk", flat=True)),
        lambda: activities,
        lambda activity: b"".join(event.to_ical() for event in activity_events(activity, request)),
    )
    text = _calendar(name).to_ical()
    end = b"END:VCALENDAR\r\n"
    return text[: -len(end)] + _zone() + b"".join(filter(None, pieces)) + end


def occurrence_calendar(occurrence, request) -> bytes:
    """One concrete time, for "Zet in mijn agenda"."""
    activity = occurrence.activity
    calendar = _calendar(activity.title)
    event = _base_event(activity, request)
    event["uid"] = f"keer-{occurrence.pk}@{DOMAIN}"
    event.add("dtstart", timezone.localtime(occurrence.starts_at, LOCAL_TZ))
    event.add("dtend", timezone.localtime(occurrence.ends_at, LOCAL_TZ))
    if occurrence.is_cancelled:
        event.add("status", "CANCELLED")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
