from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import pagecache, sitemaps, views
from .api import api_router
from .conditional import conditional_on_content
from .ratelimits import limit_password_tries


def sitemap_view(view):
    """304 for crawlers that ask again; in the page cache, dropped with every published page."""
    return pagecache.in_family("sitemap")(conditional_on_content(view))


urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("beheer/login/", views.admin_login, name="admin_login"),
    path("beheer/password_reset/", RedirectView.as_view(pattern_name="account_reset_password")),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/", include("allauth.urls")),
    path("taal/<str:language>/", views.switch_language, name="switch_language"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap_view(sitemaps.index), name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_view(sitemaps.section), name="sitemap_section"),
    path("", include("accounts.urls")),
    path("", include("notifications.urls")),
    path("", include("news.urls")),
    path("", include("meetingplaces.urls")),
    path("", include("initiatives.urls")),
    path("", include("participation.urls")),
    path("", include("bulletin.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        limit_password_tries(wagtail_views.authenticate_with_password),
    ),
    path("", include(wagtail_urls)),
]
