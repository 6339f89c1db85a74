"""Property: the agenda's date handling holds on 29 February, at the turn of the year and of the
clock, with the clock frozen at those moments and the dates asked for drawn around them."""

import datetime
import zoneinfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from initiatives.agenda import date_max
from initiatives.forms import Period, period_dates

from .fuzz import FUZZ, nasty, query, send

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
MOMENTS = [
    datetime.datetime(2028, 2, 29, 0, 5),  # a leap day, just begun
    datetime.datetime(2028, 2, 29, 23, 55),  # and about to end
    datetime.datetime(2024, 2, 29, 12, 0),
    datetime.datetime(2026, 12, 31, 23, 59),  # the last minute of a year
    datetime.datetime(2027, 1, 1, 0, 0),  # the first of the next
    datetime.datetime(2027, 12, 27, 9, 0),  # a Monday: this week ends in the next year
    datetime.datetime(2026, 3, 29, 3, 30),  # summer time begins
    datetime.datetime(2026, 10, 25, 2, 30),  # and ends (an hour that happens twice)
]
moments = st.one_of(
    st.sampled_from(MOMENTS),
    st.datetimes(min_value=datetime.datetime(2024, 1, 1), max_value=datetime.datetime(2031, 1, 1)),
).map(lambda moment: moment.replace(tzinfo=AMS))


def around(moment: datetime.datetime) -> st.SearchStrategy[str]:
    """A date near the frozen day (the common case), or something nasty."""
    near = st.integers(min_value=-800, max_value=800).map(
        lambda days: (moment.date() + datetime.timedelta(days=days)).isoformat()
    )
    return st.one_of(near, near, nasty)


@FUZZ
@given(moment=moments)
def test_period_dates_and_the_agenda_horizon_hold_on_any_day(moment):
    with time_machine.travel(moment, tick=False):
        today = moment.date()
        horizon = date_max()
        assert 365 * 2 - 1 <= (horizon - today).days <= 365 * 2 + 1
        for period, _label in Period.choices:
            dates = period_dates(period, today)
            if dates:
                first, last = dates
                assert today <= first <= last <= today + datetime.timedelta(days=7)


def test_the_agenda_answers_around_leap_days_and_new_year(client, home_page):
    @FUZZ
    @given(data=st.data(), moment=moments)
    def case(data, moment):
        periods = st.sampled_from([code for code, _label in Period.choices]) | nasty
        fields = {"wanneer": periods, "van": around(moment), "tot": around(moment)}
        params = data.draw(query(**fields))
        with time_machine.travel(moment, tick=False):
            send(client, "/agenda/ (frozen time)", "/agenda/", params)

    case()
