"""Building the site's structure: the city home, a site per buurt, and the pages every site has."""

import csv
import importlib
import importlib.util
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from initiatives.models import InitiativeIndexPage
from meetingplaces.models import MeetingPlaceIndexPage
from news.models import NewsIndexPage
from tim.models import fill_english

from .models import CityHomePage, NeighbourhoodPage, StandardPage

BUURTEN_CSV = settings.BASE_DIR / "fixtures" / "buurten.csv"

# The sections every buurt site has, in the order they appear: (model, slug, title, English).
SECTIONS = [
    (NewsIndexPage, "nieuws", "Nieuws", "News"),
    (InitiativeIndexPage, "initiatieven", "Initiatieven", "Initiatives"),
    (MeetingPlaceIndexPage, "ontmoetingsplekken", "Ontmoetingsplekken", "Meeting places"),
]

# The home page in English: the one place that explains the Dutch words the site keeps.
HOME_ENGLISH = {
    "title_en": "Thuis in Maastricht (At home in Maastricht)",
    "intro_en": (
        "See what is happening in your buurt (neighbourhood). Join in, lend a hand and meet "
        "your neighbours. Maastricht has 44 buurten, grouped in 7 wijken (districts). News and "
        "activities are written in Dutch by the people of each buurt."
    ),
}


@transaction.atomic
def ensure_city_home() -> CityHomePage:
    """The CityHomePage as the root of the default site, replacing Wagtail's welcome page."""
    home = CityHomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=CityHomePage(
                title="Thuis in Maastricht",
                slug="thuis",
                intro="Zie wat er gebeurt in jouw buurt. Doe mee, help mee en ontmoet je buren.",
            )
        )
    fill_english(CityHomePage.objects.filter(pk=home.pk), **HOME_ENGLISH)
    # The public address (BASE_URL) makes canonical links and the API's URLs absolute and right.
    public = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "root_page": home,
            "hostname": public.hostname,
            "port": public.port or (443 if public.scheme == "https" else 80),
            "site_name": "Thuis in Maastricht",
        },
    )
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    return home


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged."
        ]
        lines += [f"  + {name}" for name in self.created]
        lines += [f"  ~ {name}" for name in self.updated]
        return "\n".join(lines)


def read_buurten(path: Path = BUURTEN_CSV) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _fields_from_row(row: dict) -> dict:
    population = row["population"].strip()
    return {
        "title": row["name"].strip(),
        "wijk": row["district"].strip(),
        "population": int(population) if population else None,
        "population_is_estimate": "pop=verified" not in row["source_confidence"],
        "latitude": Decimal(row["lat"]).quantize(Decimal("0.00001")),
        "longitude": Decimal(row["lon"]).quantize(Decimal("0.00001")),
        "data_sources": row["source_confidence"].strip(),
    }


@transaction.atomic
def import_buurten(rows: list[dict]) -> ImportReport:
    """Create or update one NeighbourhoodPage (with its sections) per row; safe to run again."""
    home = ensure_city_home()
    existing = {page.cbs_code: page for page in NeighbourhoodPage.objects.all()}
    report = ImportReport()
    for row in rows:
        values = _fields_from_row(row)
        page = existing.get(row["cbs_code"])
        if page is None:
            page = home.add_child(
                instance=NeighbourhoodPage(cbs_code=row["cbs_code"], slug=row["slug"], **values)
            )
            report.created.append(page.title)
        elif any(getattr(page, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(page, name, value)
            page.save()
            report.updated.append(page.title)
        else:
            report.unchanged.append(page.title)
        ensure_sections(page)
    return report


def ensure_sections(buurt: NeighbourhoodPage) -> None:
    present = set(buurt.get_children().values_list("slug", flat=True))
    for model, slug, title, title_en in SECTIONS:
        if slug not in present:
            buurt.add_child(instance=model(title=title, slug=slug, title_en=title_en))
        fill_english(model.objects.child_of(buurt), title_en=title_en)


STANDARD_PAGES = [
    ("over-tim", "Over Thuis in Maastricht"),
    ("privacy", "Privacy"),
    ("toegankelijkheid", "Toegankelijkheidsverklaring"),
    ("contact", "Contact"),
]


# Apps that add city-level pages (/nieuws/, /agenda/, ...) have a `setup.ensure_pages(home)`.
APPS_WITH_CITY_PAGES = ["news", "meetingplaces", "initiatives", "notifications", "participation"]


def ensure_city_pages(home: CityHomePage) -> None:
    """The standard pages, and the city-level pages of every app that has them."""
    ensure_standard_pages(home)
    for app in APPS_WITH_CITY_PAGES:
        if importlib.util.find_spec(f"{app}.setup"):
            importlib.import_module(f"{app}.setup").ensure_pages(home)


def ensure_standard_pages(home: CityHomePage) -> None:
    """The pages the footer links to. Their text comes from site_content; editors may change it."""
    from .site_content import STANDARD_PAGE_CONTENT

    present = set(home.get_children().values_list("slug", flat=True))
    for slug, title in STANDARD_PAGES:
        if slug not in present:
            intro, paragraphs = STANDARD_PAGE_CONTENT[slug]
            body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
            home.add_child(instance=StandardPage(title=title, slug=slug, intro=intro, body=body))
