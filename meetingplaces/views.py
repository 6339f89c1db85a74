import json

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from tim.ratelimits import limit_form_posts

from . import hsds, services
from .forms import CorrectionForm


def hsds_json(request):
    response = HttpResponse(hsds.kept_json(request), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def hsds_csv(request):
    package = hsds.csv_package(json.loads(hsds.kept_json(request)))
    response = HttpResponse(package, content_type="application/zip")
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


@require_http_methods(["GET", "POST"])
@limit_form_posts
def correction(request, page_id):
    """A visitor's "Klopt er iets niet, of weet je dit?" about a place or an initiative.

    The page links here (a form on the page itself would keep it out of the page cache); with an
    error the form is shown again on this address, which a reload, the language switch or the
    login link can open with GET.
    """
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not getattr(page, "accepts_corrections", False):
        raise Http404
    form = CorrectionForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        services.send_correction(page=page, **form.cleaned_data)
        messages.success(
            request,
            _("Thank you! Your message goes to %(who)s. They check it and change the page.")
            % {"who": services.who_hears_of_corrections(page)},
        )
        return redirect(page.url)
    context = {"page": page, "form": form, "who": services.who_hears_of_corrections(page)}
    return render(request, "pages/correction.html", context)
