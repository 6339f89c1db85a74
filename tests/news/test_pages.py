"""What residents read: the buurt news, the city news with its filters, the article."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from news.choices import NewsKind
from tim.models import Theme

from .factories import make_image

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(html):
    return [a.get_text(strip=True) for a in html.select(".news-card__title a")]


def test_buurt_news_lists_its_own_items_newest_first(client, news_item, nazareth_news):
    news_item(title="Ouder bericht", first_published_at=datetime(2026, 3, 1, tzinfo=AMSTERDAM))
    news_item(title="Nieuw bericht", first_published_at=datetime(2026, 11, 3, tzinfo=AMSTERDAM))
    news_item(title="Uit Nazareth", parent=nazareth_news)
    html = soup(client.get("/pottenberg/nieuws/"))
    assert html.h1.get_text(strip=True) == "Nieuws uit Pottenberg"
    assert titles(html) == ["Nieuw bericht", "Ouder bericht"]
    assert "3 november 2026" in html.select_one(".news-card__date").get_text()


def test_buurt_news_is_paginated_and_keeps_working_with_a_wrong_page_number(client, news_item):
    for number in range(14):
        news_item(title=f"Bericht {number}")
    first = soup(client.get("/pottenberg/nieuws/"))
    assert len(titles(first)) == 12
    assert first.select_one("a[rel=next]")["href"] == "?pagina=2"
    second = soup(client.get("/pottenberg/nieuws/", {"pagina": "2"}))
    assert len(titles(second)) == 2
    assert len(titles(soup(client.get("/pottenberg/nieuws/", {"pagina": "abc"})))) == 12


def test_empty_buurt_news_invites_residents_to_write(client, pottenberg_news):
    text = soup(client.get("/pottenberg/nieuws/")).get_text(" ", strip=True)
    assert "Er is nog geen nieuws uit Pottenberg" in text


def test_article_shows_date_in_dutch_reading_time_author_and_theme_links(client, news_item):
    theme = Theme.objects.get(slug="ontmoeten")
    item = news_item(
        title="Koffie op het plein",
        author_name="Anna, bewoner van Pottenberg",
        kind=NewsKind.WIJKVERHAAL,
        first_published_at=datetime(2026, 11, 3, 10, 0, tzinfo=AMSTERDAM),
        themes=[theme],
    )
    html = soup(client.get(item.url))
    assert html.h1.get_text(strip=True) == "Koffie op het plein"
    meta = html.select_one(".news-article__meta").get_text(" ", strip=True)
    assert "Door Anna, bewoner van Pottenberg" in meta
    assert "3 november 2026" in meta
    assert "Leestijd: 1 minuut" in meta
    assert "Wijkverhaal" in html.select_one(".news-article__kicker").get_text()
    theme_link = html.select_one(".news-article__themes a")
    assert theme_link.get_text(strip=True) == "Ontmoeten en eenzaamheid"
    assert theme_link["href"] == "/nieuws/?thema=ontmoeten"
    crumbs = [li.get_text(strip=True) for li in html.select(".breadcrumbs__item")]
    assert crumbs == ["Home", "Pottenberg", "Nieuws", "Koffie op het plein"]


def test_article_offers_more_from_the_buurt_and_more_from_the_city(
    client, news_item, nazareth_news, city_news
):
    item = news_item(title="Dit bericht")
    news_item(title="Ander bericht uit Pottenberg")
    news_item(title="Bericht uit Nazareth", parent=nazareth_news)
    news_item(title="Bericht van de stad", parent=city_news)
    html = soup(client.get(item.url))
    here = html.find(id="meer-uit-buurt").find_parent("section")
    city = html.find(id="meer-uit-stad").find_parent("section")
    assert here.h2.get_text(strip=True) == "Meer uit Pottenberg"
    assert titles(here) == ["Ander bericht uit Pottenberg"]
    assert set(titles(city)) == {"Bericht uit Nazareth", "Bericht van de stad"}
    assert "Dit bericht" not in titles(html)


def test_article_hero_image_is_a_responsive_rendition_never_the_original(client, news_item):
    image = make_image(size=(2400, 1600), credit="Foto: Sam")
    item = news_item(hero_image=image)
    html = soup(client.get(item.url))
    hero = html.select_one(".news-article__hero img")
    assert hero["alt"] == image.description
    assert len(hero["srcset"].split(",")) == 3
    assert "sizes" in hero.attrs
    assert "original_images" not in response_text(client, item.url)
    card_page = soup(client.get("/pottenberg/nieuws/"))
    card_image = card_page.select_one(".news-card img")
    assert card_image["loading"] == "lazy" and "srcset" in card_image.attrs


def response_text(client, url):
    return client.get(url).content.decode()


def test_demo_items_say_they_are_examples(client, news_item):
    item = news_item(is_demo=True)
    html = soup(client.get(item.url))
    assert "Voorbeeld" in html.select_one(".demo-note").get_text()
    assert html.select_one(".news-card .demo-badge") is None  # no cards of itself
    assert soup(client.get("/pottenberg/nieuws/")).select_one(".demo-badge")


def test_city_news_aggregates_all_buurten_and_city_items(
    client, news_item, nazareth_news, city_news
):
    news_item(title="Uit Pottenberg")
    news_item(title="Uit Nazareth", parent=nazareth_news)
    news_item(title="Van de stad", parent=city_news)
    html = soup(client.get("/nieuws/"))
    assert set(titles(html)) == {"Uit Pottenberg", "Uit Nazareth", "Van de stad"}
    places = [p.get_text(strip=True) for p in html.select(".news-card__place")]
    assert set(places) == {"Pottenberg", "Nazareth", "Hele stad"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"wijk": "West"}, {"Uit Pottenberg, wijkverhaal"}),
        ({"wijk": "Oost"}, {"Uit Nazareth, sport"}),
        ({"buurt": "nazareth"}, {"Uit Nazareth, sport"}),
        ({"soort": "wijkverhaal"}, {"Uit Pottenberg, wijkverhaal"}),
        ({"thema": "sport-en-bewegen"}, {"Uit Nazareth, sport"}),
        ({"soort": "aankondiging"}, {"Van de stad, aankondiging"}),
        ({"buurt": "bestaat-niet"}, {"Uit Pottenberg, wijkverhaal", "Uit Nazareth, sport",
                                     "Van de stad, aankondiging"}),
    ],
)  # fmt: skip
def test_city_news_filters(client, news_item, nazareth_news, city_news, query, expected):
    news_item(title="Uit Pottenberg, wijkverhaal", kind=NewsKind.WIJKVERHAAL)
    news_item(
        title="Uit Nazareth, sport",
        parent=nazareth_news,
        themes=[Theme.objects.get(slug="sport-en-bewegen")],
    )
    news_item(title="Van de stad, aankondiging", parent=city_news, kind=NewsKind.AANKONDIGING)
    html = soup(client.get("/nieuws/", query))
    assert set(titles(html)) == expected


def test_city_news_filters_keep_the_filter_when_paging(client, news_item, nazareth_news):
    for number in range(13):
        news_item(title=f"Nazareth {number}", parent=nazareth_news)
    html = soup(client.get("/nieuws/", {"wijk": "Oost"}))
    assert html.select_one("a[rel=next]")["href"] == "?wijk=Oost&pagina=2"
    assert html.find("select", {"name": "wijk"}).find("option", selected=True)["value"] == "Oost"


def test_filters_that_match_nothing_say_so_and_offer_all_news(client, news_item):
    news_item()
    html = soup(client.get("/nieuws/", {"soort": "aankondiging"}))
    assert "Er is geen nieuws met deze filters" in html.get_text()
    assert html.select_one(".empty-state a")["href"] == "/nieuws/"


def test_buurt_home_and_city_home_show_the_latest_items(client, news_item, nazareth_news):
    news_item(title="Nieuws uit Pottenberg")
    news_item(title="Nieuws uit Nazareth", parent=nazareth_news)
    buurt_home = soup(client.get("/pottenberg/"))
    assert titles(buurt_home) == ["Nieuws uit Pottenberg"]
    assert (
        buurt_home.find("a", string="Al het nieuws uit Pottenberg")["href"] == "/pottenberg/nieuws/"
    )
    city_home = soup(client.get("/"))
    assert set(titles(city_home)) == {"Nieuws uit Pottenberg", "Nieuws uit Nazareth"}


def test_latest_news_runs_the_same_queries_for_one_item_and_for_many(news_item, pottenberg, rf):
    from django.db import connection
    from django.template import Context, Template
    from django.test.utils import CaptureQueriesContext

    template = Template("{% load news_tags %}{% latest_news buurt %}{% latest_news %}")
    request = rf.get("/")

    def queries():
        template.render(Context({"request": request, "buurt": pottenberg}))  # renditions made
        with CaptureQueriesContext(connection) as captured:
            template.render(Context({"request": request, "buurt": pottenberg}))
        return len(captured)

    news_item(hero_image=make_image())
    one = queries()
    for _ in range(6):
        news_item(hero_image=make_image())
    assert queries() == one
