"""The files every public site has at its root: robots.txt, the web app manifest, /favicon.ico.

The icons themselves are static files (static/tim/icons/): favicon.svg is the source, the PNGs and
the ICO were rendered from it with Chromium. These views only point at them, through `static()`,
so the hashed names of production are used.
"""

import json

from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .urls_helper import absolute_url

THEME_COLOUR = "#a3001e"  # --color-primary in static/css/tim.css
BACKGROUND_COLOUR = "#ffffff"  # --color-bg

# Addresses that are one person's (their account, their sign-up or unsubscribe link), the
# editors' admin, or endless combinations of one list (search results); nothing to index there.
PRIVATE_PATHS = [
    "/beheer/",
    "/account/",
    "/mijn-account/",
    "/taal/",
    "/zoeken/",
    "/volgen/",
    "/afmelden/",
    "/aanmelden/",
    "/meehelpen/",
    "/reageren/",
    "/reacties/",
    "/ontmoetingsplekken/bevestigen/",
    "/_util/",
    "/healthz",
]


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in PRIVATE_PATHS), ""]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def web_app_manifest(request):
    """What a phone shows when a resident adds the site to the home screen."""
    manifest = {
        "name": "Thuis in Maastricht",
        "short_name": "TIM",
        "description": "De buurtwebsite van Maastricht: nieuws, activiteiten, "
        "ontmoetingsplekken en vrijwilligerswerk in je buurt.",
        "lang": "nl",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "minimal-ui",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static("tim/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("tim/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("tim/icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("tim/icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(
        json.dumps(manifest, ensure_ascii=False, indent=2),
        content_type="application/manifest+json",
    )


@require_safe
def favicon_ico(request):
    """Browsers ask for /favicon.ico whatever the page links to; send them to the static file."""
    response = HttpResponseRedirect(static("tim/icons/favicon.ico"))
    patch_cache_control(response, public=True, max_age=24 * 3600)
    return response
