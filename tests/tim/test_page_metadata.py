"""What a search engine and a social app read on every public page type: the canonical address,
Open Graph and Twitter tags with an image, and schema.org JSON-LD of the right types with the
properties those types need. Addresses are absolute on BASE_URL, never on the host asked."""

import datetime
import json
import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from initiatives.models import VolunteerCallPage
from news.models import NewsIndexPage
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.factories import NewsPageFactory, make_image

pytestmark = pytest.mark.django_db
BASE = "https://tim.example.org"
PLACE_TYPES = {"CivicStructure", "LocalBusiness", "SportsActivityLocation"}


@pytest.fixture
def site(pottenberg, demo_user, settings):
    """One of each page type in Pottenberg, and BASE_URL on another host than the client's."""
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = BASE
    pottenberg.hero_image = make_image(title="Pottenberg")
    pottenberg.save_revision().publish()
    news_index = NewsIndexPage.objects.child_of(pottenberg).get()
    article = NewsPageFactory(parent=news_index, hero_image=make_image(), title="Buurtfeest")
    bare = NewsPageFactory(parent=news_index, title="Zonder foto")
    place = add_place(
        pottenberg,
        "Buurthuis Pottenberg",
        ranges=[(1, "10:00", "16:00")],
        postcode="6216 AA",
        phone="043 123 45 67",
        latitude=Decimal("50.85170"),
        longitude=Decimal("5.65720"),
        step_free_entrance=True,
    )
    initiative = make_initiative(
        pottenberg, owner=demo_user("initiatiefnemer"), host_email="h@example.org"
    )
    activity = make_activity(
        initiative,
        place_page=place,
        place_name="",
        street_address="",
        postcode="",
        start_date=datetime.date.today() + datetime.timedelta(days=3),
        recurrence="FREQ=WEEKLY;BYDAY=TU",
    )
    call = initiative.add_child(
        instance=VolunteerCallPage(title="Koffie schenken", slug="koffie",
                                   intro="Schenk koffie.", time_needed="2 uur")
    )  # fmt: skip
    call.save_revision().publish()
    return {
        "home": "/",
        "buurt": pottenberg.url,
        "news_index": news_index.url,
        "article": article.url,
        "bare_article": bare.url,
        "city_news": "/nieuws/",
        "agenda": "/agenda/",
        "buurt_agenda": "/pottenberg/agenda/",
        "directory": "/ontmoetingsplekken/",
        "place_index": f"{pottenberg.url}ontmoetingsplekken/",
        "place": place.url,
        "initiative_index": f"{pottenberg.url}initiatieven/",
        "initiative": initiative.url,
        "activity": activity.url,
        "call": call.url,
        "volunteering": "/vrijwilligerswerk/",
        "standard": "/privacy/",
    }


def read(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = BeautifulSoup(response.content, "html.parser")
    nodes = [json.loads(tag.string) for tag in html.select('script[type="application/ld+json"]')]
    return response, html, {node["@type"]: node for node in nodes}


def meta(html, key):
    tag = html.head.find("meta", attrs={"property": key}) or html.head.find(
        "meta", attrs={"name": key}
    )
    assert tag is not None, key
    return tag["content"]


def absolute_urls(text):
    return re.findall(r"https?://[^\s\"'<>\\]+", text)


def test_every_page_type_has_open_graph_twitter_and_a_canonical_address(client, site):
    for name, path in site.items():
        _response, html, _nodes = read(client, path)
        canonical = html.head.find("link", rel="canonical")["href"]
        assert canonical == BASE + path, name
        assert meta(html, "og:url") == canonical
        assert meta(html, "og:title") and meta(html, "og:description"), name
        assert meta(html, "og:locale") == "nl_NL"
        assert meta(html, "og:locale:alternate") == "en_GB"
        assert meta(html, "og:type") == ("article" if "article" in name else "website")
        assert meta(html, "og:image").startswith(BASE + "/"), name
        assert int(meta(html, "og:image:width")) >= 1200
        assert meta(html, "og:image:alt"), name
        assert meta(html, "twitter:card") == "summary_large_image"
        assert meta(html, "twitter:image") == meta(html, "og:image")


def test_a_page_without_its_own_photo_shares_its_buurts_and_a_city_page_the_citys(client, site):
    _r, buurt, _n = read(client, site["buurt"])
    for name in ["bare_article", "initiative_index", "call"]:
        _r, html, _n = read(client, site[name])
        assert meta(html, "og:image") == meta(buurt, "og:image"), name
        assert "/media/images/" in meta(html, "og:image")
    _r, html, _n = read(client, site["agenda"])
    assert meta(html, "og:image") == f"{BASE}/static/tim/share/thuis-in-maastricht.png"


def test_og_locale_follows_the_language(client, site):
    client.get("/taal/en/")
    _r, html, _n = read(client, site["buurt"])
    assert meta(html, "og:locale") == "en_GB"
    assert meta(html, "og:locale:alternate") == "nl_NL"


def test_breadcrumbs_are_a_breadcrumb_list_wherever_they_show(client, site):
    for name, path in site.items():
        _r, html, nodes = read(client, path)
        shown = html.select(".breadcrumbs__item")
        if not shown:
            assert "BreadcrumbList" not in nodes, name
            continue
        trail = nodes["BreadcrumbList"]["itemListElement"]
        assert [item["position"] for item in trail] == list(range(1, len(shown) + 1)), name
        assert [item["name"] for item in trail] == [li.get_text(strip=True) for li in shown]
        assert all(item["item"].startswith(BASE + "/") for item in trail)
        assert trail[-1]["item"] == BASE + path


def test_a_news_article_is_a_news_article_with_an_image_also_without_a_photo(client, site):
    _r, buurt, _n = read(client, site["buurt"])
    for name in ["article", "bare_article"]:
        _r, _html, nodes = read(client, site[name])
        article = nodes["NewsArticle"]
        for key in ["headline", "datePublished", "author", "publisher", "image", "url"]:
            assert article[key], (name, key)
        assert all(url.startswith(BASE + "/media/images/") for url in article["image"])
    assert nodes["NewsArticle"]["image"] == [meta(buurt, "og:image")]


def test_a_meeting_place_is_a_civic_structure_with_every_fact_it_has(client, site):
    _r, _html, nodes = read(client, site["place"])
    [place] = [node for type_, node in nodes.items() if type_ in PLACE_TYPES]
    assert place["@type"] == "CivicStructure"
    assert place["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": "50.85170",
        "longitude": "5.65720",
    }
    assert place["telephone"] == "043 123 45 67"
    assert place["address"]["postalCode"] == "6216 AA"
    assert place["address"]["streetAddress"] == "Teststraat 1"
    assert place["image"].startswith(BASE + "/")
    assert place["url"] == BASE + site["place"]
    assert {"@type": "LocationFeatureSpecification", "name": "Rolstoeltoegankelijke ingang",
            "value": True} in place["amenityFeature"]  # fmt: skip
    assert place["openingHoursSpecification"][0]["dayOfWeek"] == "https://schema.org/Tuesday"


def test_an_activity_is_an_event_with_organizer_image_and_a_split_address(client, site):
    _r, _html, nodes = read(client, site["activity"])
    event = nodes["Event"]
    for key in ["name", "startDate", "endDate", "location", "organizer", "image", "url"]:
        assert event[key], key
    assert event["organizer"]["@type"] == "Organization"
    assert event["organizer"]["url"] == BASE + site["initiative"]
    address = event["location"]["address"]
    assert (address["@type"], address["streetAddress"], address["postalCode"]) == (
        "PostalAddress",
        "Teststraat 1",
        "6216 AA",
    )
    assert address["addressLocality"] == "Maastricht"
    assert event["location"]["geo"]["latitude"] == "50.85170"
    assert event["eventSchedule"]["byDay"] == ["https://schema.org/Tuesday"]


@pytest.mark.parametrize(
    "name", ["news_index", "city_news", "agenda", "buurt_agenda", "directory", "place_index",
             "initiative_index", "volunteering"],
)  # fmt: skip
def test_list_pages_are_a_collection_page_with_the_items_they_show(client, site, name):
    _r, html, nodes = read(client, site[name])
    collection = nodes["CollectionPage"]
    assert collection["url"] == BASE + site[name]
    items = collection["mainEntity"]["itemListElement"]
    assert collection["mainEntity"]["@type"] == "ItemList"
    assert items, name
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert all(item["url"].startswith(BASE + "/") and item["name"] for item in items)


def test_no_output_gives_an_address_on_the_host_that_was_asked(client, site):
    """The client asks testserver; BASE_URL is tim.example.org: every page, feed, calendar,
    sitemap file, export and API answer must use the latter."""
    outputs = [*site.values(), "/nieuws/rss/", "/nieuws/atom/", "/pottenberg/nieuws/rss/",
               "/ical/agenda.ics", "/ical/buurt/pottenberg.ics", "/sitemap.xml",
               "/sitemap-paginas.xml", "/sitemap-nieuws.xml", "/sitemap-agenda.xml",
               "/ontmoetingsplekken/open-data/hsds.json", "/api/v2/pages/",
               "/api/v2/pages/?type=news.NewsPage&fields=hero_image",
               "/api/v2/images/"]  # fmt: skip
    seen = 0
    for path in outputs:
        response = client.get(path)
        assert response.status_code == 200, path
        urls = absolute_urls(response.content.decode().replace("\r\n ", ""))  # iCal unfolded
        ours = [url for url in urls if urlsplit(url).hostname in ("testserver", "tim.example.org")]
        assert all(url.startswith(BASE + "/") for url in ours), (path, ours[:5])
        seen += len(ours)
    assert seen > 200
