"""Sixty activities in one fortnight: the bulletin stays on two sides, keeps the ones that come
first, and says what it left out and where to find it."""

import datetime
import re

from initiatives.models import ActivityPage, InitiativePage
from tests.initiatives.conftest import make_initiative

from .reading import pdf_info, pdf_text

COUNT = 60


def add_activities(initiative):
    """Sixty one-off activities, each a little later than the one before (bulk, like an import)."""
    from initiatives.services import refresh_occurrences

    first = datetime.datetime(2027, 3, 22, 10, 0)
    for number in range(COUNT):
        start = first + datetime.timedelta(hours=5 * number)
        page = initiative.add_child(
            instance=ActivityPage(
                title=f"Activiteit {number:02d}",
                slug=f"activiteit-{number:02d}",
                intro="Samen iets doen.",
                start_date=start.date(),
                start_time=start.time(),
                end_time=(start + datetime.timedelta(hours=1)).time(),
                place_name="Buurthuis",
            )
        )
        refresh_occurrences(activity=page)


def test_sixty_activities_fit_on_two_sides_with_a_summary(client, monday, pottenberg):
    initiative = make_initiative(pottenberg)
    add_activities(InitiativePage.objects.get(pk=initiative.pk))

    pdf = client.get("/pottenberg/bulletin/pdf/").content

    assert int(pdf_info(pdf)["Pages"]) == 2
    text = pdf_text(pdf)
    shown = sorted(int(n) for n in re.findall(r"Activiteit (\d\d)", text))
    assert shown == list(range(len(shown)))  # the earliest are kept, in order
    assert 4 <= len(shown) < COUNT
    assert "Niet alles past op twee kanten." in text
    dropped = COUNT - len(shown)
    assert f"Weggelaten (wat het laatst komt, eerst): {dropped} activiteiten." in text
    assert "Alles staat op testserver/pottenberg/agenda/" in text
