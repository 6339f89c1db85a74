"""The city-wide agenda as a calendar, with the agenda's filters carried into its iCal link."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from icalendar import Calendar

from .conftest import make_activity, make_initiative

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2026, 10, 19, 9, 0, tzinfo=AMS)


def calendar_links(response):
    """(webcal link, download link) of the agenda's "in your own calendar" line."""
    links = BeautifulSoup(response.content, "html.parser").select(".calendar-links a")
    return links[0]["href"], links[1]["href"]


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar.name == "VCALENDAR"
    assert calendar["version"] == "2.0" and calendar["prodid"]
    return calendar


def summaries(calendar):
    return sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))


@pytest.fixture
def activities(pottenberg, nazareth, demo_user):
    owner = demo_user("initiatiefnemer")
    west = make_initiative(pottenberg, owner=owner, host_email="west@example.org")
    oost = make_initiative(nazareth, "Buurtkamer Nazareth", owner=owner, host_email="o@example.org")
    make_activity(west, "Qi-gong", recurrence="FREQ=WEEKLY;BYDAY=TU")
    make_activity(west, "Kookcursus", price=Decimal("5.00"), start_date=datetime.date(2026, 10, 21))
    make_activity(oost, "Wandelen", street_address="Nazarethweg 1", postcode="6222 AA")


@time_machine.travel(NOW, tick=False)
def test_the_city_calendar_has_every_activity_of_every_buurt(client, activities):
    assert summaries(parse(client, "/ical/agenda.ics")) == ["Kookcursus", "Qi-gong", "Wandelen"]


@time_machine.travel(NOW, tick=False)
def test_free_activities_in_one_wijk_from_the_agenda_filters_to_a_subscription(
    client, activities, settings
):
    settings.BASE_URL = "https://tim.example.org"
    page = client.get("/agenda/", {"gratis": "on", "wijk": "West", "wanneer": "week"})
    webcal, download = calendar_links(page)
    assert download == "/ical/agenda.ics?wijk=West&gratis=1"  # the period is left out
    assert webcal == "webcal://tim.example.org/ical/agenda.ics?wijk=West&gratis=1"
    assert summaries(parse(client, download)) == ["Qi-gong"]


@time_machine.travel(NOW, tick=False)
def test_the_buurt_agenda_link_keeps_its_filters_too(client, activities):
    webcal, download = calendar_links(client.get("/pottenberg/agenda/", {"gratis": "on"}))
    assert download == "/ical/buurt/pottenberg.ics?gratis=1"
    assert summaries(parse(client, download)) == ["Qi-gong"]
    assert summaries(parse(client, "/ical/buurt/pottenberg.ics")) == ["Kookcursus", "Qi-gong"]


@time_machine.travel(NOW, tick=False)
def test_a_calendar_without_events_is_still_a_valid_calendar(client, activities):
    calendar = parse(client, "/ical/agenda.ics?buurt=nazareth&gratis=1&thema=sport-en-bewegen")
    assert calendar.walk("VEVENT") == []
    assert [zone["tzid"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]


def test_a_filter_the_agenda_does_not_know_is_a_400(client, home_page):
    assert client.get("/ical/agenda.ics?wijk=Atlantis").status_code == 400
