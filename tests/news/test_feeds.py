"""RSS 2.0 and Atom per buurt and for the city, parsed as a feed reader would."""

import feedparser
import pytest

from .factories import make_image

pytestmark = pytest.mark.django_db

FEEDS = {
    "rss": ("/pottenberg/nieuws/rss/", "/nieuws/rss/", "rss20"),
    "atom": ("/pottenberg/nieuws/atom/", "/nieuws/atom/", "atom10"),
}


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_buurt_feed_has_its_live_items_with_absolute_links_and_the_hero_image(
    client, news_item, nazareth_news, kind
):
    buurt_path, _, version = FEEDS[kind]
    item = news_item(
        title="Buurtfeest", intro="Zaterdag is het buurtfeest.", hero_image=make_image()
    )
    news_item(title="Uit Nazareth", parent=nazareth_news)
    news_item(title="Nog een concept", live=False)
    response, feed = parse(client, buurt_path)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.title == "Nieuws uit Pottenberg · Thuis in Maastricht"
    assert [entry.title for entry in feed.entries] == ["Buurtfeest"]
    entry = feed.entries[0]
    assert entry.link == f"http://testserver{item.url}"
    assert entry.summary == "Zaterdag is het buurtfeest."
    assert entry.author == "Anna"
    enclosure = entry.enclosures[0]
    assert enclosure.href.startswith("http://testserver/media/images/")
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0
    assert "original_images" not in enclosure.href
    assert {tag.term for tag in entry.tags} >= {"Pottenberg", "Nieuws"}


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_city_feed_has_every_buurt_and_the_city_items_newest_first(
    client, news_item, nazareth_news, city_news, kind
):
    _, city_path, version = FEEDS[kind]
    news_item(title="Pottenberg")
    news_item(title="Nazareth", parent=nazareth_news)
    news_item(title="Stad", parent=city_news)
    _, feed = parse(client, city_path)
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["Stad", "Nazareth", "Pottenberg"]
    assert feed.feed.language == "nl" if kind == "rss" else True


def test_feed_of_an_unknown_buurt_is_404(client, home_page):
    assert client.get("/bestaat-niet/nieuws/rss/").status_code == 404


@pytest.mark.parametrize("path", ["/pottenberg/nieuws/", "/pottenberg/nieuws/{slug}/", "/nieuws/"])
def test_news_pages_link_their_feeds_in_the_head(client, news_item, path):
    from bs4 import BeautifulSoup

    item = news_item()
    html = BeautifulSoup(client.get(path.format(slug=item.slug)).content, "html.parser")
    alternates = {link["href"]: link["type"] for link in html.head.select("link[rel=alternate]")}
    assert alternates["/nieuws/rss/"] == "application/rss+xml"
    assert alternates["/nieuws/atom/"] == "application/atom+xml"
    if "pottenberg" in path:
        assert alternates["/pottenberg/nieuws/rss/"] == "application/rss+xml"
        assert alternates["/pottenberg/nieuws/atom/"] == "application/atom+xml"
