"""What an article tells machines: NewsArticle JSON-LD, Open Graph, Twitter, canonical URL."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from tim.models import Theme

from .factories import make_image

pytestmark = pytest.mark.django_db


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def json_ld(head_html):
    """The NewsArticle (beside it: the BreadcrumbList of the trail)."""
    scripts = head_html.select('script[type="application/ld+json"]')
    nodes = {node["@type"]: node for node in (json.loads(script.string) for script in scripts)}
    assert set(nodes) == {"NewsArticle", "BreadcrumbList"}
    return nodes["NewsArticle"]


def test_article_has_a_complete_news_article_json_ld(client, news_item):
    item = news_item(
        title="Buurtfeest op het plein",
        intro="Zaterdag is het feest.",
        author_name="Anna",
        hero_image=make_image(),
        first_published_at=datetime(2026, 11, 3, 10, tzinfo=ZoneInfo("Europe/Amsterdam")),
        themes=[Theme.objects.get(slug="ontmoeten")],
    )
    data = json_ld(head(client, item.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Buurtfeest op het plein"
    assert data["description"] == "Zaterdag is het feest."
    assert datetime.fromisoformat(data["datePublished"]) == item.first_published_at
    assert datetime.fromisoformat(data["dateModified"]) >= item.first_published_at
    assert data["author"] == {"@type": "Person", "name": "Anna"}
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Thuis in Maastricht"
    assert data["mainEntityOfPage"]["@id"] == f"http://testserver{item.url}"
    assert len(data["image"]) == 3
    assert all(url.startswith("http://testserver/media/images/") for url in data["image"])
    assert data["inLanguage"] == "nl"
    assert data["keywords"] == ["Ontmoeten en eenzaamheid"]
    assert data["contentLocation"]["name"] == "Pottenberg, Maastricht"


def test_json_ld_without_author_or_image_names_the_buurt_editors(client, news_item):
    data = json_ld(head(client, news_item(author_name="").url))
    assert data["author"] == {"@type": "Organization", "name": "Redactie Pottenberg"}
    # Pottenberg has no photo in the tests: the city's image stands in.
    assert data["image"] == ["http://testserver/static/tim/share/thuis-in-maastricht.png"]


def test_json_ld_cannot_be_broken_out_of(client, news_item):
    item = news_item(title="</script><script>alert(1)</script>")
    html = client.get(item.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(head(client, item.url))["headline"] == item.title


def test_open_graph_twitter_and_canonical(client, news_item):
    image = make_image()
    item = news_item(title="Buurtfeest", intro="Zaterdag is het feest.", hero_image=image)
    html = head(client, item.url)

    def meta(key):
        tag = html.find("meta", attrs={"property": key}) or html.find("meta", attrs={"name": key})
        return tag["content"]

    assert meta("og:type") == "article"
    assert meta("og:title") == "Buurtfeest"
    assert meta("og:description") == "Zaterdag is het feest."
    assert meta("og:url") == f"http://testserver{item.url}"
    assert meta("og:image").startswith("http://testserver/media/images/")
    assert meta("og:image:alt") == image.description
    assert meta("og:locale") == "nl_NL"
    assert meta("twitter:card") == "summary_large_image"
    assert meta("twitter:title") == "Buurtfeest"
    assert meta("twitter:image") == meta("og:image")
    assert meta("description") == "Zaterdag is het feest."
    assert html.find("link", rel="canonical")["href"].endswith(item.url)
