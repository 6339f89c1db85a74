"""Browser tests: Debian's Chromium driven by Playwright, and axe-core for accessibility."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Playwright's wait_for_function() evaluates its predicate with eval(), which the site's
# Content-Security-Policy forbids; tests/e2e/test_content_security_policy.py opens its own pages,
# which enforce the policy, the other tests get pages that let Playwright's probes through.
TEST_TOOLS_PASS_CSP = {"bypass_csp": True}


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, **TEST_TOOLS_PASS_CSP
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def mobile_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, **TEST_TOOLS_PASS_CSP
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def assert_no_axe_violations(page):
    """axe-core finds no WCAG 2.2 A/AA violation on the page as it is now."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def log_in(page, email, password="tim-demo-2026", next_url="/beheer/"):
    """Log in as an editor would: /beheer/login/ leads to the one login form (allauth's)."""
    page.goto(f"/beheer/login/?next={next_url}")
    page.get_by_label(re.compile(r"^E-?mail")).fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name=re.compile("^(Inloggen|Aanmelden)$")).click()
