from wagtail.models import PageManager

from tim.visibility import TimPageQuerySet


class NewsPageQuerySet(TimPageQuerySet):
    """Reads of news, shared by the pages, the feeds, the search page and the API."""

    def published(self):
        """Live and not behind a view restriction: what any visitor may read."""
        return self.live().public()

    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def city_wide(self):
        """Items written for the whole city, in /nieuws/ itself rather than in a buurt."""
        return self.filter(buurt__isnull=True)

    def recent(self):
        """Newest first. Naming the type lets PostgreSQL read only news from the page table's
        index on (content type, first published), instead of every newer page of any type."""
        return self.exact_type(self.model).order_by("-first_published_at", "-pk")

    def matching(self, *, wijk="", buurt=None, kind="", theme=None):
        """Only the items that pass the filters a reader chose; empty filters pass everything."""
        queryset = self
        if wijk:
            queryset = queryset.filter(buurt__wijk=wijk)
        if buurt is not None:
            queryset = queryset.filter(buurt=buurt)
        if kind:
            queryset = queryset.filter(kind=kind)
        if theme is not None:
            queryset = queryset.filter(themes=theme)
        return queryset

    def for_listing(self):
        """What a card shows (buurt, hero image and its renditions) in a fixed number of
        queries, however many items there are. The body stays in the database."""
        return (
            self.select_related("buurt", "hero_image")
            .defer_streamfields()
            .prefetch_related("hero_image__renditions")
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)
