"""A page behind a Wagtail view restriction, and all below it, is in no public listing, agenda,
calendar, sitemap, search, API or HSDS export; its forms refuse; the fan-out skips it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from initiatives.models import InitiativePage, VolunteerCallPage
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.factories import make_image
from tim.visibility import is_publicly_visible

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 10, 19, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))
SECRET = "Geheime Kookclub"


@pytest.fixture(autouse=True)
def a_monday_morning():
    cache.clear()  # rate limits and cached pages live in Redis, shared by the run's tests
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def hidden(pottenberg):
    """An initiative for members only, with an activity this week, a volunteer call and a
    photo; a meeting place behind a password; and, for comparison, a public initiative."""
    photo, public_photo = make_image(title="Geheime foto"), make_image(title="Open foto")
    initiative = make_initiative(pottenberg, title=SECRET, image=photo)
    activity = make_activity(initiative, title="Geheim koken", signup_required=True, capacity=9)
    call = initiative.add_child(
        instance=VolunteerCallPage(title="Geheime hulp", slug="geheime-hulp",
                                   intro="Help mee.", time_needed="1 uur")
    )  # fmt: skip
    call.save_revision().publish()
    place = add_place(pottenberg, "Geheime Huiskamer")
    PageViewRestriction.objects.create(page=initiative, restriction_type="login")
    PageViewRestriction.objects.create(page=place, restriction_type="password", password="x")
    public = make_initiative(pottenberg, title="Open Buurtkamer", image=public_photo)
    make_activity(public, title="Open koken")
    return {
        "initiative": initiative, "activity": activity, "call": call, "place": place,
        "photo": photo, "public_photo": public_photo,
    }  # fmt: skip


PUBLIC_PAGES = [
    "/",
    "/pottenberg/",
    "/pottenberg/initiatieven/",
    "/pottenberg/ontmoetingsplekken/",
    "/pottenberg/agenda/",
    "/agenda/",
    "/vrijwilligerswerk/",
    "/ontmoetingsplekken/",
    "/zoeken/?q=geheim",
    "/ical/buurt/pottenberg.ics",
    "/ontmoetingsplekken/open-data/hsds.json",
    "/api/v2/pages/?type=initiatives.InitiativePage",
    "/api/v2/pages/?type=initiatives.ActivityPage",
    "/api/v2/pages/?type=meetingplaces.MeetingPlacePage",
    "/api/v2/pages/?search=geheim",
    "/sitemap.xml",
]


def test_a_restricted_initiative_and_place_are_in_no_public_listing_or_feed(client, hidden):
    texts = {}
    for url in PUBLIC_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = b"".join(response) if response.streaming else response.content
    sections = [s for s in texts["/sitemap.xml"].decode().split("<loc>")[1:]]
    for section in sections:
        url = section.split("</loc>")[0].removeprefix("http://testserver")
        if url.endswith(".xml"):
            texts[url] = client.get(url).content
    assert "Open koken" in texts["/agenda/"].decode()  # the comparison is listed
    for url, text in texts.items():
        for secret in (SECRET, "Geheim koken", "Geheime hulp", "Geheime Huiskamer", "geheime-"):
            assert secret.encode() not in text, f"{secret} on {url}"


def test_its_calendars_api_pages_and_images_are_not_found(client, hidden):
    initiative, activity = hidden["initiative"], hidden["activity"]
    occurrence = activity.occurrences.first()
    for url in [
        f"/ical/initiatief/{initiative.pk}.ics",
        f"/ical/activiteit/{activity.pk}.ics",
        f"/ical/keer/{occurrence.pk}.ics",
        f"/api/v2/pages/{activity.pk}/",
        f"/api/v2/images/{hidden['photo'].pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    listed = {image["id"] for image in client.get("/api/v2/images/").json()["items"]}
    assert listed == {hidden["public_photo"].pk}  # not the restricted one, not unused uploads


def test_its_forms_refuse_and_the_fan_out_check_says_no(client, hidden, demo_user):
    occurrence = hidden["activity"].occurrences.first()
    data = {"name": "Ria", "email": "ria@example.org", "consent": "on"}
    assert client.post(f"/aanmelden/{occurrence.pk}/", data).status_code == 404
    assert client.post(f"/meehelpen/{hidden['call'].pk}/", data).status_code == 404
    client.force_login(demo_user("bewoner"))
    assert (
        client.post(f"/volgen/{hidden['initiative'].pk}/", {"frequency": "direct"}).status_code
        == 404
    )
    assert not occurrence.signups.exists() and not hidden["call"].responses.exists()
    for page in ("initiative", "activity", "call", "place"):
        assert not is_publicly_visible(hidden[page]), page
    assert is_publicly_visible(InitiativePage.objects.get(title="Open Buurtkamer"))


def test_the_images_api_lists_no_draft_only_image(client, hidden):
    draft_photo = make_image(title="Concept foto")
    public = InitiativePage.objects.get(title="Open Buurtkamer")
    public.image = draft_photo
    public.save_revision()  # a draft: the live page still shows the first photo
    listed = {image["id"] for image in client.get("/api/v2/images/").json()["items"]}
    assert listed == {hidden["public_photo"].pk}
