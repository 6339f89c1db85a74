"""A resident finds their buurt with the keyboard alone; every foundation page passes axe-core."""

import pytest

from .conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_choose_pottenberg_by_keyboard_only(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    # Tab to the search field, type, and let the results narrow down (htmx) without a mouse.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "buurt-zoek":
            break
    page.keyboard.type("potten")
    page.wait_for_function(
        "document.querySelectorAll('#buurt-picker-results .wijk-card__link').length === 1"
    )
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the one result
    assert page.evaluate("document.activeElement.textContent") == "Pottenberg"
    page.keyboard.press("Enter")
    page.wait_for_url("**/pottenberg/")
    assert page.locator("h1").inner_text() == "Pottenberg"


def test_search_without_javascript_still_finds_the_buurt(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_label("Zoek je buurt of wijk").fill("naz")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/?buurt=naz**")  # the answer page, not the one being left
    page.locator(".wijk-card__link").first.wait_for()
    assert page.locator(".wijk-card__link").all_inner_texts() == ["Nazareth"]
    context.close()


def test_switch_to_english_and_back_keeps_the_page(page):
    page.goto("/nazareth/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/nazareth/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="This week in Nazareth").is_visible()
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url("**/nazareth/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", name="Deze week in Nazareth").is_visible()


@pytest.mark.parametrize("path", ["/", "/pottenberg/", "/toegankelijkheid/", "/bestaat-niet/"])
def test_no_axe_violations(page, path):
    page.goto(path)
    assert_no_axe_violations(page)


def test_no_axe_violations_on_a_phone_in_english(mobile_page):
    mobile_page.goto("/taal/en/?next=/pottenberg/")
    assert_no_axe_violations(mobile_page)
