"""The 404 and 500 pages pass axe-core and run under the Content-Security-Policy: a visitor who
lands on one can read it and go on, with the keyboard or a screen reader."""

import pytest

from .conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("tests.tim.failing_urls"),
]


@pytest.mark.parametrize(("path", "status"), [("/bestaat-niet/", 404), ("/kapot/", 500)])
def test_error_pages_pass_axe_and_lead_on_to_search(page, path, status):
    assert page.goto(path).status == status
    assert_no_axe_violations(page)
    page.get_by_role("searchbox", name="Zoek op Thuis in Maastricht").last.fill("koffie")
    page.get_by_role("searchbox", name="Zoek op Thuis in Maastricht").last.press("Enter")
    page.wait_for_url("**/zoeken/?q=koffie")
