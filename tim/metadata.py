"""What a page tells machines: its canonical address, the Open Graph and Twitter cards a social
app shows when the page is shared, and schema.org JSON-LD (breadcrumbs, lists).

Every page gets an image to share: its own (a news photo, an initiative's image, a place's first
photo), else its buurt's photo, else the city's. Every address is absolute on BASE_URL, and every
JSON-LD block is a Python dict serialised by `json_ld`, which no text can break out of. The
entities of the pages themselves are built beside them (news/structured_data.py,
meetingplaces/structured_data.py, initiatives/structured_data.py).
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import _json_script_escapes, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from tim.page_tree import buurt_of
from tim.urls_helper import absolute_url

SHARE_SPEC = "fill-1200x630|format-jpeg"  # Open Graph's 1.91:1, also Twitter's large card
CITY_IMAGE = {"path": "tim/share/thuis-in-maastricht.png", "width": 1200, "height": 630}
OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
ARTICLE_TYPES = {"news.NewsPage"}


def json_ld(data: dict) -> str:
    """A <script type="application/ld+json"> that no text in the data can break out of."""
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def node(type_: str, **properties) -> dict:
    """A schema.org node without the properties that are unknown (None, "" or [])."""
    data = {"@type": type_, **properties}
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def schema(type_: str, **properties) -> dict:
    """A top-level schema.org node, for a JSON-LD block of its own."""
    return {"@context": "https://schema.org", **node(type_, **properties)}


def own_image(page):
    """The page's own picture: a hero image, an initiative's image or a place's first photo."""
    for name in ("hero_image", "image"):
        image = getattr(page, name, None)
        if isinstance(image, AbstractImage):
            return image
    for block in getattr(page, "photos", None) or []:
        if isinstance(block.value, AbstractImage):
            return block.value
    return None


def image_data(image, spec: str = SHARE_SPEC) -> dict:
    rendition = image.get_rendition(spec)
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.description or image.title,
    }


def city_image() -> dict:
    return {
        "url": absolute_url(static(CITY_IMAGE["path"])),
        "width": CITY_IMAGE["width"],
        "height": CITY_IMAGE["height"],
        "alt": _("Thuis in Maastricht: news, activities and meeting places in your buurt"),
    }


def share_image(page, *, above=()) -> dict:
    """The image a share shows: the page's own, else one of the pages `above` it (the
    initiative of an activity), else its buurt's photo, else the city's image."""
    for source in [page, *above]:
        image = own_image(source) if source is not None else None
        if image is not None:
            return image_data(image)
    buurt = buurt_of(page)
    if buurt is not None and buurt.hero_image_id:
        return image_data(buurt.hero_image)
    return city_image()


def description_of(page) -> str:
    """What a share says under the title: the promote tab's text, else the page's intro."""
    for name in ("search_description", "display_intro", "intro", "mission"):
        text = strip_tags(getattr(page, name, "") or "").strip()
        if text:
            return Truncator(text).chars(300)
    return _(
        "The neighbourhood website of Maastricht: news, activities, meeting places and "
        "volunteering in your buurt."
    )


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict:
    """schema.org BreadcrumbList of the trail [(name, path), ...] the page shows."""
    return schema(
        "BreadcrumbList",
        itemListElement=[
            {"@type": "ListItem", "position": number, "name": name, "item": absolute_url(path)}
            for number, (name, path) in enumerate(trail, start=1)
        ],
    )


def page_trail(page, request) -> list[tuple[str, str]]:
    """The breadcrumb trail of a page, as navigation/breadcrumbs.html shows it."""
    crumbs = list(page.breadcrumbs())
    if not crumbs:
        return []
    return [
        (_("Home") if crumb.depth == 2 else title_of(crumb), crumb.get_url(request=request))
        for crumb in crumbs
    ] + [(title_of(page), request.path)]


def title_of(page) -> str:
    """The title a visitor reads (the English one in English, where there is one)."""
    return getattr(page, "display_title", "") or page.title


def collection_page(*, name: str, url: str, items: list[tuple[str, str]], first: int = 1) -> dict:
    """schema.org CollectionPage with the ItemList of what a list page shows [(name, url)]."""
    return schema(
        "CollectionPage",
        name=name,
        url=absolute_url(url),
        inLanguage=get_language(),
        mainEntity={
            "@type": "ItemList",
            "numberOfItems": len(items),
            "itemListElement": [
                {"@type": "ListItem", "position": number, "url": absolute_url(path), "name": title}
                for number, (title, path) in enumerate(items, start=first)
            ],
        },
    )


def page_meta(context) -> dict:
    """Everything base.html puts in <head> for machines, for a page or any other view.

    A view without a page may give `meta_title` and `breadcrumb_trail` in its context.
    """
    request = context.get("request")
    if request is None:  # a page rendered without a request (an error page) has no address
        return {}
    page = context.get("page")
    if not isinstance(page, Page):  # a view may call something else "page"
        page = None
    language = get_language() or settings.LANGUAGE_CODE
    if page is not None:
        title = getattr(page, "document_title", "") or page.seo_title or page.title
        trail = page_trail(page, request)
    else:
        title = context.get("meta_title") or settings.WAGTAIL_SITE_NAME
        trail = context.get("breadcrumb_trail") or []
    return {
        "url": absolute_url(request.path),
        "type": "article" if page is not None and page._meta.label in ARTICLE_TYPES else "website",
        "site_name": settings.WAGTAIL_SITE_NAME,
        "title": title,
        "description": description_of(page),
        "locale": OG_LOCALES.get(language, OG_LOCALES["nl"]),
        "alternate_locales": [code for lang, code in OG_LOCALES.items() if lang != language],
        "image": share_image(page) if page is not None else city_image(),
        "breadcrumbs": json_ld(breadcrumb_list(trail)) if trail else "",
    }
