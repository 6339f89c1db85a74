"""The pages of this app (/ideeen/, /denk-mee/, /<buurt>/ideeen/) and the Moderatoren's rights.

Called by neighbourhoods.services.ensure_city_pages (after the buurten exist), so a buurt gets
its ideas section without the neighbourhoods app knowing this app.
"""

from django.contrib.auth.models import Group, Permission

from neighbourhoods.models import NeighbourhoodPage
from neighbourhoods.roles import MODERATORS
from tim.models import fill_english

from .models import (
    CONSULTATIONS_SLUG,
    IDEAS_SLUG,
    CityIdeasPage,
    ConsultationsPage,
    IdeasIndexPage,
)

# Moderatoren make consultations and set the report threshold (Wagtail checks these).
MODERATOR_PERMISSIONS = [
    "add_consultation",
    "change_consultation",
    "delete_consultation",
    "view_consultation",
    "change_participationsettings",
]


CONSULTATIONS_ENGLISH = {
    "title_en": "Have your say",
    "intro_en": "The municipality and the buurten (neighbourhoods) ask your opinion. It takes a "
    "minute. After your answer you see what others chose.",
}
CITY_IDEAS_ENGLISH = {
    "title_en": "Ideas for the buurt",
    "intro_en": "Residents have ideas for their buurt (neighbourhood). Look at them, support "
    "them, or send in your own idea on the page of your buurt.",
}


def _ideas_intro_en(buurt) -> str:
    return (
        f"Do you have an idea for {buurt.title}? Send it in. Neighbours can support it, and the "
        "editors and the municipality answer."
    )


def ensure_pages(home) -> None:
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="participation", codename__in=MODERATOR_PERMISSIONS
        )
    )
    if not ConsultationsPage.objects.child_of(home).exists():
        home.add_child(
            instance=ConsultationsPage(
                title="Denk mee",
                slug=CONSULTATIONS_SLUG,
                intro="De gemeente en de buurten vragen je mening. Het kost een minuut. "
                "Na je antwoord zie je wat anderen kozen.",
                **CONSULTATIONS_ENGLISH,
            )
        )
    if not CityIdeasPage.objects.child_of(home).exists():
        home.add_child(
            instance=CityIdeasPage(
                title="Ideeën voor de buurt",
                slug=IDEAS_SLUG,
                intro="Bewoners hebben ideeën voor hun buurt. Bekijk ze, steun ze, "
                "of stuur je eigen idee in via de pagina van je buurt.",
                **CITY_IDEAS_ENGLISH,
            )
        )
    fill_english(ConsultationsPage.objects.child_of(home), **CONSULTATIONS_ENGLISH)
    fill_english(CityIdeasPage.objects.child_of(home), **CITY_IDEAS_ENGLISH)
    fill_english(IdeasIndexPage.objects.all(), title_en="Ideas")
    present = {page.path[: -page.steplen] for page in IdeasIndexPage.objects.only("path")}
    for buurt in NeighbourhoodPage.objects.order_by("path"):
        if buurt.path not in present:
            buurt.add_child(
                instance=IdeasIndexPage(
                    title="Ideeën",
                    slug=IDEAS_SLUG,
                    intro=f"Heb je een idee voor {buurt.title}? Stuur het in. "
                    "Buren kunnen het steunen, en de redactie en de gemeente geven antwoord.",
                    title_en="Ideas",
                    intro_en=_ideas_intro_en(buurt),
                )
            )
