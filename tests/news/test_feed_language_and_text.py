"""Feeds speak the reader's language and carry the intro as text (HTML only where Atom says so)."""

from xml.etree import ElementTree

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INTRO = "Koffie & taart <gratis> voor iedereen"


def xml(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)


@pytest.mark.parametrize("path", ["/nieuws/rss/", "/pottenberg/nieuws/rss/"])
def test_rss_language_follows_the_request_and_the_description_is_the_intro_as_text(
    client, news_item, path
):
    news_item(intro=INTRO)
    assert xml(client, path).findtext("channel/language") == "nl"
    client.get("/taal/en/")
    channel = xml(client, path).find("channel")
    assert channel.findtext("language") == "en"
    assert channel.findtext("item/description") == INTRO  # text, not markup


@pytest.mark.parametrize("path", ["/nieuws/atom/", "/pottenberg/nieuws/atom/"])
def test_atom_language_follows_the_request_and_its_html_summary_shows_the_text(
    client, news_item, path
):
    news_item(intro=INTRO)
    assert xml(client, path).get(XML_LANG) == "nl"
    client.get("/taal/en/")
    feed = xml(client, path)
    assert feed.get(XML_LANG) == "en"
    summary = feed.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    # HTML that a reader shows as the intro's own characters
    assert summary.text == "Koffie &amp; taart &lt;gratis&gt; voor iedereen"
