"""The directory as Open Referral HSDS 3.0 open data: nested JSON, and the CSV data package.

One organisation per initiative (the places of SMILE043 share one), one service per organisation
("a place to drop in"), one location per meeting place with its address, accessibility and a
weekly schedule per opening range. Support organisations are organisations without locations.
The CSV columns come from HSDS's own datapackage.json, so the package follows the standard.
"""

import csv
import io
import json
import uuid
import zipfile
from functools import cache

from django.conf import settings
from django.utils import timezone

from tim import pagecache
from tim.urls_helper import page_url

from . import hours
from .choices import ACCESSIBILITY_FACTS, RRULE_DAYS
from .models import HoursChange, MeetingPlacePage, PartnerOrganisation

HSDS_DIR = settings.BASE_DIR / "fixtures" / "hsds"
NAMESPACE = uuid.UUID("8f6c1a52-7d0e-4c53-9b2f-3f1f0c1e2a11")
# The resources this export fills, in datapackage order.
RESOURCES = [
    "organization",
    "service",
    "location",
    "service_at_location",
    "address",
    "phone",
    "schedule",
    "accessibility",
]


def stable_id(*parts) -> str:
    """A UUID that stays the same for the same thing across exports (HSDS ids are UUIDs)."""
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


@cache
def datapackage() -> dict:
    with open(HSDS_DIR / "datapackage.json", encoding="utf-8") as handle:
        return json.load(handle)


def _time(value):
    return value.strftime("%H:%M:%S") if value else None


def _schedules(place, location_id):
    example = (
        "Voorbeeldgegevens: nog niet bevestigd door de plek." if place.hours_are_example else None
    )
    rows = [
        {
            "id": stable_id("hours", range_.pk),
            "location_id": location_id,
            "freq": "WEEKLY",
            "interval": 1,
            "byday": RRULE_DAYS[range_.weekday],
            "opens_at": _time(range_.opens),
            "closes_at": _time(range_.closes),
            "description": place.hours_note or None,
            "notes": example,
        }
        for range_ in place.opening_hours.all()
    ]
    for exception in hours.exceptions(place):
        rows.append(
            {
                "id": stable_id(
                    "hours_change" if isinstance(exception, HoursChange) else "exception",
                    exception.pk,
                ),
                "location_id": location_id,
                "valid_from": exception.start_date.isoformat(),
                "valid_to": exception.last_day.isoformat(),
                "opens_at": None if exception.closed else _time(exception.opens),
                "closes_at": None if exception.closed else _time(exception.closes),
                "description": ("Gesloten" if exception.closed else "Andere openingstijden")
                + (f": {exception.reason}" if exception.reason else ""),
                "notes": example,
            }
        )
    return rows


def _location(place, organization_id, request):
    location_id = stable_id("place", place.pk)
    facts = [label for name, _param, label in ACCESSIBILITY_FACTS if getattr(place, name)]
    return {
        "id": location_id,
        "location_type": "physical",
        "url": page_url(place, request),
        "organization_id": organization_id,
        "name": place.title,
        "description": place.mission,
        "latitude": float(place.latitude) if place.latitude is not None else None,
        "longitude": float(place.longitude) if place.longitude is not None else None,
        # HSDS requires a postal code in an address: without a known one the place has no
        # address row (its point and page remain), rather than a required field left blank.
        "addresses": [
            {
                "id": stable_id("address", place.pk),
                "location_id": location_id,
                "address_1": place.street_address or place.title,
                "city": place.city,
                "region": getattr(place, "buurt_title", None),
                "state_province": "Limburg",
                "postal_code": place.postcode,
                "country": "NL",
                "address_type": "physical",
            }
        ]
        if place.postcode
        else [],
        "phones": (
            [
                {
                    "id": stable_id("phone", place.pk),
                    "location_id": location_id,
                    "number": place.phone,
                }
            ]
            if place.phone
            else []
        ),
        "accessibility": [
            {
                "id": stable_id("access", place.pk),
                "location_id": location_id,
                "description": ", ".join(str(fact) for fact in facts) or None,
                "details": place.accessibility_note or None,
            }
        ],
        "schedules": _schedules(place, location_id),
    }


def export(request=None) -> dict:
    """The whole directory as HSDS JSON: {"organizations": [...], "services": [...]}."""
    places = (
        MeetingPlacePage.objects.live()
        .public()
        .for_listing()
        .order_by("organisation_name", "title")
    )
    organizations, services = {}, {}
    for place in places:
        name = place.organisation_name or place.title
        org_id = stable_id("organization", name)
        organization = organizations.setdefault(
            name,
            {
                "id": org_id,
                "name": name,
                "description": place.mission,
                "website": place.website or None,
                "email": place.email or None,
                "locations": [],
            },
        )
        location = _location(place, org_id, request)
        organization["locations"].append(location)
        service = services.setdefault(
            name,
            {
                "id": stable_id("service", name),
                "organization_id": org_id,
                "name": f"Ontmoetingsplek {name}",
                "description": place.what_happens or place.mission,
                "url": page_url(place, request),
                "status": "active",
                "fees_description": place.cost or None,
                "last_modified": (place.last_published_at or timezone.now()).isoformat(),
                "service_at_locations": [],
            },
        )
        service["service_at_locations"].append(
            {
                "id": stable_id("service_at_location", place.pk),
                "service_id": service["id"],
                "location_id": location["id"],
            }
        )
    for partner in PartnerOrganisation.objects.all():
        organizations.setdefault(
            partner.name,
            {
                "id": stable_id("partner", partner.pk),
                "name": partner.name,
                "description": " ".join(filter(None, [partner.description, partner.supports]))
                or partner.name,  # required in HSDS
                "website": partner.website or None,
                "locations": [],
            },
        )
    return {
        "hsds_version": datapackage()["version"],
        "generated_at": timezone.now().isoformat(),
        "organizations": [_without_nulls(org) for org in organizations.values()],
        "services": [_without_nulls(service) for service in services.values()],
    }


def kept_json(request=None) -> bytes:
    """`export()` as JSON text, kept as a piece every visitor shares until the next change
    (tim.pagecache): it reads every place with its hours, 200 ms at city size, for data that
    changes a few times a day. A host's change of hours and every publish purge it, as they purge
    the pages. The CSV package reads the same text back, so the data is kept once."""
    return pagecache.fragment(
        "hsds-json", [], lambda: json.dumps(export(request), ensure_ascii=False).encode()
    )


def _without_nulls(value):
    """HSDS types optional fields as strings or numbers: leave unknown ones out, not null."""
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


def tables(data: dict) -> dict[str, list[dict]]:
    """The nested export flattened into one list of rows per HSDS resource."""
    rows = {name: [] for name in RESOURCES}
    for organization in data["organizations"]:
        rows["organization"].append(organization)
        for location in organization["locations"]:
            rows["location"].append(location)
            for resource, key in [
                ("address", "addresses"),
                ("phone", "phones"),
                ("schedule", "schedules"),
                ("accessibility", "accessibility"),
            ]:
                rows[resource] += location[key]
    for service in data["services"]:
        rows["service"].append(service)
        rows["service_at_location"] += service["service_at_locations"]
    return rows


def referenced(names) -> set[str]:
    """The resources, and every resource their foreign keys point to (and so on): a package
    validates only with the tables its references need, even when those stay empty."""
    schemas = {r["name"]: r["schema"] for r in datapackage()["resources"]}
    found, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo += [key["reference"]["resource"] for key in schemas[name].get("foreignKeys", [])]
    return found


def csv_package(data: dict) -> bytes:
    """A zip with one CSV per resource it fills or refers to, and a datapackage.json that
    describes only those."""
    resources = [r for r in datapackage()["resources"] if r["name"] in referenced(RESOURCES)]
    rows = tables(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for resource in resources:
            columns = [field["name"] for field in resource["schema"]["fields"]]
            text = io.StringIO()
            writer = csv.DictWriter(text, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows.get(resource["name"], []))  # referenced ones stay empty
            archive.writestr(resource["path"], text.getvalue())
        package = {key: value for key, value in datapackage().items() if key != "resources"} | {
            "name": "thuis-in-maastricht-ontmoetingsplekken",
            "resources": resources,
        }
        archive.writestr("datapackage.json", json.dumps(package, indent=2, ensure_ascii=False))
    return buffer.getvalue()
