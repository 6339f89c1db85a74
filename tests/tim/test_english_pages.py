"""An English speaker reads the structural pages (titles, intros, <title>) in English; news,
activities and places stay Dutch and say so with lang="nl" for screen readers."""

import datetime
import re

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db

STRUCTURAL_PAGES = [
    ("/nieuws/", "News", "News from all over Maastricht"),
    ("/agenda/", "Agenda", "What can you do in Maastricht?"),
    ("/ontmoetingsplekken/", "Meeting places", "Places in Maastricht where you can drop in"),
    ("/vrijwilligerswerk/", "Volunteering", "Initiatives in the buurten (neighbourhoods)"),
    ("/ideeen/", "Ideas for the buurt", "Residents have ideas for their buurt"),
]


def get(client, url, language):
    client.cookies["tim_language"] = language
    return client.get(url).content.decode()


def h1(html):
    """The heading as read: without tags and the soft hyphens that let long words break."""
    text = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))
    return text.replace("\u00ad", "").replace("&shy;", "").strip()


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


@pytest.mark.parametrize(("url", "english", "intro"), STRUCTURAL_PAGES)
def test_city_pages_read_in_english(client, url, english, intro):
    html = get(client, url, "en")
    assert title(html) == f"{english} · Thuis in Maastricht"
    assert intro in html
    if url != "/nieuws/":  # the city news has its own heading: "News from Maastricht"
        assert h1(html) == english


def test_dutch_is_unchanged(client):
    html = get(client, "/ontmoetingsplekken/", "nl")
    assert h1(html) == "Ontmoetingsplekken"
    assert title(html) == "Ontmoetingsplekken · Thuis in Maastricht"
    assert "Plekken in Maastricht waar je binnen kunt lopen" in html
    assert "Places in Maastricht" not in html


def test_home_explains_buurt_once(client):
    html = get(client, "/", "en")
    assert "buurt (neighbourhood)" in html
    assert "7 wijken (districts)" in html
    assert "buurt (neighbourhood)" not in get(client, "/", "nl")


def test_buurt_sections_have_english_titles_and_breadcrumbs(client):
    html = get(client, "/pottenberg/ontmoetingsplekken/", "en")
    assert title(html) == "Meeting places · Thuis in Maastricht"
    trail = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    assert ">Meeting places</span>" in trail and "Ontmoetingsplekken" not in trail
    assert title(get(client, "/pottenberg/ideeen/", "en")).startswith("Ideas for Pottenberg")


def test_dutch_news_is_marked_dutch_in_english(client, pottenberg):
    from news.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.child_of(pottenberg).get()
    item = index.add_child(
        instance=NewsPage(title="Koffie in de Pottenberg", slug="koffie", intro="Kom langs.")
    )
    item.save_revision().publish()
    english = get(client, item.url, "en")
    assert re.search(
        r'<h1 class="news-article__title" lang="nl">Koffie in de Pottenberg</h1>', english
    )
    assert '<p class="lead" lang="nl">Kom langs.</p>' in english
    listing = get(client, index.url, "en")
    assert re.search(r'class="news-card__title" lang="nl"', listing)
    dutch = get(client, item.url, "nl")
    assert 'lang="nl">Koffie' not in dutch  # the page itself is Dutch: no marking needed


def test_recurrence_days_are_written_as_each_language_writes_them():
    from initiatives.forms import build_rrule, describe_recurrence

    start = datetime.datetime(2026, 12, 2, 10, 0)  # a Wednesday
    rule = build_rrule(
        repeat="weekly", weekdays=["WE"], week_of_month="1", until=None, dtstart=start
    )
    with translation.override("en"):
        assert describe_recurrence(rule) == "Every week on Wednesday"
    with translation.override("nl"):
        assert describe_recurrence(rule).endswith("woensdag")
