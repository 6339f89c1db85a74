"""The read-only JSON API (Wagtail API v2): news filterable by buurt, images only as renditions."""

import pytest

from .factories import make_image

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_news_filtered_by_buurt_slug_or_id(client, news_item, nazareth_news, pottenberg):
    news_item(title="Pottenberg")
    news_item(title="Nazareth", parent=nazareth_news)
    url = "/api/v2/pages/"
    assert titles(client.get(url, {"type": "news.NewsPage", "buurt": "pottenberg"})) == {
        "Pottenberg"
    }
    assert titles(client.get(url, {"type": "news.NewsPage", "buurt": pottenberg.pk})) == {
        "Pottenberg"
    }
    assert titles(client.get(url, {"type": "news.NewsPage"})) == {"Pottenberg", "Nazareth"}
    assert client.get(url, {"buurt": "bestaat-niet"}).status_code == 400


def test_news_fields_in_the_api(client, news_item):
    item = news_item(title="Buurtfeest", hero_image=make_image())
    data = client.get(f"/api/v2/pages/{item.pk}/").json()
    assert data["kind"] == "nieuws"
    assert data["buurt"] == {"id": item.buurt_id, "slug": "pottenberg", "title": "Pottenberg",
                             "wijk": "West"}  # fmt: skip
    assert data["hero_image"]["url"].startswith("/media/images/")
    assert data["body"][0]["type"] == "paragraph"


def test_images_api_gives_renditions_not_the_original(client, news_item):
    image = make_image()
    news_item(title="Buurtfeest", hero_image=image)  # the API lists only images in use
    data = client.get(f"/api/v2/images/{image.pk}/").json()
    assert "download_url" not in data["meta"]
    assert data["rendition"]["url"].startswith("/media/images/")
