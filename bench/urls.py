"""The site's URLs plus the two baselines every page is compared with (bench only)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail.models import Page


@never_cache  # a baseline, never served from the page cache
def bare(request):
    return HttpResponse("ok")


@never_cache
def one_query(request):
    """One query on a unique index, one small template."""
    page = Page.objects.only("title", "url_path").get(slug="pottenberg")
    return render(request, "bench/one_query.html", {"page": page})


urlpatterns = [
    path("bench/ok/", bare),
    path("bench/one-query/", one_query),
    path("", include("tim.urls")),
]
