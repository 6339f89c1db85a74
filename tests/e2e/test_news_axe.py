"""axe-core finds no WCAG 2.2 A/AA violation on the news list, an article and the search page."""

import pytest

from news.choices import NewsKind
from news.models import CityNewsIndexPage, NewsIndexPage
from tests.news.factories import NewsPageFactory, make_image
from tim.models import Theme

from .conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def article():
    index = NewsIndexPage.objects.get(url_path__endswith="/pottenberg/nieuws/")
    image = make_image()
    for number in range(3):
        NewsPageFactory(parent=index, title=f"Ander bericht {number}", hero_image=image)
    NewsPageFactory(parent=CityNewsIndexPage.objects.get(), title="Van de stad", is_demo=True)
    return NewsPageFactory(
        parent=index,
        title="Koffie op het plein",
        kind=NewsKind.WIJKVERHAAL,
        hero_image=make_image(credit="Sam"),
        themes=list(Theme.objects.all()[:2]),
        body=[
            ("paragraph", "<p>Op zaterdag staat er <b>koffie</b> klaar. <a href='/'>Kom</a>.</p>"),
            ("heading", "Nu elke maand"),
            ("quote", {"quote": "Een fijne plek.", "attribution": "Anna"}),
            ("image", {"image": image, "caption": "Het plein"}),
            ("call_to_action", {"text": "Doe mee", "page": None, "url": "https://example.org"}),
        ],
    )


@pytest.mark.parametrize(
    "path",
    [
        "/pottenberg/nieuws/",
        "/nieuws/",
        "/nieuws/?wijk=West&soort=wijkverhaal",
        "/nieuws/?soort=aankondiging",
        "{article}",
        "/zoeken/",
        "/zoeken/?q=koffie",
        "/zoeken/?q=xylofoon&buurt=pottenberg",
    ],
)
def test_no_axe_violations_on_news_pages(page, article, path):
    page.goto(path.format(article=article.url))
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/nieuws/", "{article}", "/zoeken/?q=koffie"])
def test_no_axe_violations_on_a_phone(mobile_page, article, path):
    mobile_page.goto(path.format(article=article.url))
    assert_no_axe_violations(mobile_page)
