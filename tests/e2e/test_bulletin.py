"""The bulletin page in Chromium: no axe-core violation, and printing it gives A4 sides."""

import datetime

import pytest

from tests.bulletin.reading import pdf_info, pdf_text
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place

from .conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def busy_pottenberg(pottenberg):
    today = datetime.date.today()
    add_place(
        pottenberg, "Buurthuis Pottenberg", ranges=[(day, "09:00", "17:00") for day in range(5)]
    )
    make_activity(
        make_initiative(pottenberg, phone="043 123 45 67"),
        title="Kookles",
        start_date=today + datetime.timedelta(days=1),
        start_time=datetime.time(17),
        end_time=datetime.time(19),
        signup_required=True,
    )
    return pottenberg


@pytest.mark.parametrize("path", ["/pottenberg/bulletin/", "/pottenberg/bulletin/?lang=en"])
def test_the_bulletin_page_has_no_axe_violations(page, busy_pottenberg, path):
    page.goto(path)
    assert page.get_by_role("heading", level=1).inner_text().endswith("Pottenberg")
    assert_no_axe_violations(page)


def test_the_wijk_bulletin_has_no_axe_violations(page, busy_pottenberg):
    page.goto(f"/bulletin/{busy_pottenberg.wijk.lower()}/")
    assert (
        page.get_by_role("heading", level=1).inner_text() == f"Wijkbulletin {busy_pottenberg.wijk}"
    )
    assert_no_axe_violations(page)


def test_printing_the_page_in_chromium_gives_a4(page, busy_pottenberg):
    page.goto("/pottenberg/bulletin/")
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True)
    info = pdf_info(pdf)
    assert info["Page size"].endswith("(A4)")
    assert int(info["Pages"]) <= 2
    text = pdf_text(pdf)
    assert "Kookles" in text
    assert "Download als PDF" not in text  # the screen tools are not printed
