from django.db.models import Case, OuterRef, Q, Subquery, When
from django.db.models.functions import Substr
from wagtail.models import Page, PageManager

from tim.page_tree import BUURT_DEPTH
from tim.visibility import TimPageQuerySet

# What "open now", the week table and the exceptions read: prefetch it wherever places are listed.
HOURS_PREFETCH = ("opening_hours", "opening_exceptions", "hours_changes")


class MeetingPlacePageQuerySet(TimPageQuerySet):
    def for_listing(self):
        """Everything a list row shows, in a fixed number of queries however many places there are.

        The buurt (name, slug, wijk) is annotated from the tree path rather than fetched per row.
        """
        from neighbourhoods.models import NeighbourhoodPage

        buurt = NeighbourhoodPage.objects.filter(
            path=Substr(OuterRef("path"), 1, Page.steplen * BUURT_DEPTH)
        )
        return (
            self.annotate(
                buurt_title=Subquery(buurt.values("title")[:1]),
                buurt_slug=Subquery(buurt.values("slug")[:1]),
                buurt_wijk=Subquery(buurt.values("wijk")[:1]),
            )
            .select_related("facts_check")
            .prefetch_related(*HOURS_PREFETCH, "themes")
        )

    def unknown_facts_first(self):
        """Places with the most access facts still "not known" first, for editors to fill in."""
        from .choices import ACCESSIBILITY_FACTS

        unknown = sum(
            Case(When(**{f"{name}__isnull": True}, then=1), default=0)
            for name, _param, _label in ACCESSIBILITY_FACTS
        )
        return self.annotate(unknown_count=unknown).order_by("-unknown_count", "title")

    def in_buurt(self, buurt):
        return self.descendant_of(buurt)

    def matching(self, text):
        """Places whose name, organisation, mission, activities or address contain the text."""
        if not text:
            return self
        return self.filter(
            Q(title__icontains=text)
            | Q(organisation_name__icontains=text)
            | Q(mission__icontains=text)
            | Q(what_happens__icontains=text)
            | Q(street_address__icontains=text)
        )

    def open_on_weekday(self, weekday):
        """Places with regular hours on that weekday (exceptions are for a date, not a weekday)."""
        return self.filter(opening_hours__weekday=weekday).distinct()


MeetingPlacePageManager = PageManager.from_queryset(MeetingPlacePageQuerySet)
