"""A place page and the lists of places read the opening hours once, however many there are.

"Open now", the week table and the JSON-LD walk the hours day by day for two months; before the
hours were prefetched that walk ran a query per day (246 on BeiHuis).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import add_place, exception

pytestmark = pytest.mark.django_db

A_FEW_HOURS = [(0, "10:00", "16:00")]
THREE_A_DAY = [("08:00", "12:00"), ("13:00", "17:00"), ("19:00", "23:30")]
A_FULL_WEEK = [(day, opens, closes) for day in range(7) for opens, closes in THREE_A_DAY]


def many_exceptions():
    today = datetime.date.today()
    closed_days = [exception(today + datetime.timedelta(days=n), reason="Dicht") for n in range(12)]
    other_hours = [
        exception(today + datetime.timedelta(days=n), closed=False, opens="12:00", closes="14:00")
        for n in range(20, 32)
    ]
    holiday = [exception(today + datetime.timedelta(days=40), today + datetime.timedelta(days=55))]
    return closed_days + other_hours + holiday


def count_queries(client, path):
    client.get(path)  # warm what is kept per process (Wagtail's site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_a_place_page_costs_the_same_with_one_range_as_with_21_ranges_and_25_exceptions(
    client, pottenberg
):
    small = add_place(pottenberg, "Klein Buurthuis", ranges=A_FEW_HOURS)
    large = add_place(
        pottenberg, "Groot Buurthuis", ranges=A_FULL_WEEK, exceptions=many_exceptions()
    )
    assert large.opening_hours.count() == 21 and large.opening_exceptions.count() == 25

    with_few = count_queries(client, small.url)
    with_many = count_queries(client, large.url)

    assert with_few == with_many
    assert with_many <= 25  # the hours are two of them, not one per day of the look-ahead


@pytest.mark.parametrize("path", ["/pottenberg/", "/pottenberg/ontmoetingsplekken/"])
def test_lists_of_places_cost_the_same_with_2_places_as_with_12_with_exceptions(
    client, pottenberg, path
):
    for number in range(2):
        add_place(pottenberg, f"Plek {number}", ranges=A_FEW_HOURS)
    with_2 = count_queries(client, path)
    for number in range(2, 12):
        add_place(pottenberg, f"Plek {number}", ranges=A_FULL_WEEK, exceptions=many_exceptions())
    with_12 = count_queries(client, path)
    assert with_2 == with_12
