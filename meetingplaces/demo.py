"""Demo content: the nine initiatives of seed 002 as meeting places, and the two support partners.

The texts are in fixtures/meetingplaces_demo.json. Facts, figures and quotes follow
fixtures/initiatives.md, told to residents in plain Dutch (B1); what the source says word for
word, or leaves open, is in each place's `source_note`, which only editors see. Addresses and
approximate coordinates come from fixtures/meetingplaces.csv. The seed gives no opening hours
(BeiHuis: "4 dagen per week", not which days), so every schedule here is example data and is
marked as such on the page, in the admin and in the open data. Accessibility facts are left
"not known": the seed says nothing about them, and visitors can tell us (Correction).
"""

import json
from datetime import date, time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from neighbourhoods.models import NeighbourhoodPage
from tim.demo import DEMO_DOMAIN
from tim.models import Theme

from .models import (
    MeetingPlaceIndexPage,
    MeetingPlacePage,
    OpeningException,
    OpeningHours,
    PartnerOrganisation,
)

FIXTURE = settings.BASE_DIR / "fixtures" / "meetingplaces_demo.json"


def _example_exceptions(year):
    """One example holiday closure, so the page shows how exceptions look."""
    return [
        OpeningException(
            start_date=date(year, 12, 24),
            end_date=date(year + 1, 1, 1),
            closed=True,
            reason="Kerstvakantie, voorbeeld",
        )
    ]


def _figures(pairs):
    return [("figure", {"value": value, "label": label}) for value, label in pairs]


@transaction.atomic
def load() -> list[MeetingPlacePage]:
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for data in fixture["partners"]:
        PartnerOrganisation.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "description": data["description"],
                "supports": data["supports"],
                "area": data["area"],
                "address": data["address"],
                "key_figures": _figures(data["figures"]),
                "source_note": data["source_note"],
            },
        )
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    owners = {
        user.email.split("@")[0]: user
        for user in get_user_model().objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    }
    year = date.today().year
    pages = []
    for data in fixture["places"]:
        buurt = NeighbourhoodPage.objects.get(slug=data["buurt"])
        index = MeetingPlaceIndexPage.objects.child_of(buurt).get()
        page = MeetingPlacePage.objects.child_of(index).filter(slug=data["slug"]).first()
        values = {
            "title": data["title"],
            "organisation_name": data["organisation_name"],
            "mission": data["mission"],
            "what_happens": data["what_happens"],
            "cost": data.get("cost", ""),
            "street_address": data["street_address"],
            "postcode": data["postcode"],
            "latitude": data["lat"],
            "longitude": data["lon"],
            "location_note": data["location_note"],
            "hours_are_example": True,
            "hours_note": data.get("hours_note", ""),
            "source_note": data["source_note"],
            "key_figures": _figures(data["figures"]),
            "challenges": [("challenge", text) for text in data["challenges"]],
            "testimonials": [
                ("testimonial", {"quote": quote, "attribution": who})
                for quote, who in data["quotes"]
            ],
            "host_name": data.get("host_name", ""),
            "other_partners": data.get("other_partners", ""),
            "owner": owners.get(data.get("owner", "")),
        }
        if page is None:
            page = index.add_child(instance=MeetingPlacePage(slug=data["slug"], **values))
        else:
            for name, value in values.items():
                setattr(page, name, value)
        page.opening_hours = [
            OpeningHours(
                weekday=day, opens=time.fromisoformat(opens), closes=time.fromisoformat(closes)
            )
            for day, opens, closes in data["hours"]
        ]
        page.opening_exceptions = _example_exceptions(year)
        page.themes = [themes[slug] for slug in data["themes"]]
        page.save_revision(user=values["owner"], log_action=True).publish()
        pages.append(page)
    return pages
