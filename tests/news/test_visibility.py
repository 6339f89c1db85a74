"""A draft or a rejected item is nowhere for the public: not its address, lists, feeds, search,
sitemap or API. An approved item is everywhere."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup

from neighbourhoods import roles

from .factories import publish_as

pytestmark = pytest.mark.django_db

SECRET = "Zeppelinvaart"  # a word only the hidden items use
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_entries(client):
    """{path: lastmod} of every <url> in the files that /sitemap.xml (an index) lists."""
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    entries = {}
    for file_url in index.iter(f"{SITEMAP}loc"):
        parts = urlsplit(file_url.text)
        root = ElementTree.fromstring(client.get(parts.path, {"p": parts.query[2:] or 1}).content)
        entries.update(
            (urlsplit(url.findtext(f"{SITEMAP}loc")).path, url.findtext(f"{SITEMAP}lastmod"))
            for url in root.iter(f"{SITEMAP}url")
        )
    return entries


def rejected(page, editor, moderator):
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow.name == roles.WORKFLOW_NAME
    state = workflow.start(page, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject", comment="Nog niet.")
    page.refresh_from_db()
    return page


@pytest.fixture
def hidden(news_item, demo_user):
    """A draft, a rejected item, and a live item whose rejected new version must stay unseen."""
    editor, moderator = demo_user("redactie-pottenberg"), demo_user("moderator")
    draft = news_item(title=f"{SECRET} concept", slug="concept", live=False)
    draft.save_revision(user=editor)
    refused = rejected(news_item(title=f"{SECRET} afgewezen", slug="afgewezen", live=False),
                       editor, moderator)  # fmt: skip
    live = news_item(title="Gewoon bericht", slug="gewoon")
    live.title = f"{SECRET} nieuwe versie"
    rejected(live, editor, moderator)
    return {"draft": draft, "rejected": refused, "live": live}


def public_texts(client, paths):
    texts = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        texts[path] = response.content.decode()
    return texts


def test_hidden_items_are_404(client, hidden):
    assert not hidden["draft"].live and not hidden["rejected"].live
    assert client.get("/pottenberg/nieuws/concept/").status_code == 404
    assert client.get("/pottenberg/nieuws/afgewezen/").status_code == 404
    live = client.get("/pottenberg/nieuws/gewoon/").content.decode()
    assert "Gewoon bericht" in live and SECRET not in live


def test_hidden_items_are_in_no_list_feed_sitemap_or_search(client, hidden):
    paths = [
        "/", "/pottenberg/", "/pottenberg/nieuws/", "/nieuws/",
        "/pottenberg/nieuws/rss/", "/pottenberg/nieuws/atom/", "/nieuws/rss/", "/nieuws/atom/",
        "/sitemap.xml", "/sitemap-nieuws.xml", "/api/v2/pages/?type=news.NewsPage&fields=*",
        f"/api/v2/pages/?search={SECRET}",
    ]  # fmt: skip
    for path, text in public_texts(client, paths).items():
        assert SECRET not in text, path
        assert "/concept/" not in text and "/afgewezen/" not in text, path
    for query in [{"q": SECRET}, {"q": SECRET, "soort": "nieuws"}]:
        html = BeautifulSoup(client.get("/zoeken/", query).content, "html.parser")
        assert html.select(".search-result") == [] and html.select_one(".search-results__none")
    assert client.get(f"/api/v2/pages/{hidden['draft'].pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{hidden['rejected'].pk}/").status_code == 404


def test_a_live_item_is_everywhere(client, news_item):
    item = news_item(title="Buurtfeest", intro="Zaterdag is het buurtfeest op het plein.",
                     live=False)  # fmt: skip
    publish_as(item)
    assert "Buurtfeest" in client.get("/pottenberg/nieuws/").content.decode()
    assert "Buurtfeest" in client.get("/nieuws/").content.decode()
    assert "Buurtfeest" in client.get("/pottenberg/").content.decode()
    feed = feedparser.parse(client.get("/pottenberg/nieuws/rss/").content)
    assert [entry.title for entry in feed.entries] == ["Buurtfeest"]
    assert sitemap_entries(client)[item.url]  # listed with its last modification
    assert "Buurtfeest" in client.get("/zoeken/", {"q": "buurtfeest"}).content.decode()
    api = client.get("/api/v2/pages/", {"type": "news.NewsPage", "buurt": "pottenberg"}).json()
    assert [page["title"] for page in api["items"]] == ["Buurtfeest"]


def test_sitemap_lists_every_live_page(client, news_item, city_news):
    from wagtail.models import Page

    news_item()
    news_item(parent=city_news)
    listed = set(sitemap_entries(client))
    live = {page.url for page in Page.objects.live().public().filter(depth__gte=2).specific()}
    assert live <= listed
