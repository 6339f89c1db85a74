from urllib.parse import urlencode

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from meetingplaces import hours, structured_data
from meetingplaces.choices import SCHEMA_ORG_DAYS, Weekday
from meetingplaces.models import DirectoryPage, MeetingPlacePage
from tim.metadata import json_ld
from tim.page_tree import single_page

register = template.Library()


@register.inclusion_tag("components/meetingplaces/buurt_places.html", takes_context=True)
def buurt_places(context, buurt):
    """The meeting places of a buurt, with whether they are open now."""
    places = (
        MeetingPlacePage.objects.live()
        .public()
        .descendant_of(buurt)
        .for_listing()
        .order_by("title")
    )
    directory = single_page(DirectoryPage)
    return {
        "request": context["request"],
        "buurt": buurt,
        "places": places,
        "directory_url": directory.url if directory else "",
    }


def _day_phrase(moment, now):
    days = (moment.date() - now.date()).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days < 7:
        return str(Weekday(moment.weekday()).label).lower()
    return formats.date_format(moment, "j F")


def status_text(place, now=None, state=None):
    """What a resident reads first: 'Open now until 16:00', 'Closed — opens Tuesday at 10:00'."""
    now = hours.localtime(now)
    state = state or hours.status(place, now)
    if state.is_open:
        until = hours.localtime(state.until)
        text = _("Open now until %(time)s") % {"time": until.strftime("%H:%M")}
        if until.date() != now.date():
            text = _("Open now until %(time)s (%(day)s)") % {
                "time": until.strftime("%H:%M"),
                "day": _day_phrase(until, now),
            }
        return text
    if state.next_opening:
        opening = hours.localtime(state.next_opening)
        return _("Closed — opens %(day)s at %(time)s") % {
            "day": _day_phrase(opening, now),
            "time": opening.strftime("%H:%M"),
        }
    if not place.opening_hours.all():
        return _("Opening hours not known")
    return _("Closed")


@register.inclusion_tag("components/meetingplaces/open_status.html")
def open_status(place, now=None):
    now = hours.localtime(now)
    state = hours.status(place, now)
    return {"place": place, "state": state, "text": status_text(place, now, state)}


@register.inclusion_tag("components/meetingplaces/opening_hours.html")
def opening_hours(place, now=None):
    """The week table with today marked, and the exceptions ahead."""
    place.read_hours()
    now = hours.localtime(now)
    return {
        "place": place,
        "week": [
            {**row, "label": Weekday(row["weekday"]).label}
            for row in hours.regular_week(place, now)
        ],
        "exceptions": hours.exceptions_ahead(place, now),
        "status": open_status(place, now),
    }


def opening_hours_specification(place):
    specs = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_ORG_DAYS[r.weekday]}",
            "opens": r.opens.strftime("%H:%M:%S"),
            "closes": r.closes.strftime("%H:%M:%S"),
        }
        for r in place.opening_hours.all()
    ]
    special = []
    for exception in hours.exceptions(place):
        closed = exception.closed
        special.append(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": exception.start_date.isoformat(),
                "validThrough": exception.last_day.isoformat(),
                # schema.org: opens and closes both 00:00:00 means closed all day.
                "opens": "00:00:00" if closed else exception.opens.strftime("%H:%M:%S"),
                "closes": "00:00:00" if closed else exception.closes.strftime("%H:%M:%S"),
            }
        )
    return specs, special


@register.simple_tag(takes_context=True)
def place_json_ld(context, place):
    """schema.org JSON-LD of the place (meetingplaces.structured_data), with its hours."""
    place.read_hours()
    specs, special = opening_hours_specification(place)
    data = structured_data.meeting_place(
        place, context.get("request"), opening_hours=specs, special_hours=special
    )
    return json_ld(data)


@register.filter
def route_url(place):
    """A route planner link (Google Maps' documented URL API): to the point, else the address."""
    if place.has_location:
        destination = f"{place.latitude},{place.longitude}"
    else:
        destination = ", ".join(filter(None, [place.street_address, place.postcode, place.city]))
    return "https://www.google.com/maps/dir/?" + urlencode({"api": 1, "destination": destination})


@register.inclusion_tag("components/meetingplaces/correction_link.html")
def correction_link(page):
    """ "Klopt er iets niet, of weet je dit?" on a place or initiative, saying who receives it.

    A link to the form's own page, not the form: a form with a CSRF token would keep the whole
    page out of the page cache for every visitor."""
    from meetingplaces import services

    return {"page": page, "who": services.who_hears_of_corrections(page)}
