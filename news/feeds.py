"""RSS 2.0 and Atom feeds of the city news and of each buurt's news (Django's syndication).

Every link is absolute from BASE_URL (a feed is read away from the site, and the page cache may
serve it to a reader who asked another host); the language is the request's.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from neighbourhoods.models import NeighbourhoodPage
from tim.urls_helper import absolute_url, page_url

from .models import NewsPage

FEED_LENGTH = 30
ENCLOSURE_SPEC = "fill-1200x675|format-jpeg"


@dataclass
class FeedSource:
    request: object
    buurt: NeighbourhoodPage | None = None


class CityNewsFeed(Feed):
    feed_type = Rss201rev2Feed
    language = None  # Django then writes the request's language: nl, or en after the switch

    def get_object(self, request, *args, **kwargs):
        return FeedSource(request=request)

    def title(self, source):
        return _("News from Maastricht · Thuis in Maastricht")

    def description(self, source):
        return _("The newest news of the city and of all buurten of Maastricht.")

    subtitle = description  # Atom's word for it

    def link(self, source):
        return absolute_url("/nieuws/")

    def feed_url(self, source):
        return absolute_url(source.request.path)

    def queryset(self, source):
        return NewsPage.objects.published()

    def items(self, source):
        items = list(
            self.queryset(source)
            .select_related("buurt", "hero_image")
            # The body is not needed for the intro-only items.
            .defer_streamfields()
            .prefetch_related("themes", "hero_image__renditions")
            .recent()[:FEED_LENGTH]
        )
        for item in items:
            item.feed_link = page_url(item, source.request)
            item.feed_image = (
                item.hero_image.get_rendition(ENCLOSURE_SPEC) if item.hero_image else None
            )
            item.feed_image_url = absolute_url(item.feed_image.url) if item.feed_image else ""
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        """RSS's description is text: the intro as the editor wrote it."""
        return item.intro

    def item_link(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author_name or None

    def item_categories(self, item):
        categories = [item.kind_label, *(theme.name for theme in item.themes.all())]
        if item.buurt:
            categories.insert(0, item.buurt.title)
        return categories

    def item_enclosures(self, item):
        if not item.feed_image:
            return []
        try:
            length = str(item.feed_image.file.size)
        except OSError:
            length = "0"
        return [Enclosure(item.feed_image_url, length, "image/jpeg")]


class AtomSummary:
    """Atom's summary is typed html: the intro escaped, so a reader shows `<` and `&` as text."""

    feed_type = Atom1Feed

    def item_description(self, item):
        return escape(item.intro)


class CityNewsAtomFeed(AtomSummary, CityNewsFeed):
    pass


class BuurtNewsFeed(CityNewsFeed):
    def get_object(self, request, buurt):
        page = get_object_or_404(NeighbourhoodPage.objects.live().public(), slug=buurt)
        return FeedSource(request=request, buurt=page)

    def title(self, source):
        return _("News from %(buurt)s · Thuis in Maastricht") % {"buurt": source.buurt.title}

    def description(self, source):
        return _("The newest news of the buurt %(buurt)s in Maastricht.") % {
            "buurt": source.buurt.title
        }

    subtitle = description

    def link(self, source):
        return absolute_url(source.buurt.get_url(request=source.request) + "nieuws/")

    def queryset(self, source):
        return NewsPage.objects.published().in_buurt(source.buurt)


class BuurtNewsAtomFeed(AtomSummary, BuurtNewsFeed):
    pass
