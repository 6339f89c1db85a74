"""Meeting places for tests: in memory (for the hours logic) or in the page tree."""

from datetime import time
from decimal import Decimal

from meetingplaces.models import (
    MeetingPlaceIndexPage,
    MeetingPlacePage,
    OpeningException,
    OpeningHours,
)


def hours(*ranges):
    """hours((0, "10:00", "16:00"), ...) -> OpeningHours rows, not saved."""
    return [
        OpeningHours(
            weekday=day, opens=time.fromisoformat(opens), closes=time.fromisoformat(closes)
        )
        for day, opens, closes in ranges
    ]


def place_in_memory(ranges=(), exceptions=()):
    page = MeetingPlacePage(title="Testplek", slug="testplek", mission="Een plek om te testen.")
    page.opening_hours = hours(*ranges)
    page.opening_exceptions = list(exceptions)
    return page


def exception(start, end=None, closed=True, opens=None, closes=None, reason=""):
    return OpeningException(
        start_date=start,
        end_date=end,
        closed=closed,
        opens=time.fromisoformat(opens) if opens else None,
        closes=time.fromisoformat(closes) if closes else None,
        reason=reason,
    )


def add_place(buurt, title, *, ranges=(), themes=(), exceptions=(), owner=None, **fields):
    """A live MeetingPlacePage under the buurt's ontmoetingsplekken section."""
    index = MeetingPlaceIndexPage.objects.child_of(buurt).get()
    fields.setdefault("latitude", Decimal(buurt.latitude))
    fields.setdefault("longitude", Decimal(buurt.longitude))
    fields.setdefault("street_address", "Teststraat 1")
    page = MeetingPlacePage(
        title=title,
        mission=f"{title} is een plek om binnen te lopen.",
        owner=owner,
        **fields,
    )
    page.opening_hours = hours(*ranges)
    page.opening_exceptions = list(exceptions)
    page.themes = list(themes)
    index.add_child(instance=page)
    page.save_revision(user=owner).publish()
    return page
