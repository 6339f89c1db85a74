"""The one paginator of the site: every list pages the same way, with `?pagina=` in the address."""

from django.core.paginator import Paginator

PAGE_PARAMETER = "pagina"


def paginate(request, items, per_page: int, *, parameter: str = PAGE_PARAMETER):
    """One page of a listing; a missing, wrong or too high page number gives the nearest page.

    A second listing on a page (the reactions under a news item) passes its own `parameter`.
    """
    return Paginator(items, per_page).get_page(request.GET.get(parameter))
