"""What a meeting place tells machines: the most specific schema.org type its data supports.

Most places are community places anyone may walk into (CivicStructure); a place that sells
something (its cost names a price) is a LocalBusiness, and a place that is only about sport a
SportsActivityLocation. The data has no finer label, and the seeds ask for none ("no boxes").
"""

import re

from tim import metadata
from tim.urls_helper import page_url

from .choices import ACCESSIBILITY_FACTS

SPORT_ONLY = {"sport-en-bewegen"}
PRICE = re.compile(r"\d|€")


def schema_type(place, themes) -> str:
    if PRICE.search(place.cost or ""):
        return "LocalBusiness"
    if {theme.slug for theme in themes} == SPORT_ONLY:
        return "SportsActivityLocation"
    return "CivicStructure"


def postal_address(source) -> dict:
    """A split PostalAddress of anything with street_address, postcode and city fields."""
    return metadata.node(
        "PostalAddress",
        streetAddress=source.street_address,
        postalCode=source.postcode or None,  # left out when unknown, never a guess
        addressLocality=source.city or "Maastricht",
        addressRegion="Limburg",
        addressCountry="NL",
    )


def geo(place) -> dict | None:
    """The coordinates with every decimal the data has (the fields keep five: about a metre);
    as text, since a JSON number would drop the trailing zeros of 50.85100."""
    if not place.has_location:
        return None
    return {
        "@type": "GeoCoordinates",
        "latitude": str(place.latitude),
        "longitude": str(place.longitude),
    }


def meeting_place(place, request, *, opening_hours, special_hours) -> dict:
    """The schema.org node of a meeting place page, with its hours from the page's tag."""
    buurt = place.buurt
    themes = list(place.themes.all())
    return metadata.schema(
        schema_type(place, themes),
        name=place.title,
        description=place.mission,
        url=page_url(place, request),
        image=metadata.share_image(place)["url"],
        address=postal_address(place),
        geo=geo(place),
        telephone=place.phone,
        email=place.email,
        sameAs=place.website,
        openingHoursSpecification=opening_hours,
        specialOpeningHoursSpecification=special_hours,
        keywords=[theme.name for theme in themes],
        amenityFeature=[
            {"@type": "LocationFeatureSpecification", "name": str(label), "value": value}
            for name, _param, label in ACCESSIBILITY_FACTS
            if (value := getattr(place, name)) is not None
        ],
        containedInPlace={"@type": "Place", "name": f"{buurt.title}, Maastricht"},
        parentOrganization=(
            {"@type": "Organization", "name": place.organisation_name}
            if place.organisation_name and place.organisation_name != place.title
            else None
        ),
    )
