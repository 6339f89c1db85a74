from django.conf import settings
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from . import health


@never_cache
def healthz(request):
    checks = health.report()
    failing = [name for name, result in checks.items() if not result["ok"]]
    return JsonResponse(
        {"status": "ok" if not failing else "fail", "failing": failing, "checks": checks},
        status=200 if not failing else 503,
    )


def csrf_failure(request, reason=""):
    """A friendly page in the site's look; Django's own renders without the request."""
    return render(request, "403_csrf.html", status=403)


def switch_language(request, language):
    """Remember the chosen language in a cookie and go back to the same page.

    A plain link (GET) rather than Django's POST view, so pages carry no CSRF token and
    stay cacheable for anonymous visitors.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
