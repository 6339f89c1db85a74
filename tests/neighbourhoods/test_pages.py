import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_city_home_lists_all_buurten_grouped_by_the_seven_wijken(client, home_page):
    html = soup(client.get("/"))
    cards = html.select(".wijk-card")
    assert [card.h3.get_text(strip=True) for card in cards] == [
        f"Wijk {wijk}"
        for wijk in ["Centrum", "Zuidwest", "West", "Noordwest", "Oost", "Noordoost", "Zuidoost"]
    ]
    assert len(html.select(".wijk-card__link")) == 44
    assert html.find("a", string="Pottenberg")["href"] == "/pottenberg/"
    assert len(html.find_all("h1")) == 1
    assert html.html["lang"] == "nl"


def test_buurt_search_works_without_javascript(client, home_page):
    html = soup(client.get("/", {"buurt": "potten"}))
    assert [a.get_text() for a in html.select(".wijk-card__link")] == ["Pottenberg"]
    assert html.find("input", {"name": "buurt"})["value"] == "potten"


def test_buurt_search_by_wijk_name_and_a_friendly_message_when_nothing_matches(client, home_page):
    west = soup(client.get("/", {"buurt": "West"}))
    assert "Pottenberg" in [a.get_text() for a in west.select(".wijk-card__link")]
    nothing = soup(client.get("/", {"buurt": "Amsterdam"}))
    assert not nothing.select(".wijk-card__link")
    assert 'Geen buurt gevonden met "Amsterdam"' in nothing.get_text()


def test_htmx_search_returns_only_the_results(client, home_page):
    response = client.get(
        "/", {"buurt": "naz"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="buurt-picker-results"
    )
    html = soup(response)
    assert html.find("html") is None
    assert [a.get_text() for a in html.select(".wijk-card__link")] == ["Nazareth"]


def test_buurt_home_shows_its_facts_sections_and_neighbours(client, pottenberg):
    html = soup(client.get("/pottenberg/"))
    assert html.h1.get_text(strip=True) == "Pottenberg"
    text = html.get_text(" ", strip=True)
    assert "Wijk West" in text
    assert "2.280 inwoners (CBS, 1 januari 2025)" in text
    assert [h2.get_text(strip=True) for h2 in html.select("main h2")][:4] == [
        "Nieuws", "Deze week in Pottenberg", "Ontmoetingsplekken", "Initiatieven",
    ]  # fmt: skip
    neighbours = [a.get_text() for a in html.select(".neighbours a")]
    assert "Nazareth" not in neighbours and "Pottenberg" not in neighbours
    assert {"Belfort", "Malberg", "Daalhof"} <= set(neighbours)
    crumbs = [li.get_text(strip=True) for li in html.select(".breadcrumbs__item")]
    assert crumbs == ["Home", "Pottenberg"]


def test_buurt_without_published_population_says_so(client, home_page):
    text = soup(client.get("/bosscherveld/")).get_text(" ", strip=True)
    assert "CBS publiceert geen aantal inwoners voor deze buurt" in text


@pytest.mark.parametrize("path", ["/over-tim/", "/privacy/", "/toegankelijkheid/", "/contact/"])
def test_standard_pages_are_there_and_linked_from_every_page(client, home_page, path):
    assert client.get(path).status_code == 200
    footer_links = [a["href"] for a in soup(client.get("/")).select(".site-footer a")]
    assert path in footer_links


def test_unknown_address_gets_a_friendly_dutch_404(client, home_page):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "We kunnen deze pagina niet vinden" in soup(response).h1.get_text()


def test_dutch_by_default_even_for_an_english_browser(client, home_page):
    html = soup(client.get("/", HTTP_ACCEPT_LANGUAGE="en"))
    assert html.html["lang"] == "nl"
    assert html.select_one("a.skip-link").get_text() == "Naar de inhoud"


def test_language_switch_keeps_the_page_and_english_is_complete(client, home_page):
    response = client.get("/taal/en/", {"next": "/pottenberg/?x=1"})
    assert response.status_code == 302 and response["Location"] == "/pottenberg/?x=1"
    html = soup(client.get("/pottenberg/"))
    assert html.html["lang"] == "en"
    assert "2,280 residents (CBS, 1 January 2025)" in html.get_text(" ", strip=True)
    assert html.select_one(".language-switch").get_text(strip=True) == "Nederlands"


def test_language_switch_refuses_to_send_you_elsewhere(client):
    response = client.get("/taal/en/", {"next": "https://example.com/"})
    assert response["Location"] == "/"
    assert client.get("/taal/fr/").status_code == 404
