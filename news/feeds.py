"""RSS 2.0 and Atom feeds of the city news and of each buurt's news (Django's syndication).

Every link is absolute from BASE_URL (a feed is read away from the site, and the page cache may
serve it to a reader who asked another host); the language is the request's.
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from neighbourhoods.models import NeighbourhoodPage
from tim import pagecache
from tim.urls_helper import absolute_url, page_url

from .models import NewsPage

FEED_LENGTH = 30
ENCLOSURE_SPEC = "fill-1200x675|format-jpeg"


@dataclass
class FeedSource:
    request: object
    buurt: NeighbourhoodPage | None = None


@dataclass(frozen=True)
class FeedEntry:
    """What a feed says of one news item: the same in every feed it is in (the city's, its
    buurt's, RSS and Atom), so it is kept per item and language."""

    title: str
    link: str
    intro: str
    published: datetime.datetime
    updated: datetime.datetime | None
    author: str
    categories: list[str]
    image_url: str
    image_length: str

    @classmethod
    def of(cls, item: NewsPage, request) -> "FeedEntry":
        image = item.hero_image.get_rendition(ENCLOSURE_SPEC) if item.hero_image else None
        try:
            length = str(image.file.size) if image else ""
        except OSError:
            length = "0"
        themes = [theme.name for theme in item.themes.all()]
        return cls(
            title=item.title,
            link=page_url(item, request),
            intro=item.intro,
            published=item.first_published_at,
            updated=item.last_published_at,
            author=item.author_name,
            # Plain strings: a lazy translation takes long to unpickle.
            categories=[*([item.buurt.title] if item.buurt else []), str(item.kind_label), *themes],
            image_url=absolute_url(image.url) if image else "",
            image_length=length,
        )


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
        """The newest items' ids, then each item's entry as kept (tim.pagecache): the pages with
        their buurt, themes and image are read only for the entries that are missing."""
        items = self.queryset(source)
        ids = list(items.recent().values_list("pk", flat=True)[:FEED_LENGTH])
        entries = pagecache.fragments_of(
            "feed-entry",
            ids,
            lambda: (
                items.filter(pk__in=ids)
                .select_related("buurt", "hero_image")
                .defer_streamfields()  # the body is not needed for the intro-only items
                .prefetch_related("themes", "hero_image__renditions")
            ),
            lambda item: FeedEntry.of(item, source.request),
        )
        return [entry for entry in entries if entry is not None]

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        """RSS's description is text: the intro as the editor wrote it."""
        return entry.intro

    def item_link(self, entry):
        return entry.link

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated

    def item_author_name(self, entry):
        return entry.author or None

    def item_categories(self, entry):
        return entry.categories

    def item_enclosures(self, entry):
        if not entry.image_url:
            return []
        return [Enclosure(entry.image_url, entry.image_length, "image/jpeg")]


class AtomSummary:
    """Atom's summary is typed html: the intro escaped, so a reader shows `<` and `&` as text."""

    feed_type = Atom1Feed

    def item_description(self, entry):
        return escape(entry.intro)


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
        return page_url(source.buurt) + "nieuws/"  # the site's kept root paths, no query

    def queryset(self, source):
        return NewsPage.objects.published().in_buurt(source.buurt)


class BuurtNewsAtomFeed(AtomSummary, BuurtNewsFeed):
    pass
