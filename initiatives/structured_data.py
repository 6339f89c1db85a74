"""What an activity tells machines: a schema.org Event with its organiser, image, place (a split
postal address) and, when it repeats, its Schedule read from the RRULE."""

from django.utils import timezone
from icalendar.prop import vRecur

from meetingplaces.structured_data import geo, postal_address
from tim import metadata
from tim.urls_helper import page_url

from .models import LOCAL_TZ

SCHEMA_DAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}


def schedule(activity) -> dict:
    """schema.org Schedule of a recurring activity, from its RRULE (read with icalendar)."""
    rule = vRecur.from_ical(activity.recurrence)
    days = rule.get("BYDAY", [])
    monthly = rule["FREQ"][0] == "MONTHLY"
    data = {
        "@type": "Schedule",
        "repeatFrequency": "P1M" if monthly else f"P{rule.get('INTERVAL', [1])[0]}W",
        "byDay": [f"https://schema.org/{SCHEMA_DAYS[day[-2:]]}" for day in days],
        "startDate": activity.start_date.isoformat(),
        "startTime": activity.start_time.strftime("%H:%M"),
        "endTime": activity.end_time.strftime("%H:%M"),
        "scheduleTimezone": str(LOCAL_TZ),
        "exceptDate": [c.date.isoformat() for c in activity.date_changes.all() if c.is_cancelled],
    }
    if monthly and days and days[0][:-2]:
        data["byMonthWeek"] = int(days[0][:-2])
    if rule.get("UNTIL"):
        data["endDate"] = rule["UNTIL"][0].date().isoformat()
    return data


def location(activity, request) -> dict:
    """The place: the meeting place of the directory (with its page and point), or the
    activity's own address."""
    place = activity.place_page.specific if activity.place_page_id else None
    own = activity.street_address or activity.postcode
    return metadata.node(
        "Place",
        name=activity.location_name or activity.address,
        address=postal_address(activity if own or place is None else place),
        geo=geo(place) if place is not None else None,
        url=page_url(place, request) if place is not None else None,
    )


def event(activity, request, *, initiative, next_occurrence=None) -> dict:
    """schema.org Event of an activity page; `initiative` (its parent, as its own type) is the
    organiser, and gives the image when the activity has none of its own."""
    start = activity.local_start(activity.start_date)
    if next_occurrence is not None:
        start = timezone.localtime(next_occurrence.starts_at, LOCAL_TZ)
    url = page_url(activity, request)
    return metadata.schema(
        "Event",
        name=activity.title,
        description=activity.intro,
        url=url,
        image=metadata.share_image(activity, above=[initiative])["url"],
        startDate=start.isoformat(),
        endDate=(start + activity.duration()).isoformat(),
        eventAttendanceMode="https://schema.org/OfflineEventAttendanceMode",
        eventStatus="https://schema.org/EventScheduled",
        isAccessibleForFree=activity.is_free,
        location=location(activity, request),
        organizer=metadata.node(
            "Organization",
            name=initiative.title,
            url=page_url(initiative, request),
            email=getattr(initiative, "email", ""),
            telephone=getattr(initiative, "phone", ""),
        ),
        offers={
            "@type": "Offer",
            "price": f"{activity.price:.2f}",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
            "url": url,
        },
        eventSchedule=schedule(activity) if activity.recurrence else None,
    )
