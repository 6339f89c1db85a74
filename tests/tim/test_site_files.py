"""What browsers, phones and crawlers fetch from every site: robots.txt, the web app manifest,
the favicon and the touch icon. Each resolves, with the content type a browser expects."""

import io
import json
import re
import urllib.request
from pathlib import Path
from urllib.robotparser import RobotFileParser

import pytest
from bs4 import BeautifulSoup
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def fetch(live_server, path):
    """A real HTTP request to the running site (which serves the static files, as in
    production); redirects are followed, as a browser does."""
    with urllib.request.urlopen(live_server.url + path) as response:
        return response.status, response.headers.get_content_type(), response.read()


def test_robots_txt_keeps_crawlers_out_of_private_paths_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    robots = RobotFileParser()
    robots.parse(response.content.decode().splitlines())
    assert robots.site_maps() == ["http://testserver/sitemap.xml"]  # BASE_URL of the tests
    for private in ["/beheer/", "/beheer/pages/3/", "/account/login/", "/mijn-account/volgen/",
                    "/zoeken/?q=koffie", "/afmelden/abc/", "/taal/en/"]:  # fmt: skip
        assert not robots.can_fetch("Googlebot", private), private
    for public in ["/", "/pottenberg/", "/agenda/", "/ontmoetingsplekken/", "/nieuws/rss/",
                   "/sitemap.xml", "/api/v2/pages/"]:  # fmt: skip
        assert robots.can_fetch("Googlebot", public), public


@pytest.mark.django_db
def test_the_sitemap_robots_txt_names_is_there(client):
    assert client.get("/sitemap.xml").status_code == 200


# live_server makes a test transactional; the page tree must come back for the tests after it.
LIVE = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@LIVE
def test_the_web_app_manifest_is_valid_and_every_icon_resolves(live_server):
    status, content_type, body = fetch(live_server, "/manifest.webmanifest")
    assert status == 200 and content_type == "application/manifest+json"
    manifest = json.loads(body)
    css = (ROOT / "static/css/tim.css").read_text()
    primary = re.search(r"--color-primary:\s*(#[0-9a-f]{6})", css).group(1)
    assert manifest["theme_color"] == primary
    assert (manifest["name"], manifest["lang"], manifest["start_url"]) == (
        "Thuis in Maastricht", "nl", "/"
    )  # fmt: skip
    assert 0 < len(manifest["short_name"]) <= 12  # what fits under an icon on a home screen
    purposes = set()
    for icon in manifest["icons"]:
        status, content_type, body = fetch(live_server, icon["src"])
        assert status == 200 and content_type == icon["type"], icon
        if icon["type"] == "image/png":
            width, height = Image.open(io.BytesIO(body)).size
            assert icon["sizes"] == f"{width}x{height}"
        else:
            assert b"<svg" in body
        purposes.add(icon.get("purpose", "any"))
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes and purposes == {"any", "maskable"}


@LIVE
def test_favicon_and_touch_icon_resolve_from_every_page(live_server):
    status, content_type, body = fetch(live_server, "/favicon.ico")
    assert status == 200 and content_type in ("image/x-icon", "image/vnd.microsoft.icon")
    assert Image.open(io.BytesIO(body)).format == "ICO"
    # The 404 page stands for every page built on base.html.
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(live_server.url + "/robots.txt/bestaat-niet")
    head = BeautifulSoup(missing.value.read(), "html.parser").head
    links = {
        " ".join(link["rel"]): link["href"]
        for link in head.select(
            'link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]'
        )
    }
    assert set(links) == {"icon", "apple-touch-icon", "manifest"}
    expected = {"image/svg+xml", "image/x-icon", "image/vnd.microsoft.icon", "image/png",
                "application/manifest+json"}  # fmt: skip
    for link in head.select(
        'link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]'
    ):
        status, content_type, _ = fetch(live_server, link["href"])
        assert status == 200 and content_type in expected, link
    status, _, body = fetch(live_server, links["apple-touch-icon"])
    touch = Image.open(io.BytesIO(body))
    assert touch.size == (180, 180) and touch.mode == "RGB"  # iOS paints transparency black
