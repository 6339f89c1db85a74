"""What an article tells machines: schema.org NewsArticle (JSON-LD) and its share images."""

from django.conf import settings
from django.utils import timezone

from tim import metadata
from tim.urls_helper import absolute_url

# Google asks for images in 16:9, 4:3 and 1:1.
SHARE_IMAGE_SPECS = [
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
]


def share_images(page) -> list[dict]:
    """The hero image in Google's three shapes; without one, the buurt's (or city's) image."""
    if not page.hero_image:
        return [metadata.share_image(page)]
    return [metadata.image_data(page.hero_image, spec) for spec in SHARE_IMAGE_SPECS]


def _local_iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def news_article(page, *, url: str, images: list[dict]) -> dict:
    """The schema.org NewsArticle of a news page, for search engines and other sites."""
    buurt = page.buurt
    data = metadata.schema(
        "NewsArticle",
        headline=page.title[:110],
        description=page.intro,
        url=url,
        mainEntityOfPage={"@type": "WebPage", "@id": url},
        inLanguage="nl",
        articleSection=str(page.kind_label),
        datePublished=_local_iso(page.date),
        dateModified=_local_iso(page.last_published_at or page.date),
        author=(
            {"@type": "Person", "name": page.author_name}
            if page.author_name
            else {
                "@type": "Organization",
                "name": f"Redactie {buurt.title}" if buurt else settings.WAGTAIL_SITE_NAME,
            }
        ),
        publisher={
            "@type": "Organization",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": absolute_url("/"),
            "logo": {"@type": "ImageObject", "url": metadata.city_image()["url"]},
        },
        image=[image["url"] for image in images],
        keywords=[theme.name for theme in page.theme_list],
        contentLocation={
            "@type": "Place",
            "name": f"{buurt.title}, Maastricht" if buurt else "Maastricht",
        },
        creativeWorkStatus="Example" if page.is_demo else None,
    )
    return data
