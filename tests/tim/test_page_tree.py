"""Finding the page of an address (tim.page_tree): the pages on the path are read at once, and
the answer is still Wagtail's: moved and renamed pages are found where they are now, drafts and
unknown addresses are not found, and restrictions are read fresh for every request."""

import pytest
from wagtail.models import PageViewRestriction

from news.models import NewsIndexPage
from tests.news.factories import NewsPageFactory
from tim.visibility import restricted_paths

pytestmark = pytest.mark.django_db


def _item(buurt, **fields):
    index = NewsIndexPage.objects.child_of(buurt).get()
    return NewsPageFactory(parent=index, **fields)


def test_a_moved_item_is_found_at_its_new_address_with_its_new_buurt(client, pottenberg, nazareth):
    item = _item(pottenberg, title="Buurtfeest", slug="buurtfeest")
    assert client.get("/pottenberg/nieuws/buurtfeest/").status_code == 200

    item.move(NewsIndexPage.objects.child_of(nazareth).get(), pos="last-child")

    moved = client.get("/nazareth/nieuws/buurtfeest/")
    assert moved.status_code == 200
    assert "Nazareth" in moved.text  # the trail and the "more from" are of the new buurt
    assert "Meer uit Nazareth" in moved.text
    old = client.get("/pottenberg/nieuws/buurtfeest/")  # Wagtail's redirect, made on the move
    assert old.status_code == 301
    assert old["Location"] == "/nazareth/nieuws/buurtfeest/"


def test_a_renamed_address_is_found_and_the_old_one_no_longer_shows_it(client, pottenberg):
    item = _item(pottenberg, title="Repair café", slug="repair-cafe")
    item.slug = "repair-cafe-in-de-bieb"
    item.save_revision().publish()

    assert client.get("/pottenberg/nieuws/repair-cafe-in-de-bieb/").status_code == 200
    old = client.get("/pottenberg/nieuws/repair-cafe/")
    assert old.status_code in (301, 302, 404)
    if old.status_code != 404:  # Wagtail's automatic redirect points at the new address
        assert old["Location"].endswith("/pottenberg/nieuws/repair-cafe-in-de-bieb/")


def test_a_draft_an_unknown_address_and_a_page_below_a_leaf_are_not_found(client, pottenberg):
    _item(pottenberg, title="Nog niet af", slug="nog-niet-af", live=False)
    _item(pottenberg, title="Wel af", slug="wel-af")
    for path in [
        "/pottenberg/nieuws/nog-niet-af/",
        "/pottenberg/nieuws/bestaat-niet/",
        "/pottenberg/nieuws/wel-af/verder/",
        "/bestaat-niet/nieuws/wel-af/",
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert "We kunnen deze pagina niet vinden" in response.text


def test_the_trail_of_a_deep_page_names_every_page_above_it_in_english_too(client, pottenberg):
    item = _item(pottenberg, title="Koffie", slug="koffie")
    dutch = client.get(item.url).text
    assert 'aria-label="Je bent hier"' in dutch
    assert '<a href="/pottenberg/nieuws/">' in dutch and '<a href="/pottenberg/">' in dutch

    client.get("/taal/en/?next=/")
    english = client.get(item.url).text
    assert 'aria-label="You are here"' in english
    assert '<a href="/pottenberg/nieuws/">' in english and '<a href="/pottenberg/">' in english


def test_a_restriction_made_between_two_requests_counts_at_once(client, pottenberg):
    item = _item(pottenberg, title="Alleen voor leden", slug="alleen-voor-leden")
    assert client.get(item.url).status_code == 200
    assert item.path not in restricted_paths()

    PageViewRestriction.objects.create(page=item, restriction_type="login")

    assert item.path in restricted_paths()  # outside a request: read fresh
    response = client.get(item.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=/pottenberg/nieuws/")
    assert "Alleen voor leden" not in client.get("/pottenberg/nieuws/").text
