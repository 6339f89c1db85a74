"""The editorial flow in Chromium: a Pottenberg editor writes an item with a photo and submits
it; a moderator approves it; residents see it on the buurt page, in the city news and the feed."""

import feedparser
import pytest
from PIL import Image

from news.models import NewsIndexPage, NewsPage

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Buurtfeest op het Pottenbergplein"


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "buurtfeest.jpg"
    Image.new("RGB", (1600, 900), (0, 112, 60)).save(path, quality=85)
    return path


def wait_for_autosave(editor_page):
    """Wagtail saves a draft while the editor types. Submitting while that first save is on its
    way would create the page twice (a slug clash), so pause as a person would, and let it end."""
    editor_page.wait_for_timeout(1500)  # longer than WAGTAIL_AUTOSAVE_INTERVAL (500 ms)
    editor_page.wait_for_function(
        "document.querySelector('#w-autosave-indicator')?.dataset.wAutosaveStateValue !== 'saving'"
    )


def write_and_submit(editor_page, index, photo):
    editor_page.goto(f"/beheer/pages/add/news/newspage/{index.pk}/")
    editor_page.locator("#id_title").fill(TITLE)
    editor_page.get_by_role("textbox", name="Inleiding").fill(
        "Zaterdag vieren de bewoners van Pottenberg samen een buurtfeest."
    )
    # The main photo, uploaded in the chooser, with its alt text.
    editor_page.get_by_role("button", name="Kies een afbeelding").first.click()
    modal = editor_page.locator(".modal-content")
    modal.get_by_role("tab", name="Uploaden").click()
    modal.get_by_label("Titel").fill("Buurtfeest")
    modal.locator("input[type=file]").set_input_files(photo)
    modal.get_by_label("Alt-tekst").fill("Buren dansen samen op het plein.")
    modal.get_by_role("button", name="Uploaden").click()
    editor_page.locator(".modal-content").wait_for(state="detached")
    # The text: one paragraph.
    editor_page.get_by_role("button", name="Blok invoegen").first.click()
    editor_page.get_by_text("Alinea", exact=True).click()
    editor_page.locator(".Draftail-Editor [contenteditable=true]").first.click()
    editor_page.keyboard.type("Er is muziek, eten en een springkussen voor de kinderen.")
    editor_page.get_by_role("checkbox", name="Ontmoeten en eenzaamheid").check()
    wait_for_autosave(editor_page)
    editor_page.get_by_role("button", name="Meer acties").click()
    editor_page.get_by_role("button", name="Ter goedkeuring aanbieden").click()
    editor_page.wait_for_url(f"**/beheer/pages/{index.pk}/", timeout=20_000)
    assert "ter goedkeuring ingediend" in editor_page.locator(".messages").inner_text()


def approve(moderator_page):
    log_in(moderator_page, "moderator@demo.thuisinmaastricht.nl")
    moderator_page.wait_for_url("**/beheer/")
    row = moderator_page.locator("tr").filter(has_text=TITLE)
    row.get_by_role("button").last.click()  # the row's "more" menu
    row.get_by_role("button", name="Goedkeuren", exact=True).click()
    moderator_page.wait_for_load_state()


def test_editor_writes_moderator_approves_residents_read(page, browser, live_server, photo):
    index = NewsIndexPage.objects.get(url_path__endswith="/pottenberg/nieuws/")
    log_in(page, "redactie-pottenberg@demo.thuisinmaastricht.nl")
    page.wait_for_url("**/beheer/")
    write_and_submit(page, index, photo)

    item = NewsPage.objects.get(title=TITLE)
    assert not item.live and item.hero_image.description == "Buren dansen samen op het plein."
    resident = browser.new_context(base_url=live_server.url).new_page()
    assert resident.goto(item.url).status == 404
    resident.goto("/pottenberg/")
    assert TITLE not in resident.content()

    moderator = browser.new_context(base_url=live_server.url).new_page()
    approve(moderator)
    item.refresh_from_db()
    assert item.live

    resident.goto("/pottenberg/")
    resident.get_by_role("link", name=TITLE).click()
    resident.wait_for_url(f"**{item.url}")
    assert resident.locator("h1").inner_text() == TITLE
    hero = resident.locator(".news-article__hero img")
    assert hero.get_attribute("alt") == "Buren dansen samen op het plein."
    assert hero.get_attribute("srcset")
    resident.goto("/nieuws/")
    assert resident.get_by_role("link", name=TITLE).is_visible()
    feed = feedparser.parse(resident.request.get("/pottenberg/nieuws/rss/").body())
    assert feed.entries[0].title == TITLE
    assert feed.entries[0].enclosures[0].type == "image/jpeg"
    resident.context.close()
    moderator.context.close()
