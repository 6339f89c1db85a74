"""Site search at /zoeken/: Wagtail search on PostgreSQL full text with the `dutch` configuration.

Every live, public page is searched (news, buurten, standard pages and what other apps add),
except listing pages, whose content is the pages they list. Choosing a kind limits the search to
news. Snippets come from PostgreSQL's ts_headline with the same configuration, so "buurten" also
marks "buurt" in the text.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import CharField, Exists, F, IntegerField, OuterRef
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.search.models import IndexEntry

from .models import NewsPage
from .text import stream_text

START, STOP = "\u27e6", "\u27e7"  # markers PostgreSQL puts around matches; replaced by <mark>
RESULT_CAP = 1000  # matches ranked and counted at most; more are "more than 1000"
FEW_MATCHES = 5000  # up to this many expected matches, pages are found from their entries
HEADLINE_OPTIONS = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=32, MinWords=14, ShortWord=2, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def listing_page_types():
    """Index pages only list other pages; they would crowd the results with 'Nieuws' x 44."""
    models = [model for model in get_page_models() if model.__name__.endswith("IndexPage")]
    return list(ContentType.objects.get_for_models(*models).values())


def search_pages(query, *, buurt=None, kind=""):
    """Search results (sliceable, with count()), best match first, as specific pages.

    PostgreSQL ranks every match before it can give the best ten, and a word such as "buurt"
    is in nearly every item. So the matches are first found through the GIN index on the
    search vector (news migration 0003), newest first, at most RESULT_CAP of them plus one;
    Wagtail's backend then ranks only those. A query with more matches is ranked among the
    newest RESULT_CAP, and its count is shown as "more than RESULT_CAP". A rare word takes
    another way to its matches (see matching_entries).
    """
    if kind:
        queryset = NewsPage.objects.published().filter(kind=kind)
    else:
        queryset = Page.objects.live().public().filter(depth__gt=2)
        queryset = queryset.exclude(content_type__in=listing_page_types())
    if buurt is not None:
        queryset = queryset.descendant_of(buurt, inclusive=True)
    few = expected_matches(query) <= FEW_MATCHES
    candidates = list(
        queryset.filter(Exists(matching_entries(query, few=few)))
        .order_by("-pk")
        .values_list("pk", flat=True)[: RESULT_CAP + 1]
    )
    ranked = queryset.filter(pk__in=candidates[:RESULT_CAP])
    if not kind:
        ranked = ranked.specific()
    return SearchResults(
        ranked.search(query, operator="and"),
        count=min(len(candidates), RESULT_CAP),
        capped=len(candidates) > RESULT_CAP,
    )


def matching_entries(query, *, few: bool = False):
    """Wagtail's index entries of the outer page that match: the filter its backend applies,
    on the expression the GIN index covers.

    With many matches PostgreSQL walks the newest pages and looks up each one's entry (by the
    page id as text, the entry's key). With `few` the entry's id is also given as a number, so
    it can go the other way: the few matching entries from the GIN index, then their pages by
    primary key (1.5 ms instead of 17 ms for 221 matches of 58,000). Offered both, it would go
    that way for a common word too, which is five times slower. (Every model in the search
    index has a numeric key, so each entry's id reads as a number.)"""
    entries = _matches(query).filter(
        content_type_id=OuterRef("content_type_id"), object_id=Cast(OuterRef("pk"), CharField())
    )
    if few:
        entries = entries.annotate(page_id=Cast("object_id", IntegerField())).filter(
            page_id=OuterRef("pk")
        )
    return entries


def _matches(query):
    vector = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
    return IndexEntry.objects.annotate(vector=vector).filter(
        vector=SearchQuery(query, config=search_config(), search_type="plain")
    )


def expected_matches(query) -> int:
    """How many index entries PostgreSQL expects to match, from its statistics of the GIN
    index's expression (0.2 ms, and close: 55,069 for 55,040, 245 for 221)."""
    sql, params = _matches(query).values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        return cursor.fetchone()[0][0]["Plan"]["Plan Rows"]


class SearchResults:
    """Ranked results with a count known in advance (for the Paginator and the heading)."""

    def __init__(self, results, *, count: int, capped: bool):
        self.results, self._count, self.capped = results, count, capped

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, key):
        return self.results[key]

    def __iter__(self):
        return iter(self.results)


def search_config():
    return settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG", "simple")


def page_text(page) -> str:
    """The readable text of any page: its introduction or description and its StreamFields."""
    parts = []
    intro = getattr(page, "intro", "")
    if isinstance(intro, str) and intro:
        parts.append(intro)
    elif page.search_description:
        parts.append(page.search_description)
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            parts.append(stream_text(getattr(page, field.name)))
    text = " ".join(part for part in parts if part)
    return text.replace(START, "").replace(STOP, "")


def snippets(pages, query) -> list[str]:
    """For each page, the part of its text that matches the query, matches in <mark>: one query."""
    if not pages:
        return []
    texts = [page_text(page) for page in pages]
    config = search_config()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ts_headline(%s::regconfig, t, websearch_to_tsquery(%s::regconfig, %s), %s) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n",
            [config, config, query, HEADLINE_OPTIONS, texts],
        )
        headlines = [row[0] for row in cursor.fetchall()]
    return [
        mark_safe(escape(headline).replace(START, "<mark>").replace(STOP, "</mark>"))
        if START in headline
        else ""
        for headline in headlines
    ]


def attach_buurten(pages) -> None:
    """Load the buurt of every news result at once, for the label under its title."""
    from neighbourhoods.models import NeighbourhoodPage

    ids = {page.buurt_id for page in pages if isinstance(page, NewsPage) and page.buurt_id}
    buurten = NeighbourhoodPage.objects.in_bulk(ids)
    for page in pages:
        if isinstance(page, NewsPage):
            page.buurt = buurten.get(page.buurt_id)
