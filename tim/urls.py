from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import pagecache, site_files, sitemaps, views
from .api import api_router
from .conditional import conditional_on_content
from .ratelimits import limit_password_tries


def sitemap_view(view):
    """304 for crawlers that ask again; in the page cache, dropped with every published page."""
    return pagecache.in_family("sitemap")(conditional_on_content(view))


urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", site_files.robots_txt, name="robots_txt"),
    path("manifest.webmanifest", site_files.web_app_manifest, name="web_app_manifest"),
    path("favicon.ico", site_files.favicon_ico, name="favicon_ico"),
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

if settings.DEBUG or settings.ENVIRONMENT == "development":
    # Uploads from MEDIA_ROOT in development, also with DEBUG off (to see the 404 and 500 pages).
    from django.urls import re_path
    from django.views.static import serve

    media = settings.MEDIA_URL.strip("/")
    uploads = {"document_root": settings.MEDIA_ROOT}
    urlpatterns += [re_path(rf"^{media}/(?P<path>.*)$", serve, uploads)]

urlpatterns += [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        limit_password_tries(wagtail_views.authenticate_with_password),
    ),
    path("", include(wagtail_urls)),
]

handler400 = "tim.views.bad_request"  # what the site cannot read: 400 in its look (tim/params)
