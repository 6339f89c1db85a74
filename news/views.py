from django.shortcuts import render

from tim.pagination import paginate
from tim.params import require_readable

from . import search as site_search
from .forms import SearchForm

RESULTS_PER_PAGE = 10


def search(request):
    """/zoeken/: full-text search in Dutch, filtered by buurt and kind, with snippets."""
    form = require_readable(SearchForm(request.GET))
    terms = form.terms()
    page = None
    if terms["query"]:
        results = site_search.search_pages(terms["query"], buurt=terms["buurt"], kind=terms["kind"])
        page = paginate(request, results, RESULTS_PER_PAGE)
        hits = list(page.object_list)
        site_search.attach_buurten(hits)
        page.hits = list(zip(hits, site_search.snippets(hits, terms["query"]), strict=True))
    return render(
        request,
        "pages/search.html",
        {
            "form": form,
            "query": terms["query"],
            "results": page,
            "filtered": terms["buurt"] or terms["kind"],
        },
    )
