"""The social-base dashboard in Chromium: a moderator logs in and axe-core finds nothing."""

import datetime

import pytest

from socialbase import services
from socialbase.demo import load as load_dashboard_demo
from tests.socialbase.conftest import build_buurt, moment

from .conftest import assert_no_axe_violations, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = [
    "/beheer/sociale-basis/",
    "/beheer/sociale-basis/?wijk=Oost&theme=ontmoeten&months=6&measure=places",
    "/beheer/sociale-basis/wijk/West/",
    "/beheer/sociale-basis/buurt/pottenberg/",
    "/beheer/sociale-basis/buurt/nazareth/",
    "/beheer/sociale-basis/ongelijk-investeren/",
    "/beheer/sociale-basis/indicatoren/",
]


def test_no_axe_violations_on_the_dashboard_pages(page, pottenberg):
    from tim.models import Theme

    themes = Theme.objects.get(slug="ontmoeten"), Theme.objects.get(slug="sport-en-bewegen")
    monday = build_buurt(pottenberg, themes)
    load_dashboard_demo()
    services.refresh_summary(buurt=pottenberg, now=moment(monday + datetime.timedelta(2)))

    log_in(page, "moderator@demo.thuisinmaastricht.nl", next_url=PAGES[0])
    page.get_by_role("heading", name="Sociale basis: Hele stad").wait_for()
    for path in PAGES:
        page.goto(path)
        for details in page.locator("details").all():  # the tables behind the charts too
            details.evaluate("element => element.open = true")
        assert_no_axe_violations(page)
    page.goto(PAGES[3])
    assert page.get_by_role("img", name="Activiteiten deze week in Pottenberg per dag en dagdeel")
    assert page.get_by_text("Programmabuurt").first.is_visible()


def test_an_editor_logging_in_does_not_reach_the_dashboard(page):
    log_in(page, "redactie-pottenberg@demo.thuisinmaastricht.nl", next_url="/beheer/")
    page.get_by_role("navigation", name="Hoofdmenu").wait_for()
    assert page.get_by_role("link", name="Sociale basis").count() == 0
    response = page.goto("/beheer/sociale-basis/")
    assert response.status in (302, 403) or "/beheer/sociale-basis/" not in page.url
