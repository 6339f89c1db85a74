"""Gathering a bulletin costs the same number of queries for three activities or for twelve."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bulletin import services
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place


def queries_for_bulletin(buurt, monday) -> int:
    first, last = services.period(monday)
    with CaptureQueriesContext(connection) as queries:
        bulletin = services.contents(area=services.Area.of_buurt(buurt), first=first, last=last)
    assert bulletin.activities
    return len(queries)


def test_the_query_count_does_not_grow_with_the_activities(monday, pottenberg):
    initiative = make_initiative(pottenberg, phone="043 123 45 67")
    add_place(pottenberg, "Buurthuis Pottenberg", ranges=[(0, "09:00", "17:00")])

    def add(numbers):
        for number in numbers:
            make_activity(
                initiative,
                title=f"Activiteit {number}",
                start_date=monday + datetime.timedelta(days=number % 10),
            )

    add(range(3))
    few = queries_for_bulletin(pottenberg, monday)
    add(range(3, 12))
    assert queries_for_bulletin(pottenberg, monday) == few
