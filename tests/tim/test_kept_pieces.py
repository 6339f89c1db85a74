"""The kept pieces of pages (tim.pagecache.fragment): an article, the reactions, a place's week,
the filters and results of a list. They are shared between visitors, so they must never carry
one visitor's forms to another, never show an editor's draft to anyone, and never outlive a
change."""

import datetime
import math
from xml.etree import ElementTree

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text, streamfield

from news.models import NewsPage
from participation import services as participation
from participation.models import Participant
from tests.initiatives.conftest import make_activity, make_initiative
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


def test_the_sitemap_index_lists_a_new_file_as_soon_as_news_fills_one(
    client, pottenberg, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(PageSection, "limit", 2)

    def news_files():
        index = ElementTree.fromstring(client.get("/sitemap.xml").content)
        return [loc.text for loc in index.iter(f"{SITEMAP}loc") if "sitemap-nieuws" in loc.text]

    before = news_files()
    assert news_files() == before  # the second time from the kept list
    with django_capture_on_commit_callbacks(execute=True):
        for day in ("maandag", "dinsdag", "woensdag"):
            publish_in(pottenberg, f"Bericht van {day}")
    after = news_files()
    assert len(after) == math.ceil(NewsPage.objects.live().count() / 2) > len(before)
