"""Rate limits on what residents write, per account (django-ratelimit, counted in the cache).

Over a limit, django-ratelimit's middleware answers with the site's friendly 429 page
(tim.views.ratelimited). A form sent with htmx gets a short notice put above the form instead,
so what the resident typed stays where it is (htmx does not show a 429 page). Override a limit
in settings: PARTICIPATION_RATE_LIMITS = {"react": "6/m", "react-hour": "40/h", "report": "10/h"}.
"""

import functools

from django.conf import settings
from django.shortcuts import render
from django_htmx.http import reswap
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

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
        @functools.wraps(view)
        def checked(request, *args, **kwargs):
            if getattr(request, "limited", False):
                if getattr(request, "htmx", False):
                    notice = render(request, "components/participation/too_fast.html")
                    return reswap(notice, "afterbegin")
                raise Ratelimited
            return view(request, *args, **kwargs)

        for action in actions:
            checked = ratelimit(
                key="user_or_ip",
                rate=_rate_of(action),
                method="POST",
                group=f"participation.{action}",
                block=False,
            )(checked)
        return checked

    return decorate
