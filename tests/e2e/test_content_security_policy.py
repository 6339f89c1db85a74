"""Chromium enforces the Content-Security-Policy and reports not one violation: not on the public
pages with their htmx updates and the map, not in Wagtail's admin while a moderator edits."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from news.models import NewsIndexPage
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.factories import NewsPageFactory, make_image

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TILE = (Path(__file__).parents[2] / "static/tim/icons/icon-192.png").read_bytes()

# Every violation, also those of scripts that run before the page's own.
LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(browser, live_server):
    """A page that enforces the policy (the shared fixture lets Playwright's probes through),
    with every CSP violation and console error it reports, and map tiles served locally (the
    test machine has no internet; the policy is checked before the request)."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    page.add_init_script(LISTEN)

    def on_console(message):
        # The 404 page answers 404 on purpose; anything else that fails to load counts.
        missing_page = message.location.get("url") == page.url and "status of 404" in message.text
        if message.type == "error" and not missing_page:
            problems.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.route(
        "https://tile.openstreetmap.org/**",
        lambda route: route.fulfill(body=TILE, content_type="image/png"),
    )

    def check(where):
        violations = page.evaluate("window.cspViolations")
        assert violations == [] and problems == [], (where, violations, problems)

    page.check = check
    yield page
    context.close()


@pytest.fixture
def content(pottenberg, demo_user):
    index = NewsIndexPage.objects.child_of(pottenberg).get()
    initiative = make_initiative(pottenberg, owner=demo_user("initiatiefnemer"))
    place = add_place(
        pottenberg,
        "Buurthuis Pottenberg",
        ranges=[(1, "10:00", "16:00")],
        latitude=Decimal("50.8602"),
        longitude=Decimal("5.7225"),
    )
    return {
        "news": NewsPageFactory(parent=index, title="Koffie", hero_image=make_image()),
        "place": place,
        "activity": make_activity(initiative),
    }


def test_public_pages_run_under_the_policy_without_a_violation(watched, content):
    page = watched
    page.goto("/")
    page.get_by_label("Zoek je buurt of wijk").fill("potten")  # htmx narrows the list
    expect(page.locator("#buurt-picker-results .wijk-card__link")).to_have_count(1)
    page.check("home with the buurt picker")
    for path in ["/pottenberg/", content["news"].url, content["place"].url,
                 content["activity"].url, "/account/signup/", "/bestaat-niet/"]:  # fmt: skip
        page.goto(path)
        page.check(path)

    page.goto("/agenda/")
    page.locator("summary.filter-disclosure__summary").click()
    page.get_by_label("Gratis", exact=True).check()  # htmx swaps the results in
    page.wait_for_url(re.compile(r"gratis="))
    page.check("agenda with a filter")

    page.goto("/ontmoetingsplekken/")
    page.locator(".leaflet-marker-icon").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.check("directory with the map")
    expect(page.locator(".leaflet-tile-loaded").first).to_be_visible()


def test_the_admin_works_under_its_policy_for_a_moderator(watched, content):
    page = watched
    log_in(page, "moderator@demo.thuisinmaastricht.nl")
    page.wait_for_url("**/beheer/")
    page.check("admin dashboard")
    page.goto(f"/beheer/pages/{content['news'].pk}/edit/")
    page.get_by_role("button", name="Bewaar concept").wait_for()
    page.check("editing a news item")
    page.goto(f"/beheer/pages/{content['activity'].pk}/edit/")  # date pickers, inline panels
    page.locator("input[name='start_date']").click()
    page.check("editing an activity")
    page.goto("/beheer/images/")
    page.check("images")
