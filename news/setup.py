"""The city-level news page, created by `setup_site` (neighbourhoods.services.ensure_city_pages)."""

from .models import CityNewsIndexPage

CITY_NEWS_SLUG = "nieuws"


def ensure_pages(home) -> CityNewsIndexPage:
    """/nieuws/: the city news, aggregating every buurt's news. Safe to run again."""
    existing = CityNewsIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    return home.add_child(
        instance=CityNewsIndexPage(
            title="Nieuws",
            slug=CITY_NEWS_SLUG,
            intro=(
                "Nieuws uit heel Maastricht: van de gemeente en uit alle buurten. "
                "Kies een wijk, buurt of thema om minder te zien."
            ),
        )
    )
