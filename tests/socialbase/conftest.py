"""A small constructed buurt for exact figures: places, activities, calls, news and followers."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from initiatives.models import VolunteerCallPage, VolunteerResponse
from meetingplaces import hours
from notifications.models import Follow, Frequency
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place, exception


def next_monday() -> datetime.date:
    """The Monday of next week: every occurrence of that week is already materialised."""
    today = hours.localtime().date()
    return today + datetime.timedelta(days=7 - today.weekday())


def moment(day: datetime.date, at="12:00") -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.fromisoformat(at), tzinfo=hours.AMSTERDAM)


def make_call(initiative, title, *, responses=0, themes=(), is_open=True):
    call = VolunteerCallPage(
        title=title,
        slug=slugify(title),
        intro="Koffie schenken en een praatje maken.",
        time_needed="Twee uur per week",
        is_open=is_open,
    )
    call.themes = list(themes)
    initiative.add_child(instance=call)
    call.save_revision().publish()
    for number in range(responses):
        VolunteerResponse.objects.create(
            call=call,
            name=f"Helper {number}",
            email=f"helper{number}@example.org",
            consent_at=timezone.now(),
        )
    return call


def add_followers(page, count, *, prefix="volger"):
    User = get_user_model()
    for number in range(count):
        user = User.objects.create_user(email=f"{prefix}{number}@example.org", password="x")
        Follow.objects.create(user=user, page=page, frequency=Frequency.WEEKLY)


def build_buurt(buurt, themes, *, copies=1, first=0):
    """The constructed data set; more `copies` (numbered from `first`) make it bigger."""
    monday = next_monday()
    ontmoeten, sport = themes
    for copy in range(first, first + copies):
        suffix = f" {copy}" if copy else ""
        add_place(
            buurt,
            f"Buurtkamer{suffix}",
            themes=[ontmoeten],
            # Monday 10-16 (6 h) but 12-14 that Monday (2 h); Friday 22-02 (4 h, past midnight);
            # Sunday 23-01 (2 h, into the next week: counted on the Sunday it opens).
            ranges=[(0, "10:00", "16:00"), (4, "22:00", "02:00"), (6, "23:00", "01:00")],
            exceptions=[exception(monday, closed=False, opens="12:00", closes="14:00")],
        )
        add_place(
            buurt,
            f"Wijkcentrum{suffix}",
            # Tuesday 9-12 but closed that Tuesday; Thursday 13-17 (4 h).
            ranges=[(1, "09:00", "12:00"), (3, "13:00", "17:00")],
            exceptions=[exception(monday + datetime.timedelta(days=1))],
        )
        initiative = make_initiative(buurt, title=f"Samen Sterk{suffix}")
        initiative.themes = [ontmoeten]
        initiative.save_revision().publish()
        make_activity(
            initiative,
            title=f"Qi-gong{suffix}",
            recurrence="FREQ=WEEKLY;BYDAY=TU",
            start_date=monday - datetime.timedelta(days=6),
            themes=[sport],
        )
        make_activity(
            initiative,
            title=f"Kookavond{suffix}",
            start_date=monday + datetime.timedelta(days=5),
            start_time=datetime.time(19),
            end_time=datetime.time(21),
            price=5,
            signup_required=True,
            capacity=10,
            themes=[ontmoeten, sport],
        )
        make_activity(
            initiative,
            title=f"Breicafé{suffix}",
            recurrence="FREQ=WEEKLY;BYDAY=TH",
            start_date=monday - datetime.timedelta(days=4),
            themes=[ontmoeten],
            changes=[{"date": monday + datetime.timedelta(days=3)}],  # cancelled that week
        )
        make_call(initiative, f"Gastvrouw gezocht{suffix}", responses=7, themes=[ontmoeten])
        make_call(initiative, f"Klusser gezocht{suffix}", responses=2)
        make_call(initiative, f"Gevonden{suffix}", responses=3, is_open=False)
        add_followers(buurt, 3, prefix=f"{buurt.slug}{copy}-")
    return monday


@pytest.fixture
def themes(db):
    from tim.models import Theme

    return Theme.objects.get(slug="ontmoeten"), Theme.objects.get(slug="sport-en-bewegen")
