"""Rich text keeps only what the paragraph block allows, whatever a browser posts."""

import json

import pytest

from news.models import NewsPage

from .admin_forms import add_url, news_form_data

pytestmark = pytest.mark.django_db


def block(key, block_type, text, styles=()):
    return {
        "key": key,
        "type": block_type,
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [{"offset": 0, "length": 4, "style": style} for style in styles],
        "entityRanges": [],
        "data": {},
    }


def test_posted_markup_outside_the_features_is_dropped_and_text_escaped(
    client, demo_user, pottenberg_news
):
    client.force_login(demo_user("redactie-pottenberg"))
    data = news_form_data(title="Plakwerk", slug="plakwerk", action="submit")
    # What a crafted request could send: a heading and styles the editor does not offer.
    data["body-0-value"] = json.dumps(
        {
            "blocks": [
                block("a1", "header-one", "Grote kop"),
                block("b2", "unstyled", "Kop <script>alert(1)</script>",
                      styles=["BOLD", "STRIKETHROUGH", "CODE"]),
            ],
            "entityMap": {},
        }
    )  # fmt: skip
    response = client.post(add_url(pottenberg_news), data)
    assert response.status_code == 302, response.context["form"].errors
    stored = NewsPage.objects.get(slug="plakwerk").body[0].value.source
    assert "<h1" not in stored and "<s>" not in stored and "<code>" not in stored, stored
    assert "<script>" not in stored and "&lt;script&gt;" in stored
    assert "<b>Kop </b>" in stored  # bold is one of the features
