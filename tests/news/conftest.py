import pytest

from news.models import CityNewsIndexPage, NewsIndexPage

from .factories import NewsPageFactory


@pytest.fixture
def pottenberg_news(pottenberg):
    return NewsIndexPage.objects.child_of(pottenberg).get()


@pytest.fixture
def nazareth_news(nazareth):
    return NewsIndexPage.objects.child_of(nazareth).get()


@pytest.fixture
def city_news(home_page):
    return CityNewsIndexPage.objects.get()


@pytest.fixture
def news_item(pottenberg_news):
    """news_item(title=..., parent=...): a live item, in Pottenberg unless told otherwise."""

    def make(parent=None, **kwargs):
        return NewsPageFactory(parent=parent or pottenberg_news, **kwargs)

    return make
