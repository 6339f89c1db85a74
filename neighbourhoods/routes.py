"""Sub-URLs that the apps standing on neighbourhoods add under the buurt page and the city page.

Sub-URLs under a page belong to the page through Wagtail's RoutablePageMixin, but a page here
cannot name the views of apps above it with `@path`: neighbourhoods must not import them. The
pages take `RegisteredRoutesMixin` instead, and an app adds its routes in AppConfig.ready():

    routes.register(NeighbourhoodPage, "bulletin/", views.buurt_bulletin, name="bulletin")

The view is called like a `@path` method, with the page first: `view(page, request, **kwargs)`;
`page.reverse_subpage("bulletin")` gives its address below the page.
"""

from django.urls import path
from wagtail.contrib.routable_page.models import RoutablePageMixin

_registered: dict[type, list] = {}


class RegisteredRoutesMixin(RoutablePageMixin):
    """RoutablePageMixin whose routes are the page's own `@path` methods plus the registered."""

    @classmethod
    def get_subpage_urls(cls):
        return (*super().get_subpage_urls(), *_registered.get(cls, ()))

    def serve(self, request, view=None, args=None, kwargs=None):
        """The page itself is served as without the mixin (BasePage.serve: cache families)."""
        if view is None or view == self.index_route:
            return super(RoutablePageMixin, self).serve(request, *(args or ()), **(kwargs or {}))
        return super().serve(request, view, args, kwargs)


def register(page_class, route: str, view, *, name: str) -> None:
    """Answer `route` (Django path syntax, relative to the page, ending in "/") with `view`."""
    _registered.setdefault(page_class, []).append(path(route, view, name=name))
    # The resolver is built once per class: a route registered after a first request joins too.
    if "_routablepage_urlresolver" in page_class.__dict__:
        del page_class._routablepage_urlresolver
