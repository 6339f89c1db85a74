"""Open now, until when, and when next: frozen clocks in Europe/Amsterdam, DST nights included."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from meetingplaces import hours
from meetingplaces.templatetags.meetingplace_tags import status_text

from .factories import exception, place_in_memory

AMS = ZoneInfo("Europe/Amsterdam")
# 2026-11-03 is a Tuesday (weekday 1).
pytestmark = pytest.mark.django_db  # a page instance looks up its content type


@pytest.fixture
def beihuis():
    """Tuesday and Wednesday 10-16, Thursday 10-12 and 13-16."""
    return place_in_memory(
        [(1, "10:00", "16:00"), (2, "10:00", "16:00"), (3, "10:00", "12:00"), (3, "13:00", "16:00")]
    )


def at(text):
    return time_machine.travel(datetime.fromisoformat(text).replace(tzinfo=AMS), tick=False)


def test_open_now_says_until_when(beihuis):
    with at("2026-11-03 11:30"):
        assert status_text(beihuis) == "Nu open tot 16:00"
        assert hours.status(beihuis).closing_soon is False


def test_closing_soon_in_the_last_half_hour(beihuis):
    with at("2026-11-03 15:40"):
        state = hours.status(beihuis)
    assert state.is_open and state.closing_soon


def test_closed_says_when_it_opens_next(beihuis):
    with at("2026-11-03 16:00"):  # closing time itself is closed
        assert status_text(beihuis) == "Gesloten — opent morgen om 10:00"
    with at("2026-11-05 18:00"):  # Thursday evening: nothing until next Tuesday
        assert status_text(beihuis) == "Gesloten — opent dinsdag om 10:00"
    with at("2026-11-03 08:00"):
        assert status_text(beihuis) == "Gesloten — opent vandaag om 10:00"


def test_two_ranges_on_one_day_are_closed_in_between(beihuis):
    with at("2026-11-05 12:30"):  # Thursday lunch
        assert status_text(beihuis) == "Gesloten — opent vandaag om 13:00"


def test_a_place_without_hours_says_so():
    with at("2026-11-03 11:00"):
        assert status_text(place_in_memory()) == "Openingstijden niet bekend"


def test_closed_on_a_date_wins_over_the_weekly_hours():
    place = place_in_memory(
        [(1, "10:00", "16:00"), (2, "10:00", "16:00")],
        [exception(date(2026, 11, 3), reason="Studiedag")],
    )
    with at("2026-11-03 11:00"):
        assert not hours.is_open(place)
        assert status_text(place) == "Gesloten — opent morgen om 10:00"


def test_a_holiday_period_closes_every_day_in_it_and_the_next_opening_is_after_it():
    place = place_in_memory(
        [(day, "10:00", "16:00") for day in range(7)],
        [exception(date(2026, 12, 24), date(2027, 1, 1), reason="Kerstvakantie")],
    )
    with at("2026-12-28 11:00"):
        state = hours.status(place)
    assert not state.is_open
    assert state.next_opening == datetime(2027, 1, 2, 10, tzinfo=AMS)


def test_other_hours_on_a_date_replace_the_weekly_hours():
    place = place_in_memory(
        [(1, "10:00", "16:00")],
        [
            exception(
                date(2026, 11, 3),
                closed=False,
                opens="18:00",
                closes="21:00",
                reason="Avondopening",
            )
        ],
    )
    with at("2026-11-03 11:00"):
        assert status_text(place) == "Gesloten — opent vandaag om 18:00"
    with at("2026-11-03 20:00"):
        assert status_text(place) == "Nu open tot 21:00"


def test_a_range_across_midnight_is_open_after_midnight_on_the_next_day():
    place = place_in_memory([(4, "22:00", "02:00")])  # Friday night
    with at("2026-11-07 01:30"):  # Saturday 01:30
        state = hours.status(place)
        assert state.is_open and state.closing_soon
        assert state.until == datetime(2026, 11, 7, 2, tzinfo=AMS)
    with at("2026-11-06 23:00"):
        assert status_text(place) == "Nu open tot 02:00 (morgen)"
    with at("2026-11-07 02:00"):
        assert not hours.is_open(place)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Last Sunday of March 2026 (29 March): 02:00 becomes 03:00. A 01:00-04:00 range is
        # open at 01:59 and 03:00 CEST; 04:00 CEST closes it after only two real hours.
        ("2026-03-29T00:59:00+00:00", True),  # 01:59 CET
        ("2026-03-29T01:00:00+00:00", True),  # 03:00 CEST
        ("2026-03-29T01:59:00+00:00", True),  # 03:59 CEST
        ("2026-03-29T02:00:00+00:00", False),  # 04:00 CEST
        # Last Sunday of October 2026 (25 October): 03:00 becomes 02:00 again.
        ("2026-10-25T00:30:00+00:00", True),  # 02:30 CEST, first time round
        ("2026-10-25T01:30:00+00:00", True),  # 02:30 CET, second time round
        ("2026-10-25T02:59:00+00:00", True),  # 03:59 CET
        ("2026-10-25T03:00:00+00:00", False),  # 04:00 CET
    ],
)
def test_daylight_saving_nights(moment, expected):
    place = place_in_memory([(6, "01:00", "04:00")])
    with time_machine.travel(datetime.fromisoformat(moment), tick=False):
        assert hours.is_open(place) is expected


def test_weekly_hours_follow_the_wall_clock_across_the_march_change():
    place = place_in_memory([(0, "10:00", "16:00")])  # Mondays
    with at("2026-03-28 12:00"):  # Saturday before the change
        state = hours.status(place)
    assert state.next_opening.astimezone(ZoneInfo("UTC")) == datetime(
        2026, 3, 30, 8, tzinfo=ZoneInfo("UTC")
    )
    with at("2026-03-30 15:30"):  # Monday after: 15:30 CEST is still open
        assert status_text(place) == "Nu open tot 16:00"


def test_week_table_marks_today_and_lists_exceptions_ahead():
    place = place_in_memory(
        [(1, "10:00", "16:00")],
        [
            exception(date(2026, 10, 1), reason="Voorbij"),
            exception(date(2026, 12, 24), date(2026, 12, 31)),
        ],
    )
    with at("2026-11-03 09:00"):
        week = hours.regular_week(place)
        ahead = hours.exceptions_ahead(place)
    assert [row["is_today"] for row in week] == [False, True, False, False, False, False, False]
    assert [str(e.start_date) for e in ahead] == ["2026-12-24"]
