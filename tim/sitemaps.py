"""The sitemap: an index at /sitemap.xml and one paginated sitemap per section.

Wagtail's own sitemap loads every page as its specific model to ask it for its URL: at 50,000
news items that took seconds and held a worker. Here each section reads plain rows (URL path and
publication date) of one page of results, so a file costs the same few queries whatever the
size of the site, and the index counts the pages of every section in one query. Both are in
the page cache's "sitemap" family (purged with every publish) and answer polls with 304.
"""

import math
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Max
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page, Site

from tim import pagecache
from tim.conditional import conditional_on_content
from tim.urls_helper import absolute_url

URLS_PER_FILE = 1000  # a file of 1,000 URLs renders in well under 200 ms


class SlicePaginator(Paginator):
    """Finds out whether page N exists by reading it, instead of counting the whole section
    first (a count of 50,000 news items cost as much as reading the file's 1,000 rows)."""

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        rows = list(self.object_list[start : start + self.per_page])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return self._get_page(rows, number, self)


def site_pages(root: Page):
    """Live, public pages of the site, in tree order, with the date a crawler is given."""
    return (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .annotate(modified=Coalesce("last_published_at", "latest_revision_created_at"))
        .order_by("path")
    )


class PageSection(Sitemap):
    """The pages of some content types (with `others`: of every type but those), as plain rows,
    with absolute URLs from BASE_URL: one address for crawlers, whatever host they asked."""

    limit = URLS_PER_FILE
    changefreq = "weekly"

    def __init__(self, root: Page, content_types: set[int], *, others: bool = False):
        self.root, self.content_types, self.others = root, content_types, others

    def get_protocol(self, protocol=None):
        return urlsplit(settings.BASE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.BASE_URL).netloc

    def covers(self, content_type_id: int) -> bool:
        return (content_type_id in self.content_types) != self.others

    def items(self):
        pages = site_pages(self.root)
        if self.others:
            pages = pages.exclude(content_type_id__in=self.content_types)
        else:
            pages = pages.filter(content_type_id__in=self.content_types)
        return pages.values("url_path", "slug", "modified")

    @property
    def paginator(self):
        return SlicePaginator(self.items(), self.limit)

    def location(self, row):
        return "/" + row["url_path"][len(self.root.url_path) :]

    def lastmod(self, row):
        return row["modified"]


class BuurtAgendaSection(PageSection):
    """Each buurt's agenda (/<buurt>/agenda/), a view beside the page tree."""

    changefreq = "daily"

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
        root = Site.objects.select_related("root_page").get(is_default_site=True).root_page
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
    return {
        "paginas": PageSection(root, listed, others=True),
        **{name: PageSection(root, ids) for name, ids in content_types.items()},
        "agenda": BuurtAgendaSection(root, {buurt.pk}),
    }


@pagecache.in_family("sitemap")
@conditional_on_content
def index(request):
    """/sitemap.xml: every file of every section with its latest change, as absolute URLs.

    One query counts the pages of each model and finds their latest change, for all sections.
    """
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
        rows = [row for row in summary if section.covers(row["content_type_id"])]
        count = sum(row["count"] for row in rows)
        latest = max((row["latest"] for row in rows if row["latest"]), default=None)
        location = absolute_url(reverse("sitemap_section", kwargs={"section": name}))
        for number in range(1, max(1, math.ceil(count / section.limit)) + 1):
            url = location if number == 1 else f"{location}?p={number}"
            files.append(SitemapIndexItem(url, latest))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml"
    )


@pagecache.in_family("sitemap")
@conditional_on_content
def section(request, section):
    """One file of one section (?p=2 for the next): Django's view, our sections, and a template
    without the whitespace pass and the language alternates (a third of the time at 1,000 URLs)."""
    return sitemap_views.sitemap(
        request, sections(), section=section, template_name="sitemaps/section.xml"
    )
