"""The editor's side in the admin: the form fills in the author, preview works, limits hold."""

import pytest

from .admin_forms import add_url, news_form_data

pytestmark = pytest.mark.django_db


def test_new_item_form_fills_in_the_editors_display_name(client, demo_user, pottenberg_news):
    client.force_login(demo_user("redactie-pottenberg"))
    form = client.get(add_url(pottenberg_news)).context["form"]
    assert form.initial["author_name"] == "Redactie Pottenberg"


def test_preview_of_an_unsaved_item_renders(client, demo_user, pottenberg_news):
    client.force_login(demo_user("redactie-pottenberg"))
    preview_url = add_url(pottenberg_news) + "preview/"
    data = news_form_data(title="Voorproef", slug="voorproef")
    assert client.post(preview_url, data).json()["is_valid"]
    response = client.get(preview_url)
    assert response.status_code == 200
    assert "Voorproef" in response.content.decode()


def test_intro_over_300_characters_is_refused_and_the_text_kept(client, demo_user, pottenberg_news):
    client.force_login(demo_user("redactie-pottenberg"))
    data = news_form_data(title="Te lang", slug="te-lang", intro="woord " * 60, action="submit")
    response = client.post(add_url(pottenberg_news), data)
    assert response.status_code == 200
    assert "intro" in response.context["form"].errors
    assert "Te lang" in response.content.decode()
