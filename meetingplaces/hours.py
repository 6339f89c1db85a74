"""Opening hours as a resident needs them: open now, until when, and when it opens next.

Hours are wall-clock times in Europe/Amsterdam. A range whose closing time is not after its
opening time runs past midnight (22:00-02:00 closes at 02:00 the next day). Every moment is
turned into UTC before it is compared: Python compares two datetimes that share one tzinfo by
their wall-clock value, which would be an hour off on the nights the clocks change.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from tim import pagecache

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CLOSING_SOON = timedelta(minutes=30)
# How far ahead to look for the next opening: far enough to see past a long holiday closure.
LOOK_AHEAD_DAYS = 62
FIRST_LOOK_DAYS = 8


@dataclass(frozen=True)
class Interval:
    """One opening in real time; `start` and `end` are aware datetimes in Europe/Amsterdam."""

    start: datetime
    end: datetime

    def contains(self, moment: datetime) -> bool:
        return self.start.astimezone(UTC) <= moment.astimezone(UTC) < self.end.astimezone(UTC)


@dataclass(frozen=True)
class Status:
    is_open: bool
    until: datetime | None = None  # when open: the closing moment
    next_opening: datetime | None = None  # when closed: the next opening moment, if any
    closing_soon: bool = False

    @property
    def changes_at(self) -> datetime | None:
        """When what a resident reads changes: "closes soon", closed, or open again."""
        if not self.is_open:
            return self.next_opening
        if self.until is None or self.closing_soon:
            return self.until
        return self.until - CLOSING_SOON


def localtime(moment: datetime | None = None) -> datetime:
    return (moment or timezone.now()).astimezone(AMSTERDAM)


def interval_on(day: date, opens: time, closes: time) -> Interval:
    """The real interval of a range opening on `day`; closing not after opening means next day."""
    end_day = day + timedelta(days=1) if closes <= opens else day
    return Interval(
        datetime.combine(day, opens, tzinfo=AMSTERDAM),
        datetime.combine(end_day, closes, tzinfo=AMSTERDAM),
    )


@dataclass(frozen=True)
class Rows:
    """A place's hours and exceptions as plain tuples, read once for a walk over many days.

    `place` has `opening_hours` and `opening_exceptions` (prefetched on listings and on the place
    page), so reading them makes no query of its own.
    """

    regular: tuple[tuple[int, time, time], ...]  # (weekday, opens, closes)
    exceptions: tuple[tuple[date, date, bool, time | None, time | None], ...]

    @classmethod
    def of(cls, place) -> "Rows":
        return cls(
            tuple((r.weekday, r.opens, r.closes) for r in place.opening_hours.all()),
            tuple(
                (e.start_date, e.last_day, e.closed, e.opens, e.closes) for e in exceptions(place)
            ),
        )

    def ranges_on(self, day: date) -> list[tuple[time, time]]:
        covering = [e for e in self.exceptions if e[0] <= day <= e[1]]
        if covering:
            return sorted(
                (opens, closes) for _, _, closed, opens, closes in covering if not closed and opens
            )
        weekday = day.weekday()
        return sorted((opens, closes) for day_, opens, closes in self.regular if day_ == weekday)


def ranges_on(place, day: date) -> list[tuple[time, time]]:
    """The (opens, closes) ranges that start on `day`: an exception that covers it wins."""
    return Rows.of(place).ranges_on(day)


def intervals(place, first: date, last: date) -> list[Interval]:
    """Every opening that starts between `first` and `last` (inclusive), merged where they touch."""
    rows = Rows.of(place)
    found = []
    day = first
    while day <= last:
        found += [interval_on(day, opens, closes) for opens, closes in rows.ranges_on(day)]
        day += timedelta(days=1)
    found.sort(key=lambda interval: interval.start.astimezone(UTC))
    merged: list[Interval] = []
    for interval in found:
        if merged and interval.start.astimezone(UTC) <= merged[-1].end.astimezone(UTC):
            last_end = max(merged[-1].end, interval.end, key=lambda moment: moment.astimezone(UTC))
            merged[-1] = Interval(merged[-1].start, last_end)
        else:
            merged.append(interval)
    return merged


def status(place, moment: datetime | None = None) -> Status:
    """Whether the place is open at `moment` (default: now), until when, or when it opens next.

    A page that shows it is kept in the page cache no longer than until it changes.
    """
    result = _status(place, localtime(moment))
    if result.changes_at is not None and result.changes_at > timezone.now():
        pagecache.valid_until(result.changes_at)
    return result


def _status(place, now: datetime) -> Status:
    today = now.date()
    # Yesterday too: a range that opened last night may still be running. Most places answer
    # within the week, so that is walked first; the whole look-ahead only when it does not tell.
    for days_ahead in (FIRST_LOOK_DAYS, LOOK_AHEAD_DAYS):
        last = today + timedelta(days=days_ahead)
        found = _status_within(intervals(place, today - timedelta(days=1), last), now)
        # An opening that runs into the last day may continue after it: look further then.
        if found is not None and (found.changes_at is None or found.changes_at.date() < last):
            return found
    return found or Status(False)


def _status_within(upcoming: list[Interval], now: datetime) -> Status | None:
    for interval in upcoming:
        if interval.contains(now):
            closing_soon = interval.end.astimezone(UTC) - now.astimezone(UTC) <= CLOSING_SOON
            return Status(True, until=interval.end, closing_soon=closing_soon)
        if interval.start.astimezone(UTC) > now.astimezone(UTC):
            return Status(False, next_opening=interval.start)
    return None


def is_open(place, moment: datetime | None = None) -> bool:
    return status(place, moment).is_open


def regular_week(place, moment: datetime | None = None) -> list[dict]:
    """Monday to Sunday with the regular ranges, today marked, for the week table."""
    today = localtime(moment).weekday()
    return [
        {
            "weekday": weekday,
            "is_today": weekday == today,
            "ranges": sorted(
                (r.opens, r.closes) for r in place.opening_hours.all() if r.weekday == weekday
            ),
        }
        for weekday in range(7)
    ]


def exceptions(place) -> list:
    """The page's exceptions and the host's changes of this week (HoursChange), as one list.

    A host's change wins on its day: the page's exceptions that cover that day are left out.
    Both are prefetched on listings and on the place page (managers.HOURS_PREFETCH).
    """
    changes = list(place.hours_changes.all()) if place.pk else []
    changed_days = {change.start_date for change in changes}
    kept = [
        e for e in place.opening_exceptions.all() if not any(e.covers(day) for day in changed_days)
    ]
    return kept + changes


def exceptions_ahead(place, moment: datetime | None = None) -> list:
    """The exceptions that have not ended yet, soonest first."""
    today = localtime(moment).date()
    ahead = [e for e in exceptions(place) if e.last_day >= today]
    return sorted(ahead, key=lambda e: (e.start_date, e.opens or time.min))
