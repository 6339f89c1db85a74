"""What an article tells machines: schema.org NewsArticle (JSON-LD), Open Graph and Twitter."""

import json

from django.conf import settings
from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

# Google asks for images in 16:9, 4:3 and 1:1; the first one is also the Open Graph image.
SHARE_IMAGE_SPECS = [
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
]


def share_images(page, request) -> list[dict]:
    """Absolute URLs and sizes of the hero image's share renditions (none without a hero)."""
    if not page.hero_image:
        return []
    renditions = page.hero_image.get_renditions(*SHARE_IMAGE_SPECS)
    return [
        {
            "url": request.build_absolute_uri(renditions[spec].url),
            "width": renditions[spec].width,
            "height": renditions[spec].height,
        }
        for spec in SHARE_IMAGE_SPECS
    ]


def _local_iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def news_article(page, request, *, url: str, images: list[dict]) -> dict:
    """The schema.org NewsArticle of a news page, for search engines and other sites."""
    buurt = page.buurt
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.intro,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": "nl",
        "articleSection": str(page.kind_label),
        "datePublished": _local_iso(page.date),
        "dateModified": _local_iso(page.last_published_at or page.date),
        "author": (
            {"@type": "Person", "name": page.author_name}
            if page.author_name
            else {
                "@type": "Organization",
                "name": f"Redactie {buurt.title}" if buurt else settings.WAGTAIL_SITE_NAME,
            }
        ),
        "publisher": {
            "@type": "Organization",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": request.build_absolute_uri("/"),
        },
        "image": [image["url"] for image in images],
        "keywords": [theme.name for theme in page.theme_list],
        "contentLocation": {
            "@type": "Place",
            "name": f"{buurt.title}, Maastricht" if buurt else "Maastricht",
        },
    }
    if page.is_demo:
        data["creativeWorkStatus"] = "Example"
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def json_ld(data: dict) -> str:
    """A <script type="application/ld+json"> that no text in the data can break out of."""
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
