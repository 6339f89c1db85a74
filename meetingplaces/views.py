from django.contrib import messages
from django.core import signing
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import hsds, services


def hsds_json(request):
    response = JsonResponse(hsds.export(request), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def hsds_csv(request):
    response = HttpResponse(hsds.csv_package(hsds.export(request)), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="ontmoetingsplekken-hsds.zip"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The host's link from the reminder: the facts at a glance and one button to confirm.

    A GET never confirms: mail scanners open links before the host does.
    """
    try:
        place = services.place_for_token(token)
    except (signing.BadSignature, services.MeetingPlacePage.DoesNotExist):
        return render(request, "pages/meeting_place_confirm_invalid.html", status=400)
    if request.method == "POST":
        user = request.user if request.user.is_authenticated else None
        services.confirm_facts(place=place, user=user)
        messages.success(
            request, _("Thank you! The facts of %(place)s are confirmed.") % {"place": place.title}
        )
        return redirect(place.url)
    return render(request, "pages/meeting_place_confirm.html", {"place": place})
