"""Every page type is sent with a Content-Security-Policy that runs no inline script, a nonce that
is never shared between visitors, and a Permissions-Policy; Wagtail's admin gets its own policy."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.factories import NewsPageFactory
from tim import pagecache

pytestmark = pytest.mark.django_db


def policy(response, header="Content-Security-Policy") -> dict[str, list[str]]:
    directives = [part.split() for part in response[header].split(";")]
    return {name: values for name, *values in directives}


@pytest.fixture
def pages(pottenberg, demo_user):
    from news.models import NewsIndexPage

    initiative = make_initiative(pottenberg, owner=demo_user("initiatiefnemer"))
    news_index = NewsIndexPage.objects.child_of(pottenberg).get()
    place = add_place(pottenberg, "Buurthuis Pottenberg", ranges=[(1, "10:00", "16:00")])
    return {
        "news item": NewsPageFactory(parent=news_index, title="Koffie op het plein").url,
        "meeting place": place.url,
        "initiative": initiative.url,
        "activity": make_activity(initiative).url,
    }  # fmt: skip


PUBLIC_PATHS = {
    "home": "/",
    "buurt": "/pottenberg/",
    "buurt news": "/pottenberg/nieuws/",
    "city news": "/nieuws/",
    "agenda": "/agenda/",
    "buurt agenda": "/pottenberg/agenda/",
    "directory with map": "/ontmoetingsplekken/",
    "volunteering": "/vrijwilligerswerk/",
    "search": "/zoeken/?q=koffie",
    "standard page": "/privacy/",
    "bulletin": "/pottenberg/bulletin/",
    "login form": "/account/login/",
    "sign-up form": "/account/signup/",
    "not found": "/bestaat-niet/",
}


def test_every_public_page_type_allows_only_its_own_scripts_with_a_fresh_nonce(client, pages):
    for name, path in {**PUBLIC_PATHS, **pages}.items():
        response = client.get(path)
        assert response.status_code in (200, 404), name
        directives = policy(response)
        scripts = directives["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, name
        assert "'unsafe-inline'" not in directives["style-src"], name
        assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'self'"]
        nonces = [value for value in scripts if value.startswith("'nonce-")]
        html = BeautifulSoup(response.content, "html.parser")
        assert len(nonces) == (1 if html.find("script", src=True) else 0), name  # the bulletin
        for script in html.find_all("script"):
            # Data blocks (JSON-LD, the map's places) are never run; anything else is a file.
            if script.get("type") not in ("application/ld+json", "application/json"):
                assert script.get("src", "").startswith("/static/"), (name, str(script)[:200])
                if script.get("nonce"):
                    assert f"'nonce-{script['nonce']}'" == nonces[0], name
        assert not html.select("[style]"), name  # style-src 'self' would block it
        assert not [
            tag for tag in html.find_all(True) if any(a.startswith("on") for a in tag.attrs)
        ]
        assert not html.select('[href^="javascript:"]'), name


def test_two_visitors_get_two_nonces(client):
    first, second = policy(client.get("/"))["script-src"], policy(client.get("/"))["script-src"]
    assert first != second


def test_the_map_tiles_are_the_only_third_party_host(client):
    response = client.get("/ontmoetingsplekken/")
    tiles = BeautifulSoup(response.content, "html.parser").select_one("[data-tiles]")["data-tiles"]
    hosts = {
        value
        for values in policy(response).values()
        for value in values
        if re.match(r"https?://", value)
    }
    assert hosts == {"https://tile.openstreetmap.org"}
    assert tiles.startswith("https://tile.openstreetmap.org/")


@override_settings(PAGE_CACHE_ENABLED=True)
def test_a_page_from_the_page_cache_does_not_share_its_nonce(client):
    stored = client.get("/pottenberg/")
    assert stored[pagecache.HEADER] == "miss"
    nonce_in_page = re.search(rb'nonce="([^"]+)"', stored.content).group(1).decode()
    assert f"'nonce-{nonce_in_page}'" in policy(stored)["script-src"]
    hit = client.get("/pottenberg/")
    assert hit[pagecache.HEADER] == "hit" and hit.content == stored.content
    assert not any(value.startswith("'nonce-") for value in policy(hit)["script-src"])
    assert policy(hit)["script-src"] == ["'self'"]


def test_the_admin_keeps_working_with_its_own_policy(client, demo_user):
    client.force_login(demo_user("moderator"))
    response = client.get("/beheer/")
    assert response.status_code == 200
    directives = policy(response)
    # Wagtail's own inline scripts run; still nothing from another host, no plugins.
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["object-src"] == ["'none'"]
    assert not any("//" in value for values in directives.values() for value in values if
                   value != "https://tile.openstreetmap.org")  # fmt: skip
    assert policy(client.get("/pottenberg/"))["script-src"][0:1] == ["'self'"]
    assert "'unsafe-inline'" not in policy(client.get("/pottenberg/"))["script-src"]


def test_uploads_on_another_host_are_allowed_as_images(client, settings):
    """With the uploads in a bucket or behind a CDN, photos come from its host."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"base_url": "https://media.thuisinmaastricht.nl/"},
        },
    }
    assert "https://media.thuisinmaastricht.nl" in policy(client.get("/"))["img-src"]


def test_camera_microphone_and_location_are_denied(client):
    header = client.get("/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in header
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_feeds_and_files_carry_no_page_policy(client):
    """A policy is for documents a browser renders; a PDF under object-src 'none' would not open
    in Chromium's viewer."""
    for path in ["/nieuws/rss/", "/robots.txt", "/manifest.webmanifest"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Content-Security-Policy" not in response, path
