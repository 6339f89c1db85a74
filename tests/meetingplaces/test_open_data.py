"""schema.org JSON-LD on the place page, and the HSDS export (JSON and CSV) of the directory."""

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .factories import add_place, exception

pytestmark = pytest.mark.django_db

SCHEMAS = Path(settings.BASE_DIR) / "fixtures" / "hsds"


@pytest.fixture
def two_places(pottenberg, nazareth):
    return [
        add_place(
            pottenberg,
            "Buurthuis Pottenberg",
            ranges=[(1, "10:00", "16:00"), (3, "22:00", "02:00")],
            exceptions=[exception(date(2026, 12, 24), date(2026, 12, 31), reason="Kerst")],
            postcode="6216 AA",
            step_free_entrance=True,
            organisation_name="Stichting Samen",
        ),
        add_place(
            nazareth,
            "Sporthal Nazareth",
            ranges=[(5, "09:00", "12:00")],
            organisation_name="Stichting Samen",
        ),
    ]


def test_place_page_has_schema_org_place_with_address_geo_and_opening_hours(client, two_places):
    response = client.get(two_places[0].url)
    soup = BeautifulSoup(response.content, "html.parser")
    scripts = soup.select('script[type="application/ld+json"]')
    [data] = [d for d in (json.loads(s.string) for s in scripts) if d["@type"] != "BreadcrumbList"]
    assert data["@type"] == "CivicStructure"
    assert data["address"]["postalCode"] == "6216 AA"
    assert data["geo"]["@type"] == "GeoCoordinates"
    assert [
        (spec["dayOfWeek"], spec["opens"], spec["closes"])
        for spec in data["openingHoursSpecification"]
    ] == [
        ("https://schema.org/Tuesday", "10:00:00", "16:00:00"),
        ("https://schema.org/Thursday", "22:00:00", "02:00:00"),
    ]
    assert all(
        spec["@type"] == "OpeningHoursSpecification" for spec in data["openingHoursSpecification"]
    )
    closed = data["specialOpeningHoursSpecification"][0]
    assert (closed["validFrom"], closed["validThrough"], closed["opens"], closed["closes"]) == (
        "2026-12-24",
        "2026-12-31",
        "00:00:00",
        "00:00:00",
    )


def validator(name):
    registry = Registry().with_resources(
        (path.name, DRAFT202012.create_resource(json.loads(path.read_text())))
        for path in SCHEMAS.glob("*.json")
        if path.name != "datapackage.json"
    )
    schema = json.loads((SCHEMAS / f"{name}.json").read_text())
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def test_hsds_json_has_every_place_with_its_schedule_and_is_valid(client, two_places):
    response = client.get("/ontmoetingsplekken/open-data/hsds.json")
    assert response["Content-Type"] == "application/json"
    data = response.json()
    organizations = {org["name"]: org for org in data["organizations"]}
    samen = organizations["Stichting Samen"]  # one organisation, two places
    locations = {location["name"]: location for location in samen["locations"]}
    assert set(locations) == {"Buurthuis Pottenberg", "Sporthal Nazareth"}
    weekly = [s for s in locations["Buurthuis Pottenberg"]["schedules"] if s.get("freq")]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in weekly] == [
        ("TU", "10:00:00", "16:00:00"),
        ("TH", "22:00:00", "02:00:00"),
    ]
    assert locations["Sporthal Nazareth"]["schedules"][0]["byday"] == "SA"
    for organization in data["organizations"]:
        errors = list(validator("organization").iter_errors(organization))
        assert not errors, [error.message for error in errors]
    for service in data["services"]:
        errors = list(validator("service").iter_errors(service))
        assert not errors, [error.message for error in errors]
    services = {service["name"]: service for service in data["services"]}
    assert len(services["Ontmoetingsplek Stichting Samen"]["service_at_locations"]) == 2


def test_hsds_csv_package_has_the_standard_columns_and_every_schedule(client, two_places):
    response = client.get("/ontmoetingsplekken/open-data/hsds-csv.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    package = json.loads(archive.read("datapackage.json"))
    assert package["profile"] == "tabular-data-package"
    for resource in package["resources"]:
        rows = list(csv.DictReader(io.StringIO(archive.read(resource["path"]).decode())))
        header = list(csv.reader(io.StringIO(archive.read(resource["path"]).decode())))[0]
        assert header == [field["name"] for field in resource["schema"]["fields"]]
        if resource["name"] == "schedule":
            assert sorted(row["byday"] for row in rows if row["byday"]) == ["SA", "TH", "TU"]
        if resource["name"] == "location":
            assert {row["name"] for row in rows} == {"Buurthuis Pottenberg", "Sporthal Nazareth"}


def test_the_directory_links_to_the_open_data(client):
    response = client.get("/ontmoetingsplekken/")
    assert 'href="/ontmoetingsplekken/open-data/hsds.json"' in response.text
    assert 'href="/ontmoetingsplekken/open-data/hsds-csv.zip"' in response.text
