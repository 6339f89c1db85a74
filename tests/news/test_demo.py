"""The demo news: loaded once, marked as example, in the right buurten, facts as in the seeds."""

import pytest

from news import demo
from news.choices import NewsKind
from news.models import NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(home_page):
    demo.load()
    return {page.slug: page for page in NewsPage.objects.select_related("buurt")}


def test_demo_loads_once_and_everything_is_marked_as_example(loaded):
    assert demo.load() == []
    assert len(loaded) == len(demo.ITEMS)
    assert all(page.is_demo and page.live for page in loaded.values())


def test_city_news_about_resilient_neighbourhoods_and_the_launch_of_tim(loaded, client):
    resilient = loaded["veerkrachtige-wijken-nazareth-en-pottenberg"]
    assert resilient.buurt is None and resilient.url == (
        "/nieuws/veerkrachtige-wijken-nazareth-en-pottenberg/"
    )
    text = client.get(resilient.url).content.decode()
    for fact in ["€ 450.000", "€ 700.000", "6 juni 2023", "Circusvis", "Nazareth en Pottenberg"]:
        assert fact in text
    launch = loaded["thuis-in-maastricht-van-en-voor-bewoners"]
    assert launch.buurt is None and "2015" in client.get(launch.url).content.decode()


def test_a_story_from_pottenberg_and_initiatives_in_their_buurten(loaded):
    story = loaded["koffie-op-het-pleintje"]
    assert story.kind == NewsKind.WIJKVERHAAL and story.buurt.slug == "pottenberg"
    where = {slug: page.buurt.slug for slug, page in loaded.items() if page.buurt}
    assert where["beihuis-binnenlopen-voor-een-praatje"] == "brusselsepoort"
    assert where["daalhoeve-een-boerderij-midden-in-de-stad"] == "daalhof"
    assert where["werkhuis-250-deelnemers-per-week"] == "wittevrouwenveld"
    assert len({buurt for buurt in where.values()}) >= 7


def test_quotes_of_the_initiatives_are_as_written(loaded):
    quotes = {
        block.value["quote"]
        for page in loaded.values()
        for block in page.body
        if block.block_type == "quote"
    }
    assert "Op zondag kom ik soms een ponyritje maken." in quotes
    assert "Iedereen kan zijn verhaal kwijt omdat we vertrouwen hebben in elkaar." in quotes
    assert (
        "Het is een fijne plek. Je wordt hartelijk ontvangen met een praatje en koffie." in quotes
    )


def test_demo_pages_render_and_say_they_are_examples(loaded, client):
    for page in loaded.values():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "demo-note" in response.content.decode()
