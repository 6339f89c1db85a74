from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from . import health
from .params import local_target


@never_cache
def healthz(request):
    """200 or 503 for a load balancer; what fails, and the figures, only for staff."""
    checks = health.report()
    failing = [name for name, result in checks.items() if not result["ok"]]
    body = {"status": "ok" if not failing else "fail"}
    if request.user.is_staff:
        body.update(failing=failing, checks=checks)
    return JsonResponse(body, status=200 if not failing else 503)


def csrf_failure(request, reason=""):
    """A friendly page in the site's look; Django's own renders without the request."""
    return render(request, "403_csrf.html", status=403)


def ratelimited(request, exception=None):
    """Too many tries of a form (django-ratelimit): the same friendly page allauth shows."""
    return render(request, "429.html", status=429)


def admin_login(request):
    """/beheer/login/ is the residents' login (allauth), which then goes on to the admin.

    So editors have the same rate limits and lockout, and an unverified email address is
    refused and sent a verification link, as for everyone.
    """
    target = local_target(request, request.GET.get("next"), "/beheer/")
    return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


def switch_language(request, language):
    """Remember the chosen language in a cookie and go back to the same page.

    A plain link (GET) rather than Django's POST view, so pages carry no CSRF token and
    stay cacheable for anonymous visitors.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404
    target = local_target(request, request.GET.get("next"), "/")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def bad_request(request, exception=None):
    """400 in the site's look (Django's handler400 renders without the request).

    An `UnreadableInput` says what could not be read; any other bad request (a SuspiciousOperation
    such as a forged host) says only that the address was not understood.
    """
    from .params import UnreadableInput

    message = str(exception) if isinstance(exception, UnreadableInput) else ""
    return render(request, "400.html", {"message": message}, status=400)
