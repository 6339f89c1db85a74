"""The <head> tags for machines (tim.metadata): one tag in base.html, one per list page."""

from django import template

from tim import metadata, pagecache

register = template.Library()


@register.inclusion_tag("components/metadata/page_meta.html", takes_context=True)
def page_meta(context):
    """Canonical address, Open Graph, Twitter card and the BreadcrumbList of the page."""
    return metadata.page_meta(context)


def _shown(item):
    """What a list entry stands for: an occurrence in the agenda is its activity."""
    return getattr(item, "activity", item)


def _address(shown, request) -> str:
    """A page's address with the request, whose site paths Wagtail reads once: `page.url`
    reads them from the cache again for every page of the list. An idea is not a page."""
    return shown.get_url(request) if hasattr(shown, "get_url") else shown.url


@register.simple_tag(takes_context=True)
def collection_json_ld(context, items, name=None):
    """CollectionPage JSON-LD of a list page: `items` are the pages (or anything with a title
    and a url) it shows, a paginated page of them keeps its position numbers."""
    request = context["request"]
    page = context.get("page")
    first = items.start_index() if hasattr(items, "start_index") else 1
    for item in items:  # an occurrence leaves the list when it ends, and so from this list
        pagecache.valid_until(getattr(item, "ends_at", None))
    return metadata.json_ld(
        metadata.collection_page(
            name=name or (page.title if page is not None else context.get("meta_title", "")),
            url=request.path,
            items=[
                (metadata.title_of(shown), _address(shown, request)) for shown in map(_shown, items)
            ],
            first=first,
        )
    )
