"""What a news item knows about itself: its buurt, its reading time, what editors must fill in."""

import pytest
from django.core.exceptions import ValidationError

from news.models import NewsIndexPage, NewsPage
from news.text import reading_minutes, stream_text

pytestmark = pytest.mark.django_db


def test_an_item_knows_its_buurt_and_city_news_has_none(news_item, city_news, pottenberg):
    assert news_item().buurt == pottenberg
    assert news_item(parent=city_news).buurt is None


def test_moving_an_item_to_another_buurt_moves_its_buurt(news_item, nazareth_news, nazareth):
    item = news_item()
    item.move(nazareth_news, pos="last-child")
    assert NewsPage.objects.get(pk=item.pk).buurt == nazareth


def test_reading_time_counts_the_words_of_intro_and_body(news_item):
    words = " ".join(["woord"] * 450)
    item = news_item(body=[("paragraph", f"<p>{words}</p>"), ("heading", "Kop")])
    assert item.reading_time == 3  # 450 + intro + heading words at 200 a minute, rounded up
    assert reading_minutes("") == 1


def test_plain_text_of_the_body_leaves_out_links_and_markup():
    body = [
        {"type": "paragraph", "value": "<p>Koffie <b>staat</b> klaar.</p>"},
        {"type": "quote", "value": {"quote": "Fijne plek.", "attribution": "Jamie"}},
        {
            "type": "call_to_action",
            "value": {"text": "Lees meer", "page": 3, "url": "https://x.nl"},
        },
        {"type": "image", "value": {"image": 7, "caption": "De bar"}},
    ]
    assert stream_text(body) == "Koffie staat klaar. Fijne plek. Jamie Lees meer De bar"


def test_intro_is_required_and_at_most_300_characters(pottenberg_news):
    item = NewsPage(title="Te lang", slug="te-lang", intro="a" * 301, body=[])
    item.path, item.depth = pottenberg_news.path + "0001", pottenberg_news.depth + 1
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "intro" in error.value.message_dict
    item.intro = ""
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "intro" in error.value.message_dict


def test_news_lives_only_in_news_indexes(pottenberg, pottenberg_news, city_news):
    assert NewsPage.can_create_at(pottenberg_news)
    assert NewsPage.can_create_at(city_news)
    assert not NewsPage.can_create_at(pottenberg)
    assert not NewsIndexPage.can_create_at(pottenberg)  # one per buurt, made by the import


def test_every_buurt_has_its_news_index_and_the_city_has_one(home_page):
    from neighbourhoods.models import NeighbourhoodPage
    from news.models import CityNewsIndexPage

    assert NewsIndexPage.objects.count() == NeighbourhoodPage.objects.count() == 44
    assert CityNewsIndexPage.objects.get().url == "/nieuws/"


def test_ensure_pages_twice_makes_one_city_news(home_page):
    from news import setup
    from news.models import CityNewsIndexPage

    setup.ensure_pages(home_page)
    assert CityNewsIndexPage.objects.count() == 1
