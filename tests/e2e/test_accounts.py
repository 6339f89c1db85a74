"""A resident signs up, verifies by the emailed link and follows Pottenberg weekly by keyboard."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from notifications import outbox, services
from notifications.models import Follow
from tim.demo import DEMO_DOMAIN

from .conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def tab_to(page, selector, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} not reached by keyboard")


def test_sign_up_verify_and_follow_pottenberg_weekly_by_keyboard(page):
    cache.clear()  # allauth's rate limits live in the shared cache
    page.goto("/account/signup/")
    assert_no_axe_violations(page)
    page.get_by_label("E-mail").fill("lotte@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("lotte-woont-hier")
    page.get_by_label("Wachtwoord (bevestigen)").fill("lotte-woont-hier")
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/confirm-email/")
    assert_no_axe_violations(page)

    outbox.send_due()  # what the worker does after the sign-up committed
    link = re.search(r"http://[^/]+(/account/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    page.locator("main button[type=submit]").press("Enter")
    page.wait_for_url("**/")
    assert page.get_by_role("link", name="Mijn account").is_visible()  # logged in

    page.goto("/pottenberg/")
    tab_to(page, "select[name=frequency]")
    page.keyboard.press("End")  # off, the last option; then up to "once a week"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Je volgt deze pagina.").wait_for()
    follow = Follow.objects.get(user__email="lotte@example.org")
    assert (follow.page.slug, follow.frequency) == ("pottenberg", "wekelijks")
    assert page.evaluate("document.activeElement.closest('.follow') !== null")


@pytest.mark.parametrize(
    "path",
    ["/mijn-account/", "/mijn-account/volgen/", "/mijn-account/verwijderen/", "/account/email/"],
)
def test_no_axe_violations_on_account_pages(page, path, pottenberg):
    cache.clear()
    user = Follow._meta.get_field("user").related_model.objects.get(email=f"bewoner@{DEMO_DOMAIN}")
    services.follow_page(user=user, page=pottenberg)
    page.goto(f"/account/login/?next={path}")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Wachtwoord", exact=True).fill("tim-demo-2026")
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(f"**{path}")
    assert_no_axe_violations(page)
