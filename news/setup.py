"""The city-level news page, created by `setup_site` (neighbourhoods.services.ensure_city_pages)."""

from tim.models import fill_english

from .models import CityNewsIndexPage

CITY_NEWS_SLUG = "nieuws"
ENGLISH = {
    "title_en": "News",
    "intro_en": (
        "News from all over Maastricht: from the municipality and from every buurt "
        "(neighbourhood). Choose a wijk (district), buurt or theme to see less. "
        "Most news is in Dutch."
    ),
}


def ensure_pages(home) -> CityNewsIndexPage:
    """/nieuws/: the city news, aggregating every buurt's news. Safe to run again."""
    existing = CityNewsIndexPage.objects.child_of(home).first()
    if existing is not None:
        fill_english(CityNewsIndexPage.objects.filter(pk=existing.pk), **ENGLISH)
        return existing
    return home.add_child(
        instance=CityNewsIndexPage(
            title="Nieuws",
            slug=CITY_NEWS_SLUG,
            **ENGLISH,
            intro=(
                "Nieuws uit heel Maastricht: van de gemeente en uit alle buurten. "
                "Kies een wijk, buurt of thema om minder te zien."
            ),
        )
    )
