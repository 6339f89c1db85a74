"""Rate limits on what residents write, per account (django-ratelimit, counted in the cache).

Over a limit, django-ratelimit's middleware answers with the site's friendly 429 page
(tim.views.ratelimited). Override a limit in settings:
PARTICIPATION_RATE_LIMITS = {"react": "6/m", "react-hour": "40/h", "report": "10/h"}.
"""

from django.conf import settings
from django_ratelimit.decorators import ratelimit

DEFAULT_RATES = {
    "react": "6/m",  # a quick back-and-forth is fine, a flood is not
    "react-hour": "40/h",
    "report": "10/h",
}


def _rate_of(action: str):
    def rate(group, request):
        return {**DEFAULT_RATES, **getattr(settings, "PARTICIPATION_RATE_LIMITS", {})}[action]

    return rate


def limit(*actions: str):
    """Decorate a view: every POST counts once against each action's limit."""

    def decorate(view):
        for action in actions:
            view = ratelimit(
                key="user_or_ip",
                rate=_rate_of(action),
                method="POST",
                group=f"participation.{action}",
            )(view)
        return view

    return decorate
