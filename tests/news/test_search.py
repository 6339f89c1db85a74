"""Search at /zoeken/: PostgreSQL full text in Dutch, filters, snippets, a kind 'nothing found'."""

import pytest
from bs4 import BeautifulSoup

from news.choices import NewsKind
from news.search import search_pages

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_titles(html):
    return [a.get_text(strip=True) for a in html.select(".search-result__title a")]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("buurten", "Een mooie buurt om in te wonen."),
        ("vrijwilligers", "Elke week helpt een vrijwilliger met de boodschappen."),
        ("vrijwilliger", "Twintig vrijwilligers maakten het park schoon."),
        ("wandelingen", "Op zaterdag is er een wandeling langs de Maas."),
    ],
)
def test_dutch_stemming_finds_other_forms_of_a_word(news_item, query, text):
    news_item(title="Bericht", intro=text)
    news_item(title="Iets anders", intro="Over de markt en het weer.")
    assert [page.title for page in search_pages(query, kind=NewsKind.NIEUWS)] == ["Bericht"]


def test_search_page_shows_the_matching_snippet_with_the_match_marked(client, news_item):
    news_item(
        title="Hulp bij de boodschappen",
        intro="Een kort bericht.",
        body=[("paragraph", "<p>In de Brusselsepoort zoeken we vrijwilligers voor de tuin.</p>")],
    )
    html = soup(client.get("/zoeken/", {"q": "vrijwilliger"}))
    assert result_titles(html) == ["Hulp bij de boodschappen"]
    snippet = html.select_one(".search-result__snippet")
    assert snippet.mark.get_text() == "vrijwilligers"
    assert "voor de tuin" in snippet.get_text()
    assert "Nieuws · Pottenberg" in html.select_one(".search-result__type").get_text()
    assert '1 resultaat voor "vrijwilliger"' in html.h2.get_text()


def test_snippets_cannot_inject_html(client, news_item):
    news_item(title="Veilig", intro="<script>alert(1)</script> vrijwilligers gezocht")
    response = client.get("/zoeken/", {"q": "vrijwilligers"})
    assert "<script>alert(1)" not in response.content.decode()
    snippet = BeautifulSoup(response.content, "html.parser").select_one(".search-result__snippet")
    assert snippet.find("script") is None
    assert [mark.get_text() for mark in snippet.find_all("mark")] == ["vrijwilligers"]


def test_filters_for_buurt_and_kind(client, news_item, nazareth_news, city_news):
    news_item(title="Pottenberg nieuws", intro="Over het buurthuis.")
    news_item(title="Pottenberg verhaal", intro="Over het buurthuis.", kind=NewsKind.WIJKVERHAAL)
    news_item(title="Nazareth nieuws", intro="Over het buurthuis.", parent=nazareth_news)
    news_item(title="Stadsnieuws", intro="Over het buurthuis.", parent=city_news)
    everything = result_titles(soup(client.get("/zoeken/", {"q": "buurthuis"})))
    assert set(everything) == {"Pottenberg nieuws", "Pottenberg verhaal", "Nazareth nieuws",
                               "Stadsnieuws"}  # fmt: skip
    in_buurt = result_titles(soup(client.get("/zoeken/", {"q": "buurthuis", "buurt": "nazareth"})))
    assert in_buurt == ["Nazareth nieuws"]
    stories = result_titles(
        soup(client.get("/zoeken/", {"q": "buurthuis", "soort": "wijkverhaal"}))
    )
    assert stories == ["Pottenberg verhaal"]
    both = soup(
        client.get("/zoeken/", {"q": "buurthuis", "buurt": "pottenberg", "soort": "nieuws"})
    )
    assert result_titles(both) == ["Pottenberg nieuws"]
    assert (
        both.find("select", {"name": "buurt"}).find("option", selected=True)["value"]
        == "pottenberg"
    )


def test_search_finds_buurten_and_pages_but_not_the_list_pages(client, home_page):
    titles = result_titles(soup(client.get("/zoeken/", {"q": "Pottenberg"})))
    assert "Pottenberg" in titles
    assert "Nieuws" not in titles  # the 44 news indexes are lists, not results


def test_nothing_found_is_friendly_and_suggests_what_to_do(client, news_item):
    news_item()
    html = soup(client.get("/zoeken/", {"q": "xylofoonconcert", "soort": "nieuws"}))
    box = html.select_one(".search-results__none")
    assert 'We hebben niets gevonden voor "xylofoonconcert"' in box.get_text()
    links = {a.get_text(strip=True): a["href"] for a in box.select("a")}
    assert links["Zoek overal: zonder de gekozen buurt of soort"] == "?q=xylofoonconcert"
    assert links["Lees al het nieuws van de stad"] == "/nieuws/"


def test_empty_search_shows_only_the_form(client, home_page):
    html = soup(client.get("/zoeken/"))
    assert html.find("input", {"name": "q", "id": "zoekterm"})
    assert not html.select(".search-result, .search-results__none")


def test_every_page_has_a_labelled_search_box_that_goes_to_the_search_page(client, news_item):
    item = news_item()
    for path in ["/", "/pottenberg/", "/nieuws/", item.url, "/bestaat-niet/"]:
        response = client.get(path)
        html = BeautifulSoup(response.content, "html.parser")
        form = html.select_one("header form[role=search]")
        assert form["action"] == "/zoeken/" and form["method"] == "get", path
        field = form.find("input", {"name": "q"})
        assert html.find("label", {"for": field["id"]}).get_text(strip=True), path


def test_search_results_are_paginated(client, news_item):
    for number in range(12):
        news_item(title=f"Koffie {number}", intro="Koffie met de buren.")
    html = soup(client.get("/zoeken/", {"q": "koffie"}))
    assert len(result_titles(html)) == 10
    assert html.select_one("a[rel=next]")["href"] == "?q=koffie&pagina=2"
