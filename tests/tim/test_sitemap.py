"""The sitemap: an index of section files, every URL absolute, each file in the same number of
queries however many pages the site has."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import NewsPage
from tim.sitemaps import PageSection, sections

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SIZES = {"activities": 6, "places": 4, "initiatives": 4, "calls": 2, "users": 1}


def generate(news, seed):
    call_command(
        "generate_load_data",
        seed=seed,
        news=news,
        allow_database=connection.settings_dict["NAME"],
        stdout=open("/dev/null", "w"),  # noqa: SIM115
        **SIZES,
    )


def files(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [loc.text for loc in root.iter(f"{NS}loc")]


def urls(client, file_url):
    parts = urlsplit(file_url)
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert response.status_code == 200, file_url
    root = ElementTree.fromstring(response.content)
    return [
        (url.findtext(f"{NS}loc"), url.findtext(f"{NS}lastmod")) for url in root.iter(NS + "url")
    ]


def queries_per_file(client):
    """Queries of each file, made afresh (not from the page cache); the most per section."""
    counts = {}
    for file_url in [*files(client), "/sitemap.xml"]:
        path = urlsplit(file_url)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(f"{path.path}?{path.query}" if path.query else path.path)
        counts[path.path] = max(counts.get(path.path, 0), len(queries))
    return counts


def test_index_lists_every_section_and_every_url_is_absolute(client, settings):
    settings.BASE_URL = "https://thuisinmaastricht.example"
    listed = files(client)
    for name in sections():
        assert f"https://thuisinmaastricht.example/sitemap-{name}.xml" in listed
    every = [url for file_url in listed for url in urls(client, file_url)]
    assert every and all(loc.startswith("https://thuisinmaastricht.example/") for loc, _ in every)
    locations = {urlsplit(loc).path for loc, _ in every}
    assert {"/", "/pottenberg/", "/pottenberg/agenda/", "/nieuws/"} <= locations


def test_a_section_is_split_into_files_and_misses_no_page(client, monkeypatch):
    monkeypatch.setattr(PageSection, "limit", 25)
    generate(news=60, seed=1)
    news_files = [url for url in files(client) if "sitemap-nieuws" in url]
    assert len(news_files) == 3  # 60 items, 25 a file
    listed = {urlsplit(loc).path for file_url in news_files for loc, _ in urls(client, file_url)}
    assert listed == {page.url for page in NewsPage.objects.live()}
    assert client.get("/sitemap-nieuws.xml", {"p": 4}).status_code == 404  # past the last file
    assert client.get("/sitemap-onbekend.xml").status_code == 404


def test_every_file_runs_the_same_queries_at_two_sizes(client, monkeypatch):
    monkeypatch.setattr(PageSection, "limit", 50)
    generate(news=30, seed=1)
    small = queries_per_file(client)
    generate(news=300, seed=2)
    large = queries_per_file(client)
    assert {path: large[path] for path in small} == small
    assert len(large) == len(small)  # ?p=2 and beyond are counted under the section's path
