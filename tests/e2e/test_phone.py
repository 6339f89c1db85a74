"""A resident on a phone: a compact header, results first, and no sideways scrolling at 320 px."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from initiatives.models import VolunteerCallPage
from news.models import NewsIndexPage
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.factories import NewsPageFactory, make_image
from tim.models import Theme

from .conftest import assert_no_axe_violations, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def buurt_life(pottenberg, nazareth, demo_user):
    """One of every page type, with the long words and pictures that break narrow layouts."""
    meeting = Theme.objects.get(slug="ontmoeten")
    initiative = make_initiative(nazareth, title="Buurtkamer Nazareth")
    activity = make_activity(
        initiative,
        title="Samenwerkingsbijeenkomst",
        themes=[meeting],
        start_date=timezone.localdate() + datetime.timedelta(days=1),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
    )
    call = initiative.add_child(
        instance=VolunteerCallPage(title="Koks gezocht", intro="Help koken.", time_needed="2 uur")
    )
    call.save_revision().publish()
    place = add_place(nazareth, "Ontmoetingscentrum", ranges=[(0, "10:00", "16:00")],
                      themes=[meeting])  # fmt: skip
    index = NewsIndexPage.objects.child_of(nazareth).get()
    image = make_image()
    for number in range(3):
        NewsPageFactory(parent=index, title=f"Vrijwilligersbijeenkomst {number}", hero_image=image)
    article = NewsPageFactory(parent=index, title="Koffie op het plein", hero_image=image)
    return {
        "initiative": initiative,
        "activity": activity,
        "call": call,
        "place": place,
        "article": article,
    }


def phone(browser, live_server, width=375, height=812, **options):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": height}, **options
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def too_wide(page):
    """The elements that stick out on the right, to say what to fix."""
    return page.evaluate(
        "[...document.querySelectorAll('body *')].filter("
        "e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5)"
        ".map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40))"
    )


def test_every_page_type_reflows_at_320_px(browser, live_server, buurt_life):
    page = phone(browser, live_server, width=320, height=640)
    paths = [
        "/", "/nazareth/", "/pottenberg/", "/nieuws/", "/nazareth/nieuws/",
        buurt_life["article"].url, "/agenda/", "/nazareth/agenda/", "/pottenberg/agenda/",
        buurt_life["activity"].url, buurt_life["initiative"].url, "/ontmoetingsplekken/",
        "/ontmoetingsplekken/?nu_open=on", buurt_life["place"].url, "/vrijwilligerswerk/",
        buurt_life["call"].url, "/zoeken/?q=koffie", "/account/login/", "/account/signup/",
        "/ideeen/", "/pottenberg/ideeen/",
    ]  # fmt: skip
    for path in paths:
        page.goto(path)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{path} scrolls sideways: {width}, {too_wide(page)}"
    log_in(page, "bewoner@demo.thuisinmaastricht.nl", next_url="/mijn-account/")
    for path in ["/mijn-account/", "/mijn-account/volgen/"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    # A news thumbnail keeps its own shape instead of stretching to the card's height.
    page.goto("/nazareth/")
    box = page.locator(".news-card__image").first.bounding_box()
    assert abs(box["width"] - box["height"]) <= 1
    page.context.close()


def test_the_phone_header_folds_away_and_search_is_one_tap(browser, live_server):
    page = phone(browser, live_server)
    page.goto("/")
    header_height = page.locator(".site-header").bounding_box()["height"]
    assert header_height < 812 * 0.12
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("link", name="Agenda", exact=True)).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="English")).to_be_visible()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
    assert_no_axe_violations(page)
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(page.get_by_role("link", name="Inloggen")).to_be_hidden()
    page.get_by_role("banner").get_by_role("button", name="Zoeken").click()
    expect(page.get_by_label("Zoek op Thuis in Maastricht")).to_be_focused()
    page.keyboard.type("koffie")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=koffie")
    page.context.close()
    # Without JavaScript there is no button to press: the menu and search are simply there.
    page = phone(browser, live_server, java_script_enabled=False)
    page.goto("/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="Agenda", exact=True)).to_be_visible()
    expect(page.get_by_label("Zoek op Thuis in Maastricht")).to_be_visible()
    page.context.close()


@pytest.mark.parametrize("path", ["/agenda/", "/ontmoetingsplekken/"])
def test_the_first_result_is_a_few_tabs_from_the_top(browser, live_server, buurt_life, path):
    page = phone(browser, live_server)
    page.goto(path)
    first_result = page.locator(".event__title a, .place-card__title a").first
    assert first_result.bounding_box()["y"] < 812, "the first result is on the first screen"
    tabs = 0
    while page.evaluate("document.activeElement.textContent.trim()") != "Naar de resultaten":
        page.keyboard.press("Tab")
        tabs += 1
        assert tabs < 5
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    tabs += 1
    expect(first_result).to_be_focused()
    assert tabs <= 3
    # The filters wait behind one disclosure that opens with the keyboard.
    summary = page.locator(".filter-disclosure__summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".filter-disclosure form")).to_be_visible()
    assert_no_axe_violations(page)
    page.context.close()
