"""The pages above a page: one read for routing, the breadcrumb trail and the page's buurt.

Wagtail routes /pottenberg/nieuws/koffie/ one level at a time, with a query for the child by slug
and one for its own type at every level. Here the pages on the rest of the path come at once (by
their `url_path`, one query), and only the pages that route themselves are read as their own
type (the buurt, with its sub-routes, and the page served: one query each). Routing stays
Wagtail's: a RoutablePageMixin page tries its sub-routes first, only the last page must be live.
The page that is served keeps the pages above it, so the trail and the buurt cost nothing more.
"""

from django.apps import apps
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

BUURT_DEPTH = 3  # the city home is at depth 2, its buurten below it


def next_on_path(request, parent, path_components: list[str]):
    """The next page below `parent` on the path that routes itself, and the path left below it.

    That is the last page of the path, or a page with sub-routes of its own (RoutablePageMixin);
    those come as their own type. The pages passed on the way (a buurt's news index) stay plain
    pages: their type is not needed. Every page knows the pages above it. Raises Http404 when a
    page on the path is missing."""
    found = _pages_on_path(request, parent, path_components)
    page = parent
    for depth, slug in enumerate(path_components, start=1):
        child = found.get(f"{page.url_path}{slug}/")
        if child is None or child.depth != parent.depth + depth:
            raise Http404
        child._cached_parent_obj = page
        child._pages_above = [*getattr(page, "_pages_above", []), page]
        rest = path_components[depth:]
        if not rest or _routes_itself(child):
            child = child.specific  # keeps what was set on the plain page
            _fill_links_up(child)
            return child, rest
        page = child
    raise Http404


def _pages_on_path(request, parent, path_components) -> dict[str, Page]:
    """The plain pages on the rest of the path, by url_path: one query per request and parent."""
    found = getattr(request, "_tim_pages_on_path", None)
    if found is None:
        found = request._tim_pages_on_path = {}
    if f"{parent.url_path}{path_components[0]}/" not in found:
        prefixes = [
            parent.url_path + "/".join(path_components[: end + 1]) + "/"
            for end in range(len(path_components))
        ]
        below = Page.objects.filter(  # the slug has an index, the url_path has none
            slug__in=set(path_components), url_path__in=prefixes, path__startswith=parent.path
        )
        found.update((page.url_path, page) for page in below)
    return found


def _routes_itself(page) -> bool:
    """Whether the page's own type routes what lies below it: sub-routes, or a route of its own
    (every other page type routes as BasePage does, which is what next_on_path does)."""
    from tim.models import BasePage

    cls = page.specific_class
    return cls is None or issubclass(cls, RoutablePageMixin) or cls.route is not BasePage.route


def _fill_links_up(page) -> None:
    """A page's foreign keys to a page above it (a news item's buurt) need no query either."""
    above = {above.pk: above for above in page._pages_above}
    for field in page._meta.concrete_fields:
        if field.many_to_one and getattr(page, field.attname) in above:
            linked = above[getattr(page, field.attname)]
            if isinstance(linked, field.related_model):
                field.set_cached_value(page, linked)


def single_page(model):
    """The live page of a type the site has one of (the agenda, the city news, the directory).

    Read from that type's own table, which has one row: in Wagtail's order (the tree path)
    PostgreSQL walked all pages of the site to find it, 30 ms at city size."""
    return model.objects.live().order_by("pk").first()


def pages_above(page) -> list[Page] | None:
    """The pages above a routed page, from the site's home down (those passed on the way as
    plain pages, the others as their own types); None for a page that was read some other way."""
    return page.__dict__.get("_pages_above")


def buurt_of(page):
    """The buurt a page lies in, or is; None for city pages. No query for a routed page."""
    buurt_model = apps.get_model("neighbourhoods", "NeighbourhoodPage")
    if isinstance(page, buurt_model):
        return page
    if page is None or not page.path or page.depth <= BUURT_DEPTH:
        return None
    path = page.path[: BUURT_DEPTH * page.steplen]
    for above in pages_above(page) or []:
        if above.path == path:
            return above if isinstance(above, buurt_model) else None
    return buurt_model.objects.filter(path=path).first()
