"""The one paginator of the site: every list pages the same way, with `?pagina=` in the address."""

from django.core.paginator import Paginator

PAGE_PARAMETER = "pagina"


def paginate(request, items, per_page: int, *, parameter: str = PAGE_PARAMETER):
    """One page of a listing; a missing, wrong or too high page number gives the nearest page.

    A second listing on a page (the reactions under a news item) passes its own `parameter`.
    """
    return Paginator(items, per_page).get_page(request.GET.get(parameter))


def page_links(request, page_obj, *, parameter: str = PAGE_PARAMETER, anchor: str = "") -> dict:
    """The addresses of the previous and next page ("" where there is none), keeping the
    filters and any other listing's page number that are in the address."""

    def url_for(number):
        query = request.GET.copy()
        query[parameter] = number
        return f"?{query.urlencode()}{anchor}"

    has_previous = page_obj is not None and page_obj.has_previous()
    has_next = page_obj is not None and page_obj.has_next()
    return {
        "previous_url": url_for(page_obj.previous_page_number()) if has_previous else "",
        "next_url": url_for(page_obj.next_page_number()) if has_next else "",
    }
