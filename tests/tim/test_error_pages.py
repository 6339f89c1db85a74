"""The site's own 404 and 500 pages, in the visitor's language, with a way on; the 500 page also
when the database is what failed, and in development with DEBUG off."""

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db


def visitor(language=None, **kwargs):
    client = Client(**kwargs)
    if language:
        client.cookies["tim_language"] = language
    return client


def ways_on(response):
    html = BeautifulSoup(response.content, "html.parser")
    search = html.select_one('form[role="search"]')
    return {
        "home": bool(html.select_one('main a[href="/"]')),
        "search": search["action"] == "/zoeken/" and bool(search.select_one('input[name="q"]')),
        "css": bool(html.select_one('link[rel="stylesheet"][href$="tim.css"]')),
        "lang": html.html["lang"],
        "h1": html.h1.get_text(strip=True),
    }


@pytest.mark.parametrize(
    ("language", "lang", "title"),
    [(None, "nl", "We kunnen deze pagina niet vinden"), ("en", "en", "We cannot find this page")],
)
def test_an_unknown_address_gets_the_sites_404_page(language, lang, title):
    response = visitor(language).get("/pottenberg/bestaat-niet/")
    assert response.status_code == 404
    assert ways_on(response) == {
        "home": True,
        "search": True,
        "css": True,
        "lang": lang,
        "h1": title,
    }


@pytest.mark.urls("tests.tim.failing_urls")
@pytest.mark.parametrize(
    ("language", "lang", "title", "lead"),
    [
        (None, "nl", "Er ging iets mis", "Dat ligt aan ons, niet aan jou."),
        ("en", "en", "Something went wrong", "This is our fault, not yours."),
    ],
)
def test_a_failing_view_gets_the_sites_500_page_without_a_query(
    django_assert_num_queries, language, lang, title, lead
):
    client = visitor(language, raise_request_exception=False)
    with django_assert_num_queries(0):  # the database may be what failed
        response = client.get("/kapot/")
    assert response.status_code == 500
    assert ways_on(response) == {
        "home": True,
        "search": True,
        "css": True,
        "lang": lang,
        "h1": title,
    }
    assert lead in response.content.decode()
    assert "a bug in a view" not in response.content.decode()
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_in_development_with_debug_off_the_404_page_has_its_look():
    """`DEBUG=false make run` shows the 404 page a visitor would see, styled: runserver does not
    serve static files without DEBUG, so WhiteNoise does, from the app folders."""
    database = connection.settings_dict
    from django.conf import settings

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tim.settings.dev",
        "DEBUG": "false",
        "REDIS_URL": settings.REDIS_URL,
        "DATABASE_URL": (
            f"postgresql://{database['USER']}@/{database['NAME']}"
            f"?host={database['OPTIONS'].get('host', database['HOST'])}"
            f"&port={database['OPTIONS'].get('port', database['PORT'] or 5432)}"
        ),
    }
    code = (
        "import django; django.setup(); from django.test import Client;"
        "c = Client(HTTP_HOST='127.0.0.1');"
        "page = c.get('/bestaat-niet/'); css = c.get('/static/css/tim.css');"
        "print(page.status_code, css.status_code, 'niet vinden' in page.content.decode())"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["404", "200", "True"]
