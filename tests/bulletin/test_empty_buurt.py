"""A buurt where nothing is on the site yet still gets a bulletin worth pinning up: the meeting
places of its wijk, what happens nearby, and how to start something."""

import datetime

from neighbourhoods.models import NeighbourhoodPage
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place

from .reading import pdf_info, pdf_text


def test_a_buurt_without_activities_shows_the_wijk(client, monday, pottenberg):
    quiet = NeighbourhoodPage.objects.filter(wijk=pottenberg.wijk).exclude(pk=pottenberg.pk)[0]
    add_place(pottenberg, "Huiskamer West", ranges=[(2, "10:00", "12:00")], phone="043 111 22 33")
    make_activity(
        make_initiative(pottenberg),
        title="Samen eten",
        start_date=datetime.date(2027, 3, 26),
        start_time=datetime.time(18),
        end_time=datetime.time(20),
    )

    response = client.get(f"/{quiet.slug}/bulletin/pdf/")

    text = pdf_text(response.content)
    assert f"Buurtbulletin {quiet.title}" in text
    assert f"Voor {quiet.title} staan er deze twee weken geen activiteiten op de site" in text
    assert "Samen eten" in text and "vr 26 mrt 18:00–20:00" in text  # nearby, in the wijk
    assert "Huiskamer West (Pottenberg)" in text
    assert "wo 10:00–12:00" in text and "043 111 22 33" in text
    assert "Zelf iets beginnen?" in text
    assert int(pdf_info(response.content)["Pages"]) <= 2


def test_a_wijk_without_anything_still_says_how_to_start(client, monday, pottenberg):
    response = client.get(f"/{pottenberg.slug}/bulletin/pdf/")

    text = pdf_text(response.content)
    assert "Voor Pottenberg staan er deze twee weken geen activiteiten op de site." in text
    assert "Geen ontmoetingsplek in deze wijk heeft openingstijden voor deze week" in text
    assert "Zelf iets beginnen?" in text
    assert "iedereen kan iets beginnen" in text
