"""The figures counted for a buurt are exactly those of a small constructed data set."""

import datetime

import pytest

from socialbase import services
from socialbase.dashboard import Board, people

from .conftest import build_buurt, moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary(pottenberg, themes):
    monday = build_buurt(pottenberg, themes)
    return services.refresh_summary(buurt=pottenberg, now=moment(monday + datetime.timedelta(2)))


def test_open_hours_count_exceptions_and_ranges_past_midnight(summary):
    figures = summary.figures()
    assert figures["places"] == 2
    # Buurtkamer 2 + 4 + 2 h, Wijkcentrum 0 + 4 h: 12 h.
    assert figures["open_minutes"] == 12 * 60
    assert summary.figures("ontmoeten")["open_minutes"] == 8 * 60
    assert figures["fresh_places"] == 2  # both published just now


def test_activities_per_theme_weekday_and_part_of_the_day(summary):
    everything = summary.figures()
    assert everything["activities"] == 2  # the Thursday breicafé is cancelled that week
    assert everything["free"] == 1 and everything["no_signup"] == 1
    assert everything["grid"][1] == [1, 0, 0]  # Tuesday morning qi-gong
    assert everything["grid"][5] == [0, 0, 1]  # Saturday evening cooking
    assert everything["grid"][3] == [0, 0, 0]
    assert summary.figures("sport-en-bewegen")["activities"] == 2
    assert summary.figures("ontmoeten")["activities"] == 1
    assert summary.figures("ontmoeten")["initiatives"] == 1


def test_open_calls_and_their_responses(summary):
    assert summary.figures()["open_calls"] == 2
    assert summary.figures()["responses"] == 9  # the closed call's offers do not count
    assert {c["title"]: c["responses"] for c in summary.calls} == {
        "Gastvrouw gezocht": 7,
        "Klusser gezocht": 2,
    }
    assert summary.followers == 3


def test_counts_of_people_under_five_are_suppressed_in_the_board(summary, pottenberg):
    assert [people(n) for n in (0, 1, 4, 5, 12)] == ["0", "< 5", "< 5", "5", "12"]
    from socialbase.tables import calls_table

    board = Board()
    area = board.buurt("pottenberg")
    rows = [[str(cell) for cell in row.cells] for row in calls_table(board, area).rows]
    assert rows == [["Gastvrouw gezocht", "7"], ["Klusser gezocht", "< 5"]]
    assert area.hours_per_1000 == pytest.approx(12 * 1000 / pottenberg.population)


def test_a_buurt_without_content_counts_zero(nazareth):
    summary = services.refresh_summary(buurt=nazareth)
    assert summary.figures()["places"] == 0
    assert summary.figures()["grid"] == [[0, 0, 0]] * 7
    assert summary.followers == 0
