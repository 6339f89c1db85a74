"""The wijk bulletin (/bulletin/<wijk>/, under the city page) gathers every buurt of the wijk."""

import datetime

from neighbourhoods.models import NeighbourhoodPage
from tests.initiatives.conftest import make_activity, make_initiative

from .reading import pdf_text


def test_the_wijk_bulletin_lists_the_activities_of_its_buurten(
    client, pottenberg, nazareth, pottenberg_week
):
    neighbour = NeighbourhoodPage.objects.filter(wijk=pottenberg.wijk).exclude(pk=pottenberg.pk)[0]
    make_activity(
        make_initiative(neighbour, title="Buren samen"),
        title="Repaircafé",
        start_date=datetime.date(2027, 3, 27),
        start_time=datetime.time(13),
        end_time=datetime.time(16),
    )

    response = client.get(f"/bulletin/{pottenberg.wijk.lower()}/pdf/")

    assert response.status_code == 200
    text = pdf_text(response.content)
    assert f"Wijkbulletin {pottenberg.wijk}" in text
    assert "za 27 mrt 13:00–16:00" in text and f"({neighbour.title})" in text
    assert "Buurtkoor" in text and "(Pottenberg)" in text
    assert nazareth.wijk != pottenberg.wijk and "Jeu de boules in Nazareth" not in text
    assert "Koffieschenkers gezocht" in text


def test_an_unknown_wijk_is_not_found(client, db):
    assert client.get("/bulletin/atlantis/").status_code == 404
