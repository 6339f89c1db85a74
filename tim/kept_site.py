"""The Site that answers a request, with its home page as its own type: kept, not asked for.

To serve a page (and for the pages API) Wagtail asks PostgreSQL which Site answers the host, and
routing then reads the home page as its own type: two queries on every page, and their answer
changes a few times a year. Here both are one kept piece (tim.pagecache): renewed by every
publish (the home page may be the one published) and when a Site is saved or deleted
(pagecache's shared-content purge), and read from PostgreSQL again while Redis is away.
Views that do not ask for the Site (robots.txt, the error pages) still touch neither. The
sitemap, which always describes the default Site, keeps that Site's home the same way.
"""

from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from tim import pagecache


class KeptSiteMiddleware:
    """Gives Wagtail's page view the request's Site before it asks (Site.find_for_request
    reads `request._wagtail_site` first). It sits after CommonMiddleware, which turned away a
    host that ALLOWED_HOSTS does not name: no stranger's host becomes a kept piece."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve:
            remember_site(request)


def remember_site(request) -> None:
    """Sets the kept Site on a Django request, for every later Site.find_for_request."""
    if hasattr(request, "_wagtail_site"):
        return
    hostname = split_domain_port(request.get_host())[0]
    port = request.get_port()
    request._wagtail_site = pagecache.fragment(
        "site", [hostname, port], lambda: _site_with_home(hostname, port)
    )


def _site_with_home(hostname: str, port) -> Site | None:
    """Wagtail's choice of Site for the host and port, with its home page as its own type."""
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    site.root_page = site.root_page.specific
    return site


def default_site_home():
    """The default Site's home page (the sitemap's root), kept as a piece in the same way."""
    return pagecache.fragment(
        "default-site-home",
        [],
        lambda: Site.objects.select_related("root_page").get(is_default_site=True).root_page,
    )
