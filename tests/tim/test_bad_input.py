"""Each class of input the site cannot read gets a 400 with a message, or a form error: never a 500.

The classes came from a fuzzer (tests/tim/test_fuzz_*.py): NUL bytes, digits `int()` refuses,
numbers beyond bigint, dates at the edge of the calendar, Wagtail API parameters it passed on
unread, a truncated photo, a hand-edited settings form.
"""

import datetime
import json
from decimal import Decimal

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from notifications import services as follows
from notifications.models import Follow, Frequency
from participation.models import Consultation, Idea
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.factories import image_bytes

pytestmark = pytest.mark.django_db

AMS = datetime.timezone(datetime.timedelta(hours=1))  # Maastricht in winter (and on 29 February)
NOT_READ = "We konden dit adres niet lezen"
PLACE = "meetingplaces.MeetingPlacePage"


@pytest.fixture
def resident(client, db):
    user = get_user_model().objects.create_user(
        email="lotte@example.org", password="een-lang-wachtwoord", display_name="Lotte"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    return user


def assert_friendly_400(response, *messages):
    assert response.status_code == 400
    text = response.content.decode()
    assert NOT_READ in text and 'href="/agenda/"' in text  # the site's page, with ways on
    for message in messages:
        assert message in text


@pytest.mark.parametrize(
    "address",
    [
        "/?buurt=%00",
        "/zoeken/?q=koffie%00",
        "/ontmoetingsplekken/?buurt=wyck%00",
        "/agenda/?thema=%00",
        "/pottenberg%00/",
        "/nieuws/?pagina=1%00",
    ],
)
def test_a_nul_byte_in_an_address_is_a_friendly_400(client, home_page, address):
    assert_friendly_400(client.get(address), "NUL")


def test_a_nul_byte_in_a_posted_form_is_a_friendly_400(client, home_page):
    response = client.post("/account/login/", {"login": "a\x00@example.org", "password": "x"})
    assert_friendly_400(response, "NUL")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"van": "2027-02-30"}, "Geef een datum als jaar-maand-dag"),
        ({"tot": "²⁰²⁷-01-01"}, "Geef een datum als jaar-maand-dag"),
        ({"tot": "2027-01-01T00:00"}, "Geef een datum als jaar-maand-dag"),
    ],
)
def test_an_agenda_date_that_is_no_date_is_a_friendly_400(client, home_page, query, message):
    assert_friendly_400(client.get("/agenda/", query), message)
    assert_friendly_400(client.get("/pottenberg/agenda/", query), message)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"tot": "9999-12-31"}, "Kies een datum vóór 2200."),
        ({"van": "0001-01-01"}, "Kies een datum vanaf 1900."),
        ({"van": "0202-03-01"}, "Kies een datum vanaf 1900."),
    ],
)
def test_an_agenda_date_beyond_the_calendar_says_what_to_choose(client, pottenberg, query, message):
    """A year mistyped in the date picker: the agenda stays, with the message beside the field."""
    activity = make_activity(
        make_initiative(pottenberg), start_date=timezone.localdate() + datetime.timedelta(days=1)
    )
    for path in ("/agenda/", "/pottenberg/agenda/"):
        response = client.get(path, query)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert activity.title in response.content.decode()


def test_agenda_dates_at_the_calendar_edge_the_site_keeps_are_read(client, home_page):
    assert client.get("/agenda/", {"van": "1900-01-01", "tot": "2199-12-31"}).status_code == 200


def test_a_from_date_on_29_february_lists_two_years_on(client, pottenberg):
    """No 'until' date: the agenda runs two years from today; from 29 February that was a 500."""
    with time_machine.travel(datetime.datetime(2028, 2, 29, 9, 0, tzinfo=AMS), tick=False):
        activity = make_activity(
            make_initiative(pottenberg),
            title="Schrikkeldag-wandeling",
            start_date=datetime.date(2028, 2, 29),
        )
        for query in ({"van": "2028-02-29"}, {"wanneer": "vandaag"}, {"wanneer": "week"}):
            response = client.get("/agenda/", query)
            assert response.status_code == 200
            assert activity.title in response.content.decode()


def test_tomorrow_and_this_week_cross_new_year(client, pottenberg):
    with time_machine.travel(datetime.datetime(2026, 12, 31, 22, 30, tzinfo=AMS), tick=False):
        activity = make_activity(
            make_initiative(pottenberg),
            title="Nieuwjaarsduik",
            start_date=datetime.date(2027, 1, 1),
            start_time=datetime.time(14),
            end_time=datetime.time(15),
        )
        for query in ({"wanneer": "morgen"}, {"wanneer": "week"}):
            response = client.get("/agenda/", query)
            assert response.status_code == 200
            assert activity.title in response.content.decode(), query
        assert activity.title not in client.get("/agenda/", {"wanneer": "vandaag"}).text


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"offset": "9223372036854775808"}, "offset"),
        ({"limit": "١٢"}, "limit"),
        ({"id": "9" * 5000}, "id"),
        ({"child_of": "²"}, "child_of"),
        ({"search": "koffie", "search_operator": "xor"}, "search_operator"),
        ({"type": PLACE, "latitude": "noord"}, "latitude"),
        ({"type": PLACE, "latitude": "1e400"}, "latitude"),
        ({"type": PLACE, "last_published_at": "2027-02-30"}, None),
        ({"buurt": "²"}, None),
        ({"buurt": "9" * 5000}, None),
    ],
)
def test_api_parameters_wagtail_passed_on_unread_are_a_400_with_a_message(
    client, home_page, query, parameter
):
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 400
    message = json.loads(response.content)["message"]
    assert parameter is None or message.startswith(f"{parameter}:")


def test_api_parameters_it_can_read_still_filter(client, pottenberg):
    pages = "/api/v2/pages/"
    place = add_place(pottenberg, "Buurthuis Pottenberg", latitude=Decimal("50.84512"))
    found = client.get(pages, {"type": PLACE, "latitude": "50.84512"}).json()
    assert [item["id"] for item in found["items"]] == [place.pk]
    assert client.get(pages, {"search": "pottenberg", "search_operator": "or"}).status_code == 200
    assert client.get(pages, {"child_of": "root", "offset": "0", "limit": "5"}).status_code == 200
    assert client.get(pages, {"buurt": str(pottenberg.pk)}).status_code == 200
    for endpoint in ("images", "documents", "ideas"):
        assert client.get(f"/api/v2/{endpoint}/", {"offset": "2" * 30}).status_code == 400


def test_a_sitemap_page_beyond_bigint_is_not_found(client, home_page):
    assert client.get("/sitemap-nieuws.xml", {"p": "9223372036854775808"}).status_code == 404
    assert client.get("/sitemap-nieuws.xml", {"p": "²"}).status_code == 404


def test_a_truncated_photo_is_a_form_error_and_no_idea(client, pottenberg, resident):
    whole = image_bytes()
    cases = {
        "half.jpg": whole[: len(whole) // 2],
        "geen-foto.jpg": b"\xff\xd8\xff\xe0" + b"dit is geen foto" * 20,
    }
    for name, content in cases.items():
        response = client.post(
            "/pottenberg/ideeen/nieuw/",
            {
                "title": "Een bankje bij de bushalte",
                "description": "Om even te zitten.",
                "photo": SimpleUploadedFile(name, content, content_type="image/jpeg"),
                "photo_alt": "Een bushalte zonder bankje.",
            },
        )
        assert response.status_code == 200
        assert "Probeer een andere foto" in response.content.decode() or (
            "geen geldige afbeelding" in response.content.decode()
        ), name
    assert not Idea.objects.exists()


def test_a_hand_edited_follow_settings_form_is_a_friendly_400(client, pottenberg, resident):
    follow = follows.follow_page(user=resident, page=pottenberg, frequency=Frequency.WEEKLY)
    other = get_user_model().objects.create_user(email="sem@example.org", password="x" * 12)
    not_mine = follows.follow_page(user=other, page=pottenberg, frequency=Frequency.DAILY)
    for data in (
        {"remove": "²"},
        {"remove": "9" * 5000},
        {"remove": str(not_mine.pk)},
        {f"frequency-{follow.pk}": "elk-uur"},
    ):
        assert_friendly_400(client.post("/mijn-account/volgen/", data))
    assert Follow.objects.filter(user=resident).get().frequency == Frequency.WEEKLY
    assert Follow.objects.filter(user=other).exists()
    response = client.post("/mijn-account/volgen/", {"remove": str(follow.pk)}, follow=True)
    assert "Je volgt Pottenberg niet meer." in response.content.decode()


def test_a_consultation_answer_in_other_digits_is_not_counted(client, home_page, resident):
    now = timezone.now()
    consultation = Consultation.objects.create(
        title="Wat wil je in het park?",
        intro="Help de gemeente kiezen.",
        questions=[("question", {"question": "Wat mist er?", "options": ["Bankjes", "Bomen"]})],
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=7),
    )
    field = f"vraag-{consultation.questions[0].id}"
    for value in ("²", "١", "9" * 5000):
        response = client.post(consultation.url, {field: value})
        assert response.status_code == 200
    assert not consultation.answers.exists()
