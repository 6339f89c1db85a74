"""The kept pieces of pages (tim.pagecache.fragment): an article, the reactions, a place's week,
the filters and results of a list. They are shared between visitors, so they must never carry
one visitor's forms to another, never show an editor's draft to anyone, and never outlive a
change."""

import datetime
import math
from urllib.parse import parse_qsl, urlsplit
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site
from wagtail.test.utils.form_data import rich_text, streamfield

from meetingplaces.services import change_hours_this_week
from news.models import NewsPage
from participation import services as participation
from participation.models import Participant
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.admin_forms import news_form_data
from tests.news.factories import publish_in
from tim import pagecache
from tim.sitemaps import PageSection

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The page cache and its pieces on (tests elsewhere count the queries of a render)."""
    settings.PAGE_CACHE_ENABLED = True
    pagecache._paused_until.clear()
    pagecache.purge(families=["all"])


def _logged_in(user) -> Client:
    visitor = Client()
    visitor.force_login(user)
    return visitor


def test_an_editors_preview_never_reaches_visitors_and_shows_the_draft(
    client, pottenberg, demo_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = publish_in(pottenberg, "Koffie op het plein")
    resident = _logged_in(demo_user("bewoner"))  # past the page cache, through the pieces
    assert "De bewoners komen samen" in resident.get(item.url).text

    client.force_login(demo_user("redactie-pottenberg"))
    preview_url = f"/beheer/pages/{item.pk}/edit/preview/"
    draft = news_form_data(
        title="Koffie op het plein",
        slug=item.slug,
        body=streamfield([("paragraph", rich_text("<p>Nog geheim concept.</p>"))]),
    )
    assert client.post(preview_url, draft).json()["is_valid"]
    preview = client.get(preview_url)
    assert "Nog geheim concept" in preview.text
    assert "De bewoners komen samen" not in preview.text

    for visitor in (resident, Client()):
        page = visitor.get(item.url).text
        assert "De bewoners komen samen" in page
        assert "Nog geheim concept" not in page


def test_a_new_reaction_shows_at_once_and_only_residents_get_the_form(
    client, pottenberg, demo_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = publish_in(pottenberg, "Speeltuin gaat open")
    resident = _logged_in(demo_user("bewoner"))
    assert 'name="csrfmiddlewaretoken"' not in client.get(item.url).text
    assert "textarea" in resident.get(item.url).text  # the form to react, theirs alone

    trusted = demo_user("bewoner")  # a first reaction waits for a moderator; this one does not
    Participant.objects.update_or_create(user=trusted, defaults={"approved_at": timezone.now()})
    with django_capture_on_commit_callbacks(execute=True):
        participation.reaction_create(user=trusted, target=item, text="Eindelijk een schommel!")

    anonymous = client.get(item.url).text
    assert "Eindelijk een schommel!" in anonymous
    assert 'name="csrfmiddlewaretoken"' not in anonymous
    assert "Eindelijk een schommel!" in resident.get(item.url).text
    assert 'name="csrfmiddlewaretoken"' in resident.get(item.url).text


def test_the_sign_up_buttons_of_an_activity_are_never_shared(
    client, pottenberg, demo_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        initiative = make_initiative(pottenberg, owner=demo_user("initiatiefnemer"))
        activity = make_activity(
            initiative,
            start_date=datetime.date.today() + datetime.timedelta(days=3),
            signup_required=True,
            capacity=5,
        )
    signup_path = reverse("initiatives:signup", args=[activity.occurrences.first().pk])
    resident = _logged_in(demo_user("bewoner"))
    for _ in range(2):  # whoever comes first, each gets their own kind of button
        mine = resident.get(activity.url).text
        assert 'method="post"' in mine and 'name="csrfmiddlewaretoken"' in mine
        theirs = client.get(activity.url).text
        assert 'name="csrfmiddlewaretoken"' not in theirs
        assert f'<a class="button" href="{signup_path}">' in theirs
        assert "nog 5 plekken" in theirs and "nog 5 plekken" in mine


def test_a_bad_filter_is_refused_and_keeps_nothing(client, home_page):
    bad = client.get("/agenda/?van=2027-02-30")
    assert bad.status_code == 400
    assert "Geef een datum als jaar-maand-dag" in bad.text
    assert client.get("/agenda/?van=2027-02-30").status_code == 400
    good = client.get("/agenda/")
    assert good.status_code == 200
    assert "Geef een datum" not in good.text


def test_a_list_kept_for_one_filter_is_not_shown_for_another(
    client, pottenberg, demo_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_in(pottenberg, "Nieuws uit Pottenberg")
    resident = _logged_in(demo_user("bewoner"))
    everything = resident.get("/nieuws/").text
    assert "Nieuws uit Pottenberg" in everything
    elsewhere = resident.get("/nieuws/?buurt=nazareth").text
    assert "Nieuws uit Pottenberg" not in elsewhere
    assert "Nieuws uit Pottenberg" in resident.get("/nieuws/").text


def _news_files(client):
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return [loc.text for loc in index.iter(f"{SITEMAP}loc") if "sitemap-nieuws" in loc.text]


def test_the_sitemap_index_lists_a_new_file_as_soon_as_news_fills_one(
    client, pottenberg, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(PageSection, "limit", 2)

    def news_files():
        return _news_files(client)

    before = news_files()
    assert news_files() == before  # the second time from the kept list
    with django_capture_on_commit_callbacks(execute=True):
        for day in ("maandag", "dinsdag", "woensdag"):
            publish_in(pottenberg, f"Bericht van {day}")
    after = news_files()
    assert len(after) == math.ceil(NewsPage.objects.live().count() / 2) > len(before)


def test_the_sitemap_files_list_every_news_item_once_after_a_publish(
    client, pottenberg, nazareth, monkeypatch, django_capture_on_commit_callbacks
):
    """Each file starts where a kept list says; a publish renews that list, so new items in the
    middle of the tree neither push older ones out of the last file nor show up twice."""
    monkeypatch.setattr(PageSection, "limit", 2)

    def listed():
        addresses = []
        for file_url in _news_files(client):
            parts = urlsplit(file_url)
            response = client.get(parts.path, dict(parse_qsl(parts.query)))
            assert response.status_code == 200, file_url
            root = ElementTree.fromstring(response.content)
            addresses += [urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP}loc")]
        return addresses

    with django_capture_on_commit_callbacks(execute=True):
        for buurt in (pottenberg, nazareth):
            publish_in(buurt, f"Eerste bericht uit {buurt.title}")
    assert sorted(listed()) == sorted(page.url for page in NewsPage.objects.live())
    with django_capture_on_commit_callbacks(execute=True):
        for day in ("maandag", "dinsdag", "woensdag"):
            publish_in(pottenberg, f"Bericht van {day}")
    assert sorted(listed()) == sorted(page.url for page in NewsPage.objects.live())


def test_the_api_total_is_kept_per_question_and_counts_a_new_item_at_once(
    pottenberg, nazareth, demo_user, django_capture_on_commit_callbacks
):
    resident = _logged_in(demo_user("bewoner"))  # past the page cache, through the pieces

    def total(**query):
        response = resident.get("/api/v2/pages/", {"type": "news.NewsPage", **query})
        assert response.status_code == 200
        return response.json()["meta"]["total_count"]

    with django_capture_on_commit_callbacks(execute=True):
        publish_in(pottenberg, "Bericht uit Pottenberg")
        publish_in(nazareth, "Bericht uit Nazareth")
    everywhere, in_pottenberg = total(), total(buurt="pottenberg")
    assert in_pottenberg == NewsPage.objects.live().descendant_of(pottenberg).count()
    assert everywhere == NewsPage.objects.live().count() > in_pottenberg
    assert (total(), total(buurt="pottenberg")) == (everywhere, in_pottenberg)  # kept ones
    with django_capture_on_commit_callbacks(execute=True):
        publish_in(pottenberg, "Nog een bericht")
    assert (total(), total(buurt="pottenberg")) == (everywhere + 1, in_pottenberg + 1)


def test_the_open_data_export_shows_a_hosts_change_and_a_new_place_at_once(
    pottenberg, nazareth, demo_user, django_capture_on_commit_callbacks
):
    resident = _logged_in(demo_user("bewoner"))  # past the page cache, through the pieces

    def locations():
        response = resident.get("/ontmoetingsplekken/open-data/hsds.json")
        assert response.status_code == 200
        return {
            location["name"]: location
            for organization in response.json()["organizations"]
            for location in organization["locations"]
        }

    with django_capture_on_commit_callbacks(execute=True):
        place = add_place(pottenberg, "Buurthuis Pottenberg", ranges=[(1, "10:00", "16:00")])
    assert "Gesloten: Verbouwing" not in str(locations()["Buurthuis Pottenberg"]["schedules"])
    with django_capture_on_commit_callbacks(execute=True):
        change_hours_this_week(
            place=place,
            day=timezone.localdate(),
            user=demo_user("initiatiefnemer"),
            closed=True,
            reason="Verbouwing",
        )
    assert "Gesloten: Verbouwing" in str(locations()["Buurthuis Pottenberg"]["schedules"])
    with django_capture_on_commit_callbacks(execute=True):
        add_place(nazareth, "Sporthal Nazareth", ranges=[(5, "09:00", "12:00")])
    assert {"Buurthuis Pottenberg", "Sporthal Nazareth"} <= set(locations())


def test_a_feed_shows_a_changed_title_at_once_and_its_labels_in_the_readers_language(
    pottenberg, demo_user, django_capture_on_commit_callbacks
):
    resident = _logged_in(demo_user("bewoner"))  # past the page cache, through the pieces
    with django_capture_on_commit_callbacks(execute=True):
        item = publish_in(pottenberg, "Koffie op het plein")
    feed = resident.get("/pottenberg/nieuws/rss/").text
    assert "Koffie op het plein" in feed and f"<category>{item.kind_label}</category>" in feed
    item.title = "Thee op het plein"
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    feed = resident.get("/pottenberg/nieuws/rss/").text
    assert "Thee op het plein" in feed and "Koffie op het plein" not in feed

    resident.get("/taal/en/")
    with translation.override("en"):
        english = str(item.kind_label)
    assert english != str(item.kind_label)  # the label is translated
    assert f"<category>{english}</category>" in resident.get("/pottenberg/nieuws/rss/").text


def test_the_site_and_its_home_are_kept_and_a_change_to_either_shows_at_once(
    home_page, pottenberg, nazareth, demo_user, django_capture_on_commit_callbacks
):
    resident = _logged_in(demo_user("bewoner"))  # past the page cache, through the pieces
    resident.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert resident.get("/").status_code == 200
    asked = " ".join(query["sql"] for query in queries.captured_queries)
    assert "wagtailcore_site" not in asked  # the Site and its home came as kept
    assert "neighbourhoods_cityhomepage" not in asked

    home_page.title = "Thuis in Maastricht, vernieuwd"
    with django_capture_on_commit_callbacks(execute=True):
        home_page.save_revision().publish()
    assert "Thuis in Maastricht, vernieuwd" in resident.get("/").text

    # A second address for one buurt, then moved to another: each is served at once.
    other = Client(HTTP_HOST="buurt.example")
    other.force_login(demo_user("bewoner"))
    with django_capture_on_commit_callbacks(execute=True):
        site = Site.objects.create(hostname="buurt.example", root_page=pottenberg)
    assert f"<title>{pottenberg.title} · " in other.get("/").text
    site.root_page = nazareth
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert f"<title>{nazareth.title} · " in other.get("/").text
