"""News pages run the same number of SQL queries with 10 items as with 150 (asserted).

Every item has themes and a hero image, so a missing select_related or prefetch would show.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.choices import NewsKind
from tim.models import Theme

from .factories import NewsPageFactory, make_image

pytestmark = pytest.mark.django_db

PATHS = [
    "/pottenberg/nieuws/",
    "/nieuws/",
    "/nieuws/?wijk=West&soort=nieuws&thema=ontmoeten",
    "/nieuws/?pagina=2",
    "{article}",
    "/zoeken/?q=kwartiermaker",
    "/zoeken/?q=kwartiermaker&buurt=pottenberg&soort=nieuws",
    "/nieuws/rss/",
    "/nieuws/atom/",
    "/pottenberg/nieuws/rss/",
    "/pottenberg/nieuws/atom/",
]


def count_queries(client, path):
    client.get(path)  # renditions are made on the first view, and caches warmed
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def add_items(count, indexes, images, themes, start):
    now = timezone.now()
    for number in range(start, start + count):
        NewsPageFactory(
            parent=indexes[number % len(indexes)],
            kind=[NewsKind.NIEUWS, NewsKind.WIJKVERHAAL][number % 2],
            hero_image=images[number % len(images)],
            themes=themes[number % 3 : number % 3 + 2],
            first_published_at=now - timedelta(minutes=number),
        )


def test_news_pages_run_the_same_queries_with_10_and_with_150_items(
    client, pottenberg_news, nazareth_news, city_news, django_db_blocker
):
    indexes = [pottenberg_news, pottenberg_news, nazareth_news, city_news]
    images = [make_image() for _ in range(4)]
    themes = list(Theme.objects.filter(slug__in=["ontmoeten", "gezondheid", "geldzaken",
                                                 "sport-en-bewegen"]))  # fmt: skip
    article = NewsPageFactory(parent=pottenberg_news, hero_image=images[0], themes=themes[:2])
    paths = [path.format(article=article.url) for path in PATHS]

    add_items(10, indexes, images, themes, start=0)
    with_10 = {path: count_queries(client, path) for path in paths}
    add_items(140, indexes, images, themes, start=10)
    with_150 = {path: count_queries(client, path) for path in paths}

    print("\nqueries per page (10 items / 150 items):")
    for path in paths:
        print(f"  {with_10[path]:3d} / {with_150[path]:3d}  {path}")
    assert with_10 == with_150
