"""The HSDS CSV data package the site serves validates with the Frictionless framework."""

import io
import json
import zipfile
from datetime import date

import pytest
from frictionless import Package, system

from .factories import add_place, exception

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(pottenberg, nazareth):
    return [
        add_place(
            pottenberg,
            "Buurthuis Pottenberg",
            ranges=[(1, "10:00", "16:00")],
            exceptions=[exception(date(2026, 12, 24), date(2026, 12, 31), reason="Kerst")],
            postcode="6216 AA",
            phone="043 123 45 67",
            organisation_name="Stichting Samen",
        ),
        # No postcode: the address is left out, not a required field left blank.
        add_place(nazareth, "Sporthal Nazareth", ranges=[(5, "09:00", "12:00")]),
    ]


def served_package(client, folder):
    response = client.get("/ontmoetingsplekken/open-data/hsds-csv.zip")
    assert response.status_code == 200
    zipfile.ZipFile(io.BytesIO(response.content)).extractall(folder)
    return folder / "datapackage.json"


def test_the_served_csv_package_validates_with_frictionless(client, places, tmp_path):
    descriptor = served_package(client, tmp_path)
    with system.use_context(trusted=True):
        report = Package(str(descriptor)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    resources = {r["name"] for r in json.loads(descriptor.read_text())["resources"]}
    assert {"organization", "service", "location", "program", "contact"} <= resources


def test_an_address_without_postcode_is_left_out_not_blank(client, places, tmp_path):
    descriptor = served_package(client, tmp_path)
    rows = (tmp_path / "addresses.csv").read_text().splitlines()
    assert len(rows) == 2  # the header and Pottenberg's address
    assert "6216 AA" in rows[1]
    assert descriptor.exists()
