"""The Content-Security-Policy of each part of the site (django-csp), and the nonce templates use.

The public site runs no inline script: every script is a static file, htmx is configured with a
meta tag, the map reads its places from a JSON data block. So its policy allows scripts from
this origin only (plus the request's nonce), styles from this origin only, and one third-party
host: the map tiles. The policy lives in settings.CONTENT_SECURITY_POLICY.

Wagtail's admin (/beheer/) is a separate application with inline scripts of its own (date
pickers, inline panels, scripts that modal choosers load with their HTML) and inline styles,
which a nonce cannot reach; it gets settings.TIM_ADMIN_CONTENT_SECURITY_POLICY, which allows
those but keeps every third-party host, plugin and foreign frame out. Only logged-in editors
see it, and nothing a resident writes is rendered there unsanitised.

The middleware sits outside the page cache (tim/pagecache.py): a stored page is sent with a
fresh header that names no nonce at all, so a nonce in a shared page can never be replayed.
That is also why public pages must not need one: an inline `<script nonce>` on a cacheable page
would be blocked on every cache hit. Pages that are never shared (forms, accounts) may use
`{{ csp_nonce }}`.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.functional import cached_property

ADMIN_PREFIX = "/beheer/"


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, for HTML only, with the admin's policy under /beheer/ and the
    origin of the uploads (an S3 bucket or CDN, when one is configured) allowed for images."""

    def process_response(self, request, response):
        # Only documents a browser renders run scripts: a PDF (Chromium's viewer is a plugin
        # that object-src 'none' would block), a feed or JSON keeps no policy.
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.TIM_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if self.media_origin:
            parts.update = {**(parts.update or {})}
            parts.update["img-src"] = [*parts.update.get("img-src", []), self.media_origin]
        return parts

    @cached_property
    def media_origin(self) -> str | None:
        """Where uploaded photos are served from, when that is not this site itself."""
        url = urlsplit(default_storage.url("probe.jpg"))
        return f"{url.scheme}://{url.netloc}" if url.netloc else None


def nonce(request) -> dict:
    """The request's CSP nonce as `csp_nonce`, the name Django 6 and django-htmx use."""
    return {"csp_nonce": getattr(request, "csp_nonce", "")}
