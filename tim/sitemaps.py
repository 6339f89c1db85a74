"""The sitemap: an index at /sitemap.xml and one paginated sitemap per section.

Wagtail's own sitemap loads every page as its specific model to ask it for its URL: at 50,000
news items that took seconds and held a worker. Here each section reads plain rows (URL path and
publication date) of one page of results, so a file costs the same few queries whatever the
size of the site, and the index counts the pages of every section in one query. A file finds
its first row from a kept list of where each file starts, not by skipping the files before it.
Both are in the page cache's "sitemap" family (purged with every publish) and answer polls with
304.
"""

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import Count, Max, Min
from django.db.models.functions import Coalesce, TruncDate
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from wagtail.models import Page, get_page_models

from tim import pagecache
from tim.conditional import conditional_on_content
from tim.kept_site import default_site_home
from tim.params import BIGINT_MAX, read_integer
from tim.urls_helper import absolute_url

URLS_PER_FILE = 1000  # a file of 1,000 URLs renders in well under 200 ms
MAX_PAGE = BIGINT_MAX // URLS_PER_FILE


class SlicePaginator(Paginator):
    """Finds out whether page N exists by reading it, instead of counting the whole section
    first (a count of 50,000 news items cost as much as reading the file's 1,000 rows).
    `prepare` completes the rows of a file at once (their lastmod), in a few queries.

    With `starts` (the tree path each page starts at), page N reads its rows from the path
    index onwards; without, it skips the rows of the pages before it (OFFSET), which at page 51
    meant reading 50,000 rows to throw them away."""

    def __init__(self, object_list, per_page, *, prepare=None, starts=None):
        super().__init__(object_list, per_page)
        self.prepare = prepare or (lambda rows: rows)
        self.starts = starts

    def validate_number(self, number):
        number = read_integer(number, min_value=-BIGINT_MAX, max_value=MAX_PAGE)
        if number is None:  # not ASCII digits, or so far on that the offset leaves bigint
            raise PageNotAnInteger(self.error_messages["invalid_page"])
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number):
        number = self.validate_number(number)
        if self.starts is None:
            start = (number - 1) * self.per_page
            rows = list(self.object_list[start : start + self.per_page])
        else:
            starts = self.starts()
            rows = (
                list(self.object_list.filter(path__gte=starts[number - 1])[: self.per_page])
                if number <= len(starts)
                else []
            )
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return self._get_page(self.prepare(rows), number, self)


def site_pages(root: Page):
    """Live, public pages of the site, in tree order, with the day a crawler is given: of the
    latest change, in the site's time zone. PostgreSQL works the day out; reading 1,000 days
    costs a fraction of reading 1,000 moments with their time zone."""
    return (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .annotate(
            modified=_local_day(
                Coalesce("last_published_at", "latest_revision_created_at", "first_published_at")
            )
        )
        .order_by("path")
    )


def _local_day(moment):
    """The day of a moment in the site's time zone, worked out by PostgreSQL."""
    return TruncDate(moment, tzinfo=timezone.get_current_timezone())


# City pages that list every page of some types, wherever those are in the tree.
CITY_LISTS = {
    "news.CityNewsIndexPage": ["news.NewsPage"],
    "initiatives.AgendaPage": ["initiatives.ActivityPage"],
    "initiatives.VolunteeringPage": ["initiatives.VolunteerCallPage"],
    "meetingplaces.DirectoryPage": ["meetingplaces.MeetingPlacePage"],
}


@dataclass(frozen=True)
class Listings:
    """What pages list, as content type ids: the types that can have pages below them, and the
    city lists with the types they list."""

    parents: frozenset[int]
    city_lists: dict[int, frozenset[int]]


def listings() -> Listings:
    """Read once per request from Django's content type cache (one query in a fresh process)."""
    models = get_page_models()
    types = ContentType.objects.get_for_models(*models)
    by_label = {model._meta.label: types[model].pk for model in models}
    return Listings(
        parents=frozenset(types[model].pk for model in models if model.allowed_subpage_models()),
        city_lists={
            by_label[label]: frozenset(by_label[item] for item in items)
            for label, items in CITY_LISTS.items()
        },
    )


def with_listed_changes(root: Page, rows: list[dict], listings: Listings) -> list[dict]:
    """Each page row's `modified` becomes the latest change of the page or of what it lists: the
    pages below it (the city home, a buurt, an index, an initiative), and for the city lists
    every page of the types they list. A page that was never published through a revision
    (made by a setup command) and lists nothing dated has no date at all: it gets the site's
    earliest change (it is at least that old), or now on a site where nothing was published.

    Two queries for a file with pages that list others, however many rows; none for a file
    of leaves (news items, activities, places)."""
    parents = [row for row in rows if row["content_type_id"] in listings.parents]
    city_lists = [row for row in rows if row["content_type_id"] in listings.city_lists]
    if not parents and not city_lists:
        return rows
    per_type = (
        site_pages(root)
        .order_by()
        .values_list("content_type_id")
        .annotate(latest=Max("modified"), earliest=Min("modified"))
    )
    latest = {type_id: newest for type_id, newest, _oldest in per_type}
    site_latest = _latest(*latest.values())
    earliest = min((oldest for _id, _newest, oldest in per_type if oldest), default=None)
    # The city home lists the whole site: its latest change is the site's.
    below = _latest_below(root, [row for row in parents if row["path"] != root.path])
    for row in rows:
        if row["path"] == root.path:
            row["modified"] = site_latest
        row["modified"] = _latest(row["modified"], below.get(row["path"]))
        for listed in listings.city_lists.get(row["content_type_id"], ()):
            row["modified"] = _latest(row["modified"], latest.get(listed))
        row["modified"] = row["modified"] or earliest or timezone.localdate()
    return rows


def _latest_below(root: Page, parents: list[dict]) -> dict[str, object]:
    """{path: latest change below it} for the parents' paths, in one query: each parent reads
    the range of paths of its subtree from the path index: a tree path (digits and capitals)
    sorts after its parent's and before the parent's followed by Z's, in any collation."""
    if not parents:
        return {}
    pages = site_pages(root).values("path", "modified")
    sql, params = pages.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT parent.path, MAX(page.modified)
                FROM unnest(%s::text[]) AS parent(path)
                JOIN ({sql}) AS page
                  ON page.path > parent.path AND page.path < parent.path || repeat('Z', 255)
                GROUP BY 1""",  # noqa: S608 - the inner SQL is Django's, with its parameters
            [[row["path"] for row in parents], *params],
        )
        return dict(cursor.fetchall())


def _latest(*moments):
    return max(filter(None, moments), default=None)


class PageSection(Sitemap):
    """The pages of some content types (with `others`: of every type but those), as plain rows,
    with absolute URLs from BASE_URL: one address for crawlers, whatever host they asked."""

    limit = URLS_PER_FILE
    changefreq = "weekly"
    fields = ("url_path", "modified")  # what an entry is written from

    def __init__(
        self,
        root: Page,
        content_types: set[int],
        *,
        others: bool = False,
        listings: Listings | None = None,
    ):
        self.root, self.content_types, self.others = root, content_types, others
        self.listings = listings

    def covers(self, content_type_id: int) -> bool:
        return (content_type_id in self.content_types) != self.others

    def items(self):
        pages = site_pages(self.root)
        if self.others:
            pages = pages.exclude(content_type_id__in=self.content_types)
        else:
            pages = pages.filter(content_type_id__in=self.content_types)
        listing = ("path", "content_type_id") if self.lists_others() else ()
        return pages.values(*self.fields, *listing)  # with_listed_changes reads path and type

    def lists_others(self) -> bool:
        """Whether a page of the section may list other pages, so that its day follows theirs
        (with_listed_changes): not in the sections of news items, activities or places."""
        if self.listings is None:
            return False
        listing = self.listings.parents | set(self.listings.city_lists)
        return self.others or not self.content_types.isdisjoint(listing)

    def starts(self) -> list[str]:
        """The tree path of the first page of each file, in one pass over the section's paths."""
        sql, params = self.items().values("path").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT path FROM (
                      SELECT path, row_number() OVER (ORDER BY path) AS number FROM ({sql}) AS page
                    ) AS numbered
                    WHERE number %% %s = 1 ORDER BY path""",  # noqa: S608 - Django's SQL
                [*params, self.limit],
            )
            return [path for (path,) in cursor.fetchall()]

    @property
    def paginator(self):
        """Each file starts where the kept list of starts says (kept until the next publish)."""
        parts = [self.root.path, sorted(self.content_types), self.others]
        return SlicePaginator(
            self.items(),
            self.limit,
            prepare=(lambda rows: with_listed_changes(self.root, rows, self.listings))
            if self.lists_others()
            else None,
            starts=lambda: pagecache.fragment("sitemap-starts", parts, self.starts),
        )

    def get_urls(self, page=1, site=None, protocol=None):
        """The file's entries as XML text, one per row.

        Django's loop made a dict per address through eight attribute lookups and the template
        then read it back: most of the time of a file of 1,000. The text is the same: the
        address (absolute, from BASE_URL) escaped, the day of the latest change, and how often
        it changes. Last-Modified is the audit log's (tim.conditional), as for every poll."""
        base = absolute_url("/").rstrip("/")
        changefreq = f"<changefreq>{escape(self.changefreq)}</changefreq></url>"
        entries = []
        for row in self.paginator.page(page).object_list:
            day = f"<lastmod>{row['modified']}</lastmod>" if row["modified"] else ""
            location = escape(base + self.location(row))
            entries.append(SafeString(f"\n<url><loc>{location}</loc>{day}{changefreq}"))
        return entries

    def location(self, row):
        return "/" + row["url_path"][len(self.root.url_path) :]

    def lastmod(self, row):
        return row["modified"]

    def size(self, summary) -> tuple[int, object]:
        """How many URLs, and the latest change, from the index's one count of all pages.

        Its pages' entries follow what they list, which may be any page: the latest change of
        the file is then the latest of the whole site (an overstatement for a file of leaves)."""
        rows = [row for row in summary if self.covers(row["content_type_id"])]
        latest = max((row["latest"] for row in summary if row["latest"]), default=None)
        return sum(row["count"] for row in rows), latest


class IdeaSection(PageSection):
    """Residents' published ideas (/<buurt>/ideeen/<id>/): rows of their own, not pages; the
    latest change is the newest public answer (a new status), else when the idea was sent."""

    def __init__(self, root: Page):
        super().__init__(root, set())

    def covers(self, content_type_id: int) -> bool:
        return False

    def ideas(self):
        from participation.models import Idea

        return Idea.objects.published().filter(
            buurt__path__startswith=self.root.path, buurt__live=True
        )

    @property
    def paginator(self):
        return SlicePaginator(self.items(), self.limit)  # ordered by id, not by tree path

    def items(self):
        return (
            self.ideas()
            .annotate(modified=_local_day(Coalesce(Max("answers__created_at"), "created_at")))
            .order_by("pk")
            .values("pk", "buurt__url_path", "modified")
        )

    def location(self, row):
        from participation.models import IDEAS_SLUG

        buurt = row["buurt__url_path"][len(self.root.url_path) :]
        return f"/{buurt}{IDEAS_SLUG}/{row['pk']}/"

    def size(self, summary) -> tuple[int, object]:
        totals = self.ideas().aggregate(
            count=Count("pk", distinct=True),
            sent=Max("created_at"),
            answered=Max("answers__created_at"),
        )
        return totals["count"], _latest(totals["sent"], totals["answered"])


class BuurtAgendaSection(PageSection):
    """Each buurt's agenda (/<buurt>/agenda/), a view beside the page tree."""

    changefreq = "daily"
    fields = (*PageSection.fields, "slug")

    def location(self, row):
        return reverse("initiatives:buurt_agenda", kwargs={"buurt_slug": row["slug"]})


SECTIONS = {  # name in the file's address → the page models it lists
    "nieuws": ["news.NewsPage"],
    "initiatieven": ["initiatives.InitiativePage", "initiatives.VolunteerCallPage"],
    "activiteiten": ["initiatives.ActivityPage"],
    "ontmoetingsplekken": ["meetingplaces.MeetingPlacePage"],
}


def sections(root: Page | None = None) -> dict[str, PageSection]:
    """Every section, for the site whose home is `root` (the default site's)."""
    if root is None:
        root = default_site_home()
    content_types = {
        name: {
            content_type.pk
            for content_type in ContentType.objects.get_for_models(
                *(apps.get_model(label) for label in labels)
            ).values()
        }
        for name, labels in SECTIONS.items()
    }
    listed = set().union(*content_types.values())
    buurt = ContentType.objects.get_for_model(apps.get_model("neighbourhoods.NeighbourhoodPage"))
    lists = listings()
    return {
        "paginas": PageSection(root, listed, others=True, listings=lists),
        **{name: PageSection(root, ids, listings=lists) for name, ids in content_types.items()},
        "agenda": BuurtAgendaSection(root, {buurt.pk}, listings=lists),
        "ideeen": IdeaSection(root),
    }


@pagecache.in_family("sitemap")
@conditional_on_content
def index(request):
    """/sitemap.xml: every file of every section with its latest change, as absolute URLs.

    One query counts the pages of each model and finds their latest change, for all sections.
    At city size that count takes longer than the rest of the answer, and it changes only with
    a publish: the list of files is kept as a piece (tim.pagecache), purged with every change.
    """
    files = pagecache.fragment("sitemap-files", [], index_files)
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml"
    )


def index_files() -> list[SitemapIndexItem]:
    all_sections = sections()
    root = next(iter(all_sections.values())).root
    summary = (
        site_pages(root)
        .order_by()
        .values("content_type_id")
        .annotate(count=Count("pk"), latest=Max("modified"))
    )
    files = []
    for name, section in all_sections.items():
        count, latest = section.size(summary)
        location = absolute_url(reverse("sitemap_section", kwargs={"section": name}))
        for number in range(1, max(1, math.ceil(count / section.limit)) + 1):
            url = location if number == 1 else f"{location}?p={number}"
            files.append(SitemapIndexItem(url, latest))
    return files


@pagecache.in_family("sitemap")
@conditional_on_content
def section(request, section):
    """One file of one section (?p=2 for the next): Django's view, our sections writing their
    own entries (PageSection.get_urls), no language alternates."""
    return sitemap_views.sitemap(
        request, sections(), section=section, template_name="sitemaps/section.xml"
    )
