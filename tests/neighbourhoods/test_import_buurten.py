import pytest
from django.contrib.auth.models import Group

from neighbourhoods import roles, services
from neighbourhoods.models import NeighbourhoodPage

pytestmark = pytest.mark.django_db


def test_every_row_of_the_csv_has_a_live_buurt_site_with_its_sections():
    rows = services.read_buurten()
    buurten = NeighbourhoodPage.objects.live()
    assert len(rows) == 44
    assert buurten.count() == 44
    assert set(buurten.values_list("wijk", flat=True)) == {
        "Centrum", "Zuidwest", "West", "Noordwest", "Oost", "Noordoost", "Zuidoost",
    }  # fmt: skip
    pottenberg = buurten.get(slug="pottenberg")
    assert pottenberg.url == "/pottenberg/"
    assert pottenberg.cbs_code == "BU09350203"
    assert pottenberg.population == 2280
    assert sorted(pottenberg.get_children().values_list("slug", flat=True)) == [
        "ideeen", "initiatieven", "nieuws", "ontmoetingsplekken",
    ]  # fmt: skip


def test_import_again_changes_nothing_and_says_so():
    report = services.import_buurten(services.read_buurten())
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 44)


def test_a_changed_row_is_updated_and_a_new_row_gets_its_own_site_and_editors():
    rows = services.read_buurten()
    changed = next(row for row in rows if row["slug"] == "pottenberg")
    changed["population"] = "2300"
    rows.append(
        {**changed, "cbs_code": "BU09359999", "name": "Nieuwbouw", "slug": "nieuwbouw",
         "population": ""}
    )  # fmt: skip

    report = services.import_buurten(rows)
    roles.setup_roles()

    assert report.created == ["Nieuwbouw"]
    assert report.updated == ["Pottenberg"]
    assert NeighbourhoodPage.objects.get(slug="pottenberg").population == 2300
    new = NeighbourhoodPage.objects.get(slug="nieuwbouw")
    assert new.live and new.population is None
    assert new.get_children().count() == 3
    assert Group.objects.filter(name="Redactie Nieuwbouw").exists()


def test_buurten_without_verified_population_are_marked_as_estimate_or_missing():
    assert NeighbourhoodPage.objects.get(slug="sint-pieter").population_is_estimate
    assert NeighbourhoodPage.objects.get(slug="bosscherveld").population is None
    assert not NeighbourhoodPage.objects.get(slug="wyck").population_is_estimate
