"""Counting what each buurt offers, into its BuurtSummary row.

Run for one buurt after a publish in it (signals -> tasks) and for all buurten every night, so
the dashboard itself only reads the stored rows. The week counted is Monday to Sunday of the
day it runs, in Maastricht time: opening hours with their exceptions (a range past midnight
counts whole on the day it opens) and the activities' concrete occurrences in that week.
"""

import datetime

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from initiatives.models import InitiativePage, Occurrence, VolunteerCallPage
from meetingplaces import hours
from meetingplaces.managers import HOURS_PREFETCH
from meetingplaces.models import MeetingPlacePage
from neighbourhoods.models import NeighbourhoodPage
from news.models import NewsPage
from notifications.models import Follow, Frequency

from .models import EMPTY_FIGURES, BuurtSummary

FRESH_FOR = datetime.timedelta(days=91)  # "confirmed in the last three months"
NEWS_MONTHS = 12
# Parts of the day for the week grid: (first hour, label key); evening from 18:00.
DAYPART_STARTS = (0, 12, 18)


def week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def daypart(moment: datetime.time) -> int:
    """0 morning (before 12:00), 1 afternoon (12-18), 2 evening (from 18:00)."""
    return sum(1 for start in DAYPART_STARTS[1:] if moment.hour >= start)


def open_minutes(place, first: datetime.date, last: datetime.date) -> int:
    """Minutes the place is open in openings that start from `first` to `last`, in real time."""
    total = datetime.timedelta()
    for interval in hours.intervals(place, first, last):
        total += interval.end.astimezone(datetime.UTC) - interval.start.astimezone(datetime.UTC)
    return int(total.total_seconds() // 60)


def _blank() -> dict:
    return {**EMPTY_FIGURES, "grid": [[0, 0, 0] for _day in range(7)]}


def _add(by_theme: dict, theme_slugs, **amounts) -> None:
    for key in ("", *theme_slugs):
        figures = by_theme.setdefault(key, _blank())
        for name, amount in amounts.items():
            figures[name] += amount


def _count_places(by_theme, buurt, monday, sunday, now) -> None:
    places = (
        MeetingPlacePage.objects.live()
        .public()
        .descendant_of(buurt)
        .select_related("facts_check")
        .prefetch_related(*HOURS_PREFETCH, "themes")
    )
    for place in places:
        fresh = place.checked_at is not None and now - place.checked_at <= FRESH_FOR
        _add(
            by_theme,
            [theme.slug for theme in place.themes.all()],
            places=1,
            fresh_places=int(fresh),
            open_minutes=open_minutes(place, monday, sunday),
        )


def _count_activities(by_theme, buurt, monday, sunday) -> None:
    occurrences = (
        Occurrence.objects.live()
        .in_buurt(buurt)
        .between(monday, sunday)
        .filter(is_cancelled=False)
        .select_related("activity")
        .prefetch_related("activity__themes")
    )
    for occurrence in occurrences:
        local = timezone.localtime(occurrence.starts_at, hours.AMSTERDAM)
        slugs = [theme.slug for theme in occurrence.activity.themes.all()]
        _add(
            by_theme,
            slugs,
            activities=1,
            free=int(occurrence.is_free),
            no_signup=int(not occurrence.signup_required),
        )
        for key in ("", *slugs):
            by_theme[key]["grid"][local.weekday()][daypart(local.time())] += 1


def _count_initiatives_and_calls(by_theme, buurt) -> list[dict]:
    for initiative in (
        InitiativePage.objects.live().public().descendant_of(buurt).prefetch_related("themes")
    ):
        _add(by_theme, [theme.slug for theme in initiative.themes.all()], initiatives=1)
    calls = []
    open_calls = (
        VolunteerCallPage.objects.open()
        .descendant_of(buurt)
        .annotate(response_count=Count("responses"))
        .prefetch_related("themes")
        .order_by("title")
    )
    for call in open_calls:
        slugs = [theme.slug for theme in call.themes.all()]
        _add(by_theme, slugs, open_calls=1, responses=call.response_count)
        calls.append({"title": call.title, "themes": slugs, "responses": call.response_count})
    return calls


def _news_per_month(buurt, today) -> tuple[dict, datetime.datetime | None]:
    first = (today.replace(day=1) - datetime.timedelta(days=31 * (NEWS_MONTHS - 1))).replace(day=1)
    news = NewsPage.objects.live().public().descendant_of(buurt)
    per_month = (
        news.filter(first_published_at__date__gte=first)
        .annotate(month=TruncMonth("first_published_at", tzinfo=hours.AMSTERDAM))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {row["month"].strftime("%Y-%m"): row["count"] for row in per_month}
    last = news.order_by("-first_published_at").values_list("first_published_at", flat=True)
    return counts, last.first()


def _followers(buurt) -> int:
    """People who follow the buurt or anything in it (and have not switched it off)."""
    follows = Follow.objects.filter(
        page__path__startswith=buurt.path, user__is_active=True
    ).exclude(frequency=Frequency.OFF)
    return follows.values("user_id").distinct().count()


def refresh_summary(*, buurt: NeighbourhoodPage, now: datetime.datetime | None = None):
    """Count the buurt's figures for the week of `now` (default: today) and store them."""
    now = now or timezone.now()
    monday, sunday = week_of(hours.localtime(now).date())
    by_theme = {"": _blank()}
    _count_places(by_theme, buurt, monday, sunday, now)
    _count_activities(by_theme, buurt, monday, sunday)
    calls = _count_initiatives_and_calls(by_theme, buurt)
    news, last_news_at = _news_per_month(buurt, hours.localtime(now).date())
    summary, _created = BuurtSummary.objects.update_or_create(
        buurt=buurt,
        defaults={
            "week_start": monday,
            "by_theme": by_theme,
            "calls": calls,
            "news_per_month": news,
            "last_news_at": last_news_at,
            "followers": _followers(buurt),
            "refreshed_at": now,
        },
    )
    return summary


def refresh_all(*, now: datetime.datetime | None = None) -> int:
    """Refresh every buurt (the nightly run); returns how many were counted."""
    buurten = list(NeighbourhoodPage.objects.all())
    for buurt in buurten:
        with transaction.atomic():
            refresh_summary(buurt=buurt, now=now)
    return len(buurten)
