"""A buurt with the things a bulletin shows: activities (one sign-up, one cancelled date, one
across the change to summer time), a meeting place, news and a volunteer call."""

import datetime

import pytest
import time_machine

from initiatives.models import VolunteerCallPage
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.factories import NewsPageFactory

# A Monday; summer time starts on Sunday 28 March 2027, inside the fortnight.
MONDAY = datetime.datetime(2027, 3, 22, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))


@pytest.fixture
def monday():
    with time_machine.travel(MONDAY, tick=False):
        yield MONDAY.date()


@pytest.fixture
def pottenberg_week(monday, pottenberg, nazareth, demo_user):
    from news.models import NewsIndexPage

    initiative = make_initiative(
        pottenberg, owner=demo_user("initiatiefnemer"), phone="043 123 45 67"
    )
    place = add_place(
        pottenberg,
        "Buurthuis Pottenberg",
        ranges=[(0, "09:00", "17:00"), (1, "09:00", "17:00"), (3, "13:00", "21:00")],
        phone="043 765 43 21",
        owner=demo_user("initiatiefnemer"),
    )
    activities = {
        "koor": make_activity(
            initiative,
            title="Buurtkoor",
            start_date=datetime.date(2027, 3, 25),
            start_time=datetime.time(19, 30),
            end_time=datetime.time(21, 0),
            recurrence="FREQ=WEEKLY;BYDAY=TH",
        ),
        "qigong": make_activity(
            initiative,
            title="Qi-gong",
            start_date=datetime.date(2027, 3, 23),
            recurrence="FREQ=WEEKLY;BYDAY=TU",
            changes=[{"date": datetime.date(2027, 3, 30), "note": "Paasvakantie"}],
            place_page=place,
            place_name="",
            street_address="",
            postcode="",
        ),
        "kookles": make_activity(
            initiative,
            title="Kookles",
            start_date=datetime.date(2027, 3, 24),
            start_time=datetime.time(17, 0),
            end_time=datetime.time(19, 0),
            signup_required=True,
            price="3.50",
        ),
    }
    elsewhere = make_activity(
        make_initiative(nazareth, title="Nazareth Samen"),
        title="Jeu de boules in Nazareth",
        start_date=datetime.date(2027, 3, 24),
    )
    news = NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(pottenberg).get(),
        title="Nieuwe bankjes op het plein",
        intro="De gemeente zet vijf bankjes neer. Bewoners kozen de plek. Ze staan er in april. "
        "Daarna komt er ook een boom bij.",
    )
    call = initiative.add_child(
        instance=VolunteerCallPage(
            title="Koffieschenkers gezocht",
            slug="koffieschenkers",
            intro="Schenk koffie en maak een praatje.",
            time_needed="Twee uur per week",
        )
    )
    call.save_revision().publish()
    return {
        "initiative": initiative,
        "place": place,
        "news": news,
        "call": call,
        "elsewhere": elsewhere,
        **activities,
    }
