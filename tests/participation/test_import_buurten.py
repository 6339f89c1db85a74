"""`manage.py import_buurten` gives a new buurt all it needs to take part, and runs again safely."""

import csv
import io

import pytest
from django.core.management import call_command

from neighbourhoods import services
from neighbourhoods.models import NeighbourhoodPage
from participation.models import IdeasIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def csv_with_a_new_buurt(tmp_path):
    rows = services.read_buurten()
    rows.append(
        {**rows[0], "cbs_code": "BU09359999", "name": "Nieuwbouw", "slug": "nieuwbouw",
         "population": ""}
    )  # fmt: skip
    path = tmp_path / "buurten.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_new_buurt_gets_its_ideas_page_and_a_second_run_adds_nothing(
    client, csv_with_a_new_buurt
):
    call_command("import_buurten", csv=str(csv_with_a_new_buurt), stdout=io.StringIO())
    call_command("import_buurten", csv=str(csv_with_a_new_buurt), stdout=io.StringIO())

    new = NeighbourhoodPage.objects.get(slug="nieuwbouw")
    assert IdeasIndexPage.objects.child_of(new).count() == 1
    assert IdeasIndexPage.objects.count() == NeighbourhoodPage.objects.count() == 45
    response = client.get("/nieuwbouw/ideeen/")
    assert response.status_code == 200
    assert "Heb je een idee voor Nieuwbouw?" in response.content.decode()
    assert client.get("/nieuwbouw/ideeen/rss/").status_code == 200
