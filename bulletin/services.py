"""What goes on a bulletin, and how it is kept to two printed sides.

The rule for what is dropped (the bulletin prints a line when it happens): at most MAX_PLACES
meeting places (those in the buurt first), the MAX_NEWS latest news items and MAX_CALLS volunteer
calls; then, while the PDF is longer than MAX_SIDES sides, the activities that start last in
the period drop off first. What was dropped is counted, with the address where all of it is.
"""

import datetime
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import segno
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy, pgettext
from wagtail.models import Page

from initiatives.models import (
    LOCAL_TZ,
    AgendaPage,
    InitiativeIndexPage,
    InitiativePage,
    Occurrence,
    VolunteerCallPage,
)
from meetingplaces import hours
from meetingplaces.models import MeetingPlacePage
from neighbourhoods.choices import Wijk
from neighbourhoods.models import CityHomePage, NeighbourhoodPage
from news.models import NewsPage
from tim.page_tree import single_page
from tim.urls_helper import absolute_url, page_url

from .models import WeeklyBulletin

MAX_SIDES = 2
MAX_PLACES = 8
MAX_NEWS = 3
MAX_CALLS = 3
MAX_DATES = 4  # dates listed per activity; more are counted ("and 6 more times")
KEEP_WEEKLY = datetime.timedelta(weeks=4)
DROPPED = {
    "activities": ngettext_lazy("%(count)d activity", "%(count)d activities", "count"),
    "places": ngettext_lazy("%(count)d meeting place", "%(count)d meeting places", "count"),
    "calls": ngettext_lazy("%(count)d volunteer call", "%(count)d volunteer calls", "count"),
}
STYLESHEET = "bulletin/bulletin.css"


# --- Links: a short address to type and a QR code to scan --------------------------------------


@dataclass(frozen=True)
class Link:
    url: str  # absolute: the QR code opens it
    short: str  # printed for typing, without "https://"

    @classmethod
    def to_page(cls, page) -> "Link":
        return cls(page_url(page), _short(reverse("bulletin:short_link", args=[page.pk])))

    @classmethod
    def to_path(cls, path: str) -> "Link":
        return cls(absolute_url(path), _short(path))

    @property
    def qr_svg(self) -> str:
        """The QR code as inline SVG (no image request, black on white, sized by the stylesheet)."""
        return segno.make(self.url, error="m").svg_inline(omitsize=True, border=2, svgclass=None)


def _short(path: str) -> str:
    parts = urlsplit(absolute_url(path))
    return parts.netloc + parts.path


def sentences(text: str, count: int) -> str:
    """The first `count` sentences of a text: the news in two or three sentences."""
    found = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    return " ".join(found[:count])


# --- The area and the period -------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    """A buurt, or a whole wijk (then `buurt` is None)."""

    name: str
    wijk: str
    buurt: NeighbourhoodPage | None = None

    @classmethod
    def of_buurt(cls, buurt) -> "Area":
        return cls(name=buurt.title, wijk=buurt.wijk, buurt=buurt)

    @classmethod
    def of_wijk(cls, wijk: str) -> "Area":
        return cls(name=Wijk(wijk).label, wijk=wijk)

    @property
    def slug(self) -> str:
        return self.buurt.slug if self.buurt else slugify(self.wijk)

    @property
    def bulletin_path(self) -> str:
        if self.buurt:
            return self.buurt.url + self.buurt.reverse_subpage("bulletin")
        home = CityHomePage.objects.get()
        return home.url + home.reverse_subpage("wijk_bulletin", args=[self.slug])

    @property
    def wijk_bulletin_path(self) -> str:
        return Area.of_wijk(self.wijk).bulletin_path


def wijk_from_slug(slug: str) -> str | None:
    return next((wijk for wijk in Wijk.values if slugify(wijk) == slug), None)


def period(day: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """From `day` (default: today in Maastricht) to the Sunday of the week after it."""
    first = day or hours.localtime().date()
    return first, first + datetime.timedelta(days=13 - first.weekday())


# --- The items ---------------------------------------------------------------------------------


@dataclass
class ActivityItem:
    title: str
    times: list[str]
    more_times: int
    place: str
    address: str
    cost: str
    how: str
    times_are_example: bool
    link: Link
    buurt: str


@dataclass
class PlaceItem:
    title: str
    address: str
    phone: str
    hours: list[str]
    in_buurt: str
    hours_are_example: bool
    link: Link


@dataclass
class NewsItem:
    title: str
    date: datetime.date
    summary: str
    link: Link


@dataclass
class CallItem:
    title: str
    summary: str
    time_needed: str
    how: str
    link: Link


@dataclass
class Bulletin:
    area: Area
    first: datetime.date
    last: datetime.date
    made_at: datetime.datetime
    link: Link
    activities: list[ActivityItem]
    activities_are_from_wijk: bool
    places: list[PlaceItem]
    news: list[NewsItem]
    calls: list[CallItem]
    start_something: Link
    all_activities: Link
    dropped: dict[str, int] = field(default_factory=dict)

    @property
    def week_last(self) -> datetime.date:
        """The meeting places' hours are given for the first seven days."""
        return self.first + datetime.timedelta(days=6)

    @property
    def site(self) -> str:
        """The site's address as printed: "thuisinmaastricht.nl/"."""
        return _short("/")

    @property
    def has_example_times(self) -> bool:
        return any(item.times_are_example for item in self.activities) or any(
            place.hours_are_example for place in self.places
        )

    @property
    def dropped_summary(self) -> str:
        """ "Left out, …: 42 activities, 2 meeting places." or "" when nothing was left out."""
        parts = [DROPPED[kind] % {"count": count} for kind, count in self.dropped.items() if count]
        if not parts:
            return ""
        return _("Left out, the ones that come last first: %(items)s.") % {
            "items": ", ".join(parts)
        }


def contents(*, area: Area, first: datetime.date, last: datetime.date) -> Bulletin:
    """Everything the bulletin of `area` shows from `first` to `last`, before it is fitted."""
    activities = _activities(area, first, last)
    from_wijk = False
    if area.buurt and not activities:  # an empty buurt still learns what happens nearby
        activities = _activities(Area.of_wijk(area.wijk), first, last)
        from_wijk = bool(activities)
    places = _places(area, first)
    calls = _calls(area)
    return Bulletin(
        area=area,
        first=first,
        last=last,
        made_at=timezone.localtime(timezone.now(), LOCAL_TZ),
        link=Link.to_page(area.buurt) if area.buurt else Link.to_path(area.bulletin_path),
        activities=activities,
        activities_are_from_wijk=from_wijk,
        places=places[:MAX_PLACES],
        news=_news(area),
        calls=calls[:MAX_CALLS],
        start_something=_start_something(area),
        all_activities=_all_activities(area),
        dropped={
            "activities": 0,
            "places": max(len(places) - MAX_PLACES, 0),
            "calls": max(len(calls) - MAX_CALLS, 0),
        },
    )


def _in_area(queryset, area: Area, buurt_field: str):
    if area.buurt:
        return queryset.filter(**{buurt_field: area.buurt})
    return queryset.filter(**{f"{buurt_field}__wijk": area.wijk})


def _phones(pages) -> tuple[dict, dict]:
    """The phone numbers residents without internet can call: of the initiative (the parent of
    an activity or call) and of the meeting place, each read in one query."""
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    initiatives = {
        path: phone
        for path, phone in InitiativePage.objects.filter(path__in=parent_paths).values_list(
            "path", "phone"
        )
    }
    place_ids = {page.place_page_id for page in pages if page.place_page_id}
    places = MeetingPlacePage.objects.in_bulk(place_ids)
    return initiatives, places


def _activities(area: Area, first, last) -> list[ActivityItem]:
    occurrences = _in_area(
        Occurrence.objects.live().between(first, last).filter(is_cancelled=False),
        area,
        "buurt",
    ).select_related("activity", "buurt")
    by_activity: dict[int, list] = {}
    for occurrence in occurrences.order_by("starts_at", "pk"):
        by_activity.setdefault(occurrence.activity_id, []).append(occurrence)
    activities = [times[0].activity for times in by_activity.values()]
    initiative_phones, places = _phones(activities)
    items = []
    for activity, times in zip(activities, by_activity.values(), strict=True):
        place = places.get(activity.place_page_id)
        phone = initiative_phones.get(activity.path[: -Page.steplen]) or getattr(place, "phone", "")
        items.append(
            ActivityItem(
                title=activity.title,
                times=[_when(occurrence) for occurrence in times[:MAX_DATES]],
                more_times=max(len(times) - MAX_DATES, 0),
                place=activity.place_name or (place.title if place else ""),
                address=_address(activity, place),
                cost=_("Free")
                if activity.is_free
                else f"€ {number_format(activity.price, 2, force_grouping=True)}",
                how=_how_to_join(activity.signup_required, phone),
                times_are_example=activity.times_are_example,
                link=Link.to_page(activity),
                buurt=times[0].buurt.title if times[0].buurt else "",
            )
        )
    return items


def _when(occurrence) -> str:
    start = timezone.localtime(occurrence.starts_at, LOCAL_TZ)
    end = timezone.localtime(occurrence.ends_at, LOCAL_TZ)
    day = date_format(start, pgettext("short date with weekday", "D j M"))
    return f"{day} {start:%H:%M}–{end:%H:%M}"


def _address(page, place) -> str:
    own = " ".join(part for part in [page.street_address, page.postcode] if part)
    if own or place is None:
        return own
    return " ".join(part for part in [place.street_address, place.postcode] if part)


def _how_to_join(signup_required: bool, phone: str) -> str:
    if not signup_required:
        return _("No need to sign up: just come along.")
    if phone:
        return _("Sign up: call %(phone)s, or use the link.") % {"phone": phone}
    return _("Sign up with the link, or ask at the place.")


def _places(area: Area, first) -> list[PlaceItem]:
    places = MeetingPlacePage.objects.live().public().for_listing().filter(buurt_wijk=area.wijk)
    week = [first + datetime.timedelta(days=offset) for offset in range(7)]
    items = []
    for place in places.order_by("title"):
        rows = hours.Rows.of(place)
        week_hours = [(day, rows.ranges_on(day)) for day in week]
        if not any(ranges for _day, ranges in week_hours):
            continue
        items.append(
            PlaceItem(
                title=place.title,
                address=" ".join(part for part in [place.street_address, place.postcode] if part),
                phone=place.phone,
                hours=_hours_lines(week_hours),
                in_buurt=place.buurt_title,
                hours_are_example=place.hours_are_example,
                link=Link.to_page(place),
            )
        )
    if area.buurt:  # the buurt's own places first
        items.sort(key=lambda item: item.in_buurt != area.buurt.title)
    return items


def _hours_lines(week_hours) -> list[str]:
    """["ma t/m do, za 09:00–17:00", "vr 09:00–12:00"]: days with the same hours on one line."""
    lines: dict[str, list[list[datetime.date]]] = {}
    for day, ranges in week_hours:
        if ranges:
            text = ", ".join(f"{opens:%H:%M}–{closes:%H:%M}" for opens, closes in ranges)
            runs = lines.setdefault(text, [])
            if runs and runs[-1][-1] == day - datetime.timedelta(days=1):
                runs[-1].append(day)
            else:
                runs.append([day])
    return [f"{', '.join(map(_days, runs))} {text}" for text, runs in lines.items()]


def _days(run: list[datetime.date]) -> str:
    """ "ma", "ma, di" or, for three days or more in a row, "ma t/m vr"."""
    names = [date_format(day, "D") for day in run]
    if len(names) < 3:
        return ", ".join(names)
    return _("%(first)s to %(last)s") % {"first": names[0], "last": names[-1]}


def _news(area: Area) -> list[NewsItem]:
    news = _in_area(NewsPage.objects.published(), area, "buurt").recent()[:MAX_NEWS]
    return [
        NewsItem(
            title=item.title,
            date=timezone.localtime(item.first_published_at, LOCAL_TZ).date(),
            summary=sentences(item.intro, 3),
            link=Link.to_page(item),
        )
        for item in news.defer_streamfields()
    ]


def _calls(area: Area) -> list[CallItem]:
    calls = VolunteerCallPage.objects.open()
    if area.buurt:
        calls = calls.descendant_of(area.buurt)
    else:
        buurten = NeighbourhoodPage.objects.filter(wijk=area.wijk)
        calls = calls.filter(path__regex=_paths_below(buurten))
    calls = list(calls.order_by("-first_published_at", "-pk"))
    initiative_phones, places = _phones(calls)
    items = []
    for call in calls:
        phone = initiative_phones.get(call.path[: -Page.steplen]) or getattr(
            places.get(call.place_page_id), "phone", ""
        )
        how = _("Call %(phone)s, or use the link.") % {"phone": phone} if phone else ""
        items.append(
            CallItem(
                title=call.title,
                summary=sentences(call.intro, 2),
                time_needed=call.time_needed,
                how=how,
                link=Link.to_page(call),
            )
        )
    return items


def _paths_below(buurten) -> str:
    paths = [re.escape(path) for path in buurten.values_list("path", flat=True)]
    return "^(" + "|".join(paths or ["-"]) + ")."


def _start_something(area: Area) -> Link:
    """Where a resident starts something: the buurt's initiatives (for a wijk: the city home)."""
    if area.buurt:
        index = InitiativeIndexPage.objects.child_of(area.buurt).live().first()
        if index:
            return Link.to_page(index)
        return Link.to_page(area.buurt)
    return Link.to_page(CityHomePage.objects.get())


def _all_activities(area: Area) -> Link:
    if area.buurt:
        return Link.to_path(reverse("initiatives:buurt_agenda", args=[area.buurt.slug]))
    agenda = single_page(AgendaPage)
    return Link.to_path(f"{agenda.url}?wijk={area.wijk}" if agenda else "/")


# --- Fitting on two sides, and the PDF ---------------------------------------------------------


def _document(bulletin: Bulletin):
    """WeasyPrint's layout of the bulletin: its sides, ready to write as PDF."""
    # Imported here: it loads Pango, so a host without it still serves every other page.
    from weasyprint import CSS, HTML

    markup = render_to_string("bulletin/bulletin.html", {"bulletin": bulletin, "for_pdf": True})
    html = HTML(string=markup, base_url=absolute_url("/"))
    return html.render(stylesheets=[CSS(filename=finders.find(STYLESHEET))])


def fitted(bulletin: Bulletin):
    """The bulletin cut to MAX_SIDES sides by the rule above, with its WeasyPrint document."""
    document = _document(bulletin)
    if len(document.pages) <= MAX_SIDES or not bulletin.activities:
        return bulletin, document
    best = None
    trial, trial_document = bulletin, document
    # How many activities are kept: no more than their share of two sides in the first try.
    low = 0
    high = min(
        len(bulletin.activities) * MAX_SIDES // len(document.pages), len(bulletin.activities) - 1
    )
    while low <= high:
        keep = (low + high) // 2
        trial = replace(
            bulletin,
            activities=bulletin.activities[:keep],
            dropped={**bulletin.dropped, "activities": len(bulletin.activities) - keep},
        )
        trial_document = _document(trial)
        if len(trial_document.pages) <= MAX_SIDES:
            best, low = (trial, trial_document), keep + 1
        else:
            high = keep - 1
    return best or (trial, trial_document)


def bulletin_for(*, area: Area, day: datetime.date | None = None) -> tuple[Bulletin, object]:
    """The fitted bulletin of `area` for the period from `day`, in the active language."""
    first, last = period(day)
    return fitted(contents(area=area, first=first, last=last))


def make_weekly(*, area: Area, day: datetime.date | None = None) -> WeeklyBulletin:
    """Make (or make again) the stored PDF of `area` for the week from `day`, in Dutch."""
    with translation.override("nl"):
        bulletin, document = bulletin_for(area=area, day=day)
        pdf = document.write_pdf()
    name = f"buurtbulletin-{area.slug}-{bulletin.first:%Y-%m-%d}.pdf"
    with transaction.atomic():
        weekly, _created = WeeklyBulletin.objects.select_for_update().get_or_create(
            buurt=area.buurt,
            wijk="" if area.buurt else area.wijk,
            first_day=bulletin.first,
            defaults={"last_day": bulletin.last, "pages": len(document.pages)},
        )
        if weekly.file:
            weekly.file.delete(save=False)
        weekly.last_day, weekly.pages = bulletin.last, len(document.pages)
        weekly.file.save(name, ContentFile(pdf), save=True)
    return weekly


def prune_weekly(*, today: datetime.date | None = None) -> int:
    """Remove the stored PDFs (files and rows) older than four weeks; returns how many."""
    cutoff = (today or hours.localtime().date()) - KEEP_WEEKLY
    old = list(WeeklyBulletin.objects.filter(first_day__lt=cutoff))
    for weekly in old:
        weekly.file.delete(save=False)
        weekly.delete()
    return len(old)


def latest_weekly(*, buurt) -> WeeklyBulletin | None:
    return WeeklyBulletin.objects.filter(buurt=buurt).order_by("-first_day").first()
