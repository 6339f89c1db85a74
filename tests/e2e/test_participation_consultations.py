"""By keyboard only: answer a consultation and see the results; axe-core on every state."""

import pytest
from playwright.sync_api import expect

from participation.models import ConsultationAnswer
from tests.participation import conftest as participation_fixtures

from .conftest import assert_no_axe_violations
from .test_participation_reactions import focus_and, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
make_consultation = participation_fixtures.make_consultation


def test_answer_a_consultation_by_keyboard_and_see_the_results(page, make_consultation):
    consultation = make_consultation(
        questions=[("Wat mist er?", ["Bankjes", "Bomen"]), ("Wanneer?", ["Nu", "Later"])]
    )
    page.goto("/denk-mee/")
    assert_no_axe_violations(page)
    log_in(page, "bewoner@demo.thuisinmaastricht.nl", next_url="/denk-mee/")
    page.wait_for_url("**/denk-mee/")
    focus_and(page, page.get_by_role("link", name=consultation.title), "Enter")
    page.wait_for_url(f"**{consultation.url}")
    assert_no_axe_violations(page)

    focus_and(page, page.get_by_label("Bomen"), "Space")
    focus_and(page, page.get_by_label("Later"), "Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Bedankt voor het meedenken.")).to_be_visible()
    expect(page.get_by_role("row", name="Bomen 1")).to_be_visible()
    assert ConsultationAnswer.objects.count() == 1
    assert_no_axe_violations(page)
