"""The agenda, the buurt home's "this week", initiative and activity pages, volunteer calls."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from initiatives.models import VolunteerCallPage, VolunteerResponse
from tim.models import Theme

from .conftest import make_activity, make_initiative

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2026, 10, 20, 8, 0, tzinfo=AMS)  # Tuesday morning


@pytest.fixture(autouse=True)
def frozen():
    """Tuesday 20 October 2026, for the fixtures as well as the tests."""
    with time_machine.travel(NOW, tick=False):
        yield


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(html):
    return [a.get_text(strip=True) for a in html.select(".event__title a")]


@pytest.fixture
def week(initiative, nazareth):
    """A free weekly Qi-gong, a paid Saturday workshop, and a Wednesday walk in Nazareth."""
    sport = Theme.objects.get(slug="sport-en-bewegen")
    make_activity(initiative, recurrence="FREQ=WEEKLY;BYDAY=TU", themes=[sport])
    make_activity(
        initiative, title="Schilderworkshop", start_date=datetime.date(2026, 10, 24),
        price=5, signup_required=True, capacity=8,
    )  # fmt: skip
    other = make_initiative(nazareth, title="Wandelclub Nazareth")
    make_activity(other, title="Wandelen", start_date=datetime.date(2026, 10, 21))


def test_buurt_home_shows_this_week_in_pottenberg_only(client, week):
    html = soup(client.get("/pottenberg/"))
    assert titles(html) == ["Qi-gong", "Schilderworkshop"]
    link = html.find("a", string="Alles van deze week in Pottenberg")
    assert link["href"] == "/pottenberg/agenda/?wanneer=week"
    assert titles(soup(client.get("/"))) == ["Qi-gong", "Wandelen", "Schilderworkshop"]


def test_agenda_filters_work_without_javascript(client, week):
    assert titles(soup(client.get("/agenda/", {"wanneer": "vandaag"}))) == ["Qi-gong"]
    weekend = soup(client.get("/agenda/", {"wanneer": "weekend"}))
    assert titles(weekend) == ["Schilderworkshop"]
    assert weekend.find("h2", string="zaterdag 24 oktober")
    free_week = soup(client.get("/agenda/", {"wanneer": "week", "gratis": "on"}))
    assert titles(free_week) == ["Qi-gong", "Wandelen"]
    assert free_week.find("input", {"name": "gratis"}).has_attr("checked")
    no_signup = titles(soup(client.get("/agenda/", {"wanneer": "week", "zonder_aanmelden": "on"})))
    assert "Schilderworkshop" not in no_signup
    assert titles(soup(client.get("/agenda/", {"wanneer": "week", "wijk": "Centrum"}))) == []
    assert titles(soup(client.get("/agenda/", {"buurt": "nazareth"}))) == ["Wandelen"]
    sport = soup(
        client.get(
            "/agenda/", {"thema": "sport-en-bewegen", "van": "2026-10-27", "tot": "2026-10-27"}
        )
    )
    assert titles(sport) == ["Qi-gong"]
    wrong = soup(client.get("/agenda/", {"van": "2026-11-10", "tot": "2026-11-01"}))
    assert "Deze datum ligt voor de 'van'-datum." in wrong.get_text()
    assert wrong.find("input", {"name": "tot"})["value"] == "2026-11-01"


def test_buurt_agenda_pages_and_htmx_returns_only_the_results(client, week):
    html = soup(client.get("/pottenberg/agenda/"))
    assert html.h1.get_text() == "Agenda van Pottenberg"
    assert len(html.find_all("h1")) == 1
    assert "Wandelen" not in titles(html)
    assert html.find("p", class_="agenda-count").get_text(strip=True).endswith("keer gevonden")
    assert html.select(".pagination a")  # 27 Tuesdays and a workshop: two pages of 20
    partial = soup(
        client.get(
            "/pottenberg/agenda/",
            {"gratis": "on"},
            HTTP_HX_REQUEST="true",
            HTTP_HX_TARGET="agenda-results",
        )
    )
    assert partial.find("html") is None and partial.find("h1") is None
    assert "Schilderworkshop" not in titles(partial)
    assert client.get("/bestaat-niet/agenda/").status_code == 404


def test_activity_page_has_event_json_ld_with_its_schedule_and_price(client, initiative):
    activity = make_activity(
        initiative, recurrence="FREQ=WEEKLY;UNTIL=20270701T235959;BYDAY=TU",
        changes=[{"date": datetime.date(2026, 12, 22)}], times_are_example=True,
    )  # fmt: skip
    html = soup(client.get(activity.url))
    scripts = html.find_all("script", type="application/ld+json")
    [data] = [d for d in map(json.loads, (s.string for s in scripts)) if d["@type"] == "Event"]
    assert data["isAccessibleForFree"] is True
    assert data["startDate"] == "2026-10-20T10:00:00+02:00"
    assert data["offers"]["price"] == "0.00" and data["offers"]["priceCurrency"] == "EUR"
    address = data["location"]["address"]
    assert (address["streetAddress"], address["postalCode"]) == ("Pottenbergsweg 1", "6216 AA")
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Buurtkamer Pottenberg",
        "url": f"http://testserver{initiative.url}",
    }
    schedule = data["eventSchedule"]
    assert schedule["repeatFrequency"] == "P1W" and schedule["byDay"] == [
        "https://schema.org/Tuesday"
    ]
    assert schedule["endDate"] == "2027-07-01" and schedule["exceptDate"] == ["2026-12-22"]
    text = html.get_text(" ", strip=True)
    assert "Elke week op dinsdag, tot 1 juli 2027, 10:00–11:00" in text
    assert "Voorbeeldgegevens" in text


def test_initiative_page_lists_activities_calls_and_has_the_follow_control(client, initiative):
    make_activity(initiative, recurrence="FREQ=WEEKLY;BYDAY=TU")
    html = soup(client.get(initiative.url))
    assert html.h1.get_text() == "Buurtkamer Pottenberg"
    assert titles(html)[0] == "Qi-gong"
    assert html.find("a", href=f"webcal://testserver/ical/initiatief/{initiative.pk}.ics")
    index = soup(client.get("/pottenberg/initiatieven/"))
    assert [a.get_text() for a in index.select(".card__title a")] == ["Buurtkamer Pottenberg"]


def test_ik_help_mee_asks_consent_tells_the_count_and_a_call_can_close(
    client, initiative, mailoutbox
):
    call = initiative.add_child(
        instance=VolunteerCallPage(
            title="Gastvrouw of gastheer", intro="Koffie schenken.", time_needed="2 uur per week"
        )
    )
    call.save_revision().publish()
    url = f"/meehelpen/{call.pk}/"
    refused = soup(
        client.post(url, {"name": "Sam", "email": "sam@example.org", "message": "Graag!"})
    )
    assert "Zet een vinkje, zodat de organisator je mag mailen." in refused.get_text()
    assert refused.find("input", {"name": "name"})["value"] == "Sam"
    assert not VolunteerResponse.objects.exists()
    response = client.post(
        url,
        {"name": "Sam", "email": "sam@example.org", "message": "Graag!", "consent": "on"},
        follow=True,
    )
    assert "Dank je wel!" in response.content.decode()
    assert "1 persoon heeft hulp aangeboden." in response.content.decode()
    listing = soup(client.get("/vrijwilligerswerk/"))
    assert [a.get_text() for a in listing.select(".card__title a")] == ["Gastvrouw of gastheer"]
    assert "Buurtkamer Pottenberg · Pottenberg" in listing.get_text()
    elsewhere = soup(client.get("/vrijwilligerswerk/", {"wijk": "Oost"}))
    assert elsewhere.select(".card__title a") == []
    remove = elsewhere.select_one(".empty-state .chip--remove")  # the filter that emptied it
    assert "Oost" in remove.get_text() and remove["href"] == "/vrijwilligerswerk/"
    call.is_open = False
    call.save_revision().publish()
    assert "Deze oproep is gesloten" in client.get(call.url).content.decode()
    nothing = soup(client.get("/vrijwilligerswerk/"))
    assert nothing.select(".card__title a") == []
    assert nothing.select_one(".ways-on a[href='/ideeen/']")  # a way on, not a dead end


def test_the_host_sees_who_signed_up_in_the_admin_and_others_do_not(client, initiative, demo_user):
    from initiatives import services

    activity = make_activity(initiative, recurrence="FREQ=WEEKLY;BYDAY=TU", signup_required=True)
    occurrence = activity.occurrences.first()
    services.sign_up(occurrence=occurrence, name="Ria", email="ria@example.org")
    services.confirm_signup(signup=occurrence.signups.get())
    client.force_login(demo_user("initiatiefnemer"))
    page = client.get(f"/beheer/initiatieven/aanmeldingen/{activity.pk}/")
    assert "ria@example.org" in page.content.decode()
    client.force_login(demo_user("redactie-nazareth"))
    assert client.get(f"/beheer/initiatieven/aanmeldingen/{activity.pk}/").status_code in (302, 403)
