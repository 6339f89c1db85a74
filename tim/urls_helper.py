"""The one way to make an absolute URL: from BASE_URL, the site's public address.

Emails, feeds, calendars, the sitemap, JSON-LD and exports all leave the request behind (a worker
has none), so none of them may guess the host from a request. In development `make run` sets
BASE_URL from PORT, so links in emails work on whatever port the site runs.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path: str) -> str:
    """`/pottenberg/` → `https://thuisinmaastricht.nl/pottenberg/`; an absolute URL is kept."""
    if urlsplit(path).scheme:
        return path
    return settings.BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def mail_domain() -> str:
    """The host name of BASE_URL, for Message-IDs that are unique to this installation."""
    return urlsplit(settings.BASE_URL).hostname or "localhost"


def page_url(page, request=None) -> str:
    """A Wagtail page's absolute URL on BASE_URL (Wagtail's full_url uses the Site's host)."""
    parts = page.get_url_parts(request)
    return absolute_url(parts[2]) if parts else ""
