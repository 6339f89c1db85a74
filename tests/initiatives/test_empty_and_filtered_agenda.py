"""The agenda never blames a resident for filters they did not set; an empty buurt has ways on."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_an_empty_buurt_agenda_offers_the_wijk_the_city_and_starting_something(client, pottenberg):
    soup = soup_of(client.get("/pottenberg/agenda/"))
    empty = soup.select_one(".empty-state")
    assert "Probeer minder filters" not in soup.get_text()
    assert "Er staat nog niets in de agenda van Pottenberg." in empty.get_text()
    wijk = pottenberg.wijk
    assert [a["href"] for a in empty.select("a")] == [
        f"/agenda/?wijk={wijk}",
        f"/ontmoetingsplekken/?wijk={wijk}",
        "/agenda/",
        "/pottenberg/ideeen/nieuw/",
    ]
    for link in empty.select("a"):
        assert client.get(link["href"], follow=True).status_code == 200


def test_an_empty_filtered_agenda_names_the_filters_and_links_without_each(client, pottenberg):
    soup = soup_of(client.get("/pottenberg/agenda/?wanneer=vandaag&gratis=on"))
    empty = soup.select_one(".empty-state")
    links = [(a.get_text(" ", strip=True), a["href"]) for a in empty.select("a.chip--remove")]
    assert links == [
        ("Wanneer: Vandaag – dit filter weghalen ×", "/pottenberg/agenda/?gratis=on"),
        ("Gratis – dit filter weghalen ×", "/pottenberg/agenda/?wanneer=vandaag"),
    ]
    quick = {a.get_text(" ", strip=True): a["href"] for a in soup.select(".quick-filters a")}
    switch_off = "/pottenberg/agenda/?gratis=on"
    assert quick["Vandaag (aan, kies nog een keer om uit te zetten)"] == switch_off
    assert quick["Dit weekend"] == "/pottenberg/agenda/?gratis=on&wanneer=weekend"


def test_an_empty_buurt_home_is_no_dead_end(client, pottenberg):
    soup = soup_of(client.get("/pottenberg/"))
    week = soup.select_one("#buurt-agenda").parent
    assert "/pottenberg/ideeen/nieuw/" in [a["href"] for a in week.select(".ways-on a")]
