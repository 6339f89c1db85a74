"""Every sitemap entry has a lastmod: the latest change of the page or of what it lists."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine

from news.models import NewsIndexPage
from tests.news.factories import NewsPageFactory, publish_as

from .test_sitemap import files, urls

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
EARLIER = datetime.datetime(2030, 3, 2, 12, 0, tzinfo=AMS)
LATER = datetime.datetime(2031, 5, 4, 12, 0, tzinfo=AMS)


def entries(client):
    listed = [entry for file_url in files(client) for entry in urls(client, file_url)]
    return {urlsplit(loc).path: lastmod for loc, lastmod in listed}


def publish_news(buurt, moment):
    index = NewsIndexPage.objects.child_of(buurt).get()
    with time_machine.travel(moment, tick=False):
        return publish_as(NewsPageFactory(parent=index, live=False))


def test_every_entry_has_a_lastmod_and_lists_follow_their_newest_item(client, pottenberg, nazareth):
    publish_news(nazareth, EARLIER)
    item = publish_news(pottenberg, LATER)
    listed = entries(client)
    assert listed and all(listed.values()), [path for path, date in listed.items() if not date]
    for path in [item.url, "/pottenberg/", "/pottenberg/nieuws/", "/pottenberg/agenda/", "/",
                 "/nieuws/"]:  # fmt: skip
        assert listed[path] == "2031-05-04", path
    assert listed["/nazareth/"] == listed["/nazareth/nieuws/"] == "2030-03-02"
    # Pages never published with a revision (set up by a command) that list nothing dated
    # are at least as old as the site's earliest change.
    assert listed["/ontmoetingsplekken/"] == listed["/privacy/"] == "2030-03-02"


def test_the_index_gives_each_file_its_latest_change(client, pottenberg):
    publish_news(pottenberg, LATER)
    response = client.get("/sitemap.xml")
    assert response.content.count(b"<lastmod>2031-05-04") >= 3  # pages, news, agenda
