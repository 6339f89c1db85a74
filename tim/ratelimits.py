"""Rate limits on what anyone can send without an account (django-ratelimit, in the cache).

Logins, sign-ups for an account and password resets are limited by allauth
(ACCOUNT_RATE_LIMITS). Everything else a visitor can post is limited here: per account or IP
address, and per email address where the form asks for one, so nobody can flood a host with
sign-ups or an address with confirmation emails. Over a limit, RatelimitMiddleware answers
with the friendly 429 page (tim.views.ratelimited).
"""

from allauth.account.adapter import get_adapter
from django_ratelimit.decorators import ratelimit

PER_IP = "10/10m"  # per account, or per IP address without one
PER_ADDRESS = "5/h"
PASSWORD_PER_IP = "10/10m"  # right or wrong, ten tries per ten minutes


def client_ip(request) -> str:
    """The visitor's IP address as allauth sees it (RATELIMIT_IP_META_KEY): behind a proxy,
    ALLAUTH_TRUSTED_PROXY_COUNT tells both rate limiters which address is the visitor's."""
    return get_adapter(request).get_client_ip(request)


def typed_address(group, request) -> str:
    return request.POST.get("email", "").strip().lower()


def address_rate(group, request) -> str | None:
    """Only a post that carries an email address counts against that address."""
    return PER_ADDRESS if typed_address(group, request) else None


def limit_form_posts(view):
    """The limits of a form anyone can post: per account or IP, and per email address."""
    view = ratelimit(key=typed_address, rate=address_rate, method="POST")(view)
    return ratelimit(key="user_or_ip", rate=PER_IP, method="POST")(view)


def limit_password_tries(view):
    """Wagtail's form for a page behind a password."""
    return ratelimit(key="ip", rate=PASSWORD_PER_IP, method="POST")(view)
