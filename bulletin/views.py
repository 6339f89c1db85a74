"""The bulletin as a page and as a PDF, under the buurt page and the city page (routes.py)."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.models import Page

from . import services


def _language(request) -> str:
    """`?lang=en` prints the English version; otherwise the visitor's language (Dutch first)."""
    asked = request.GET.get("lang", "")
    return asked if asked in dict(settings.LANGUAGES) else translation.get_language()


def _respond(request, area: services.Area, as_pdf: bool):
    language = _language(request)
    with translation.override(language):
        bulletin, document = services.bulletin_for(area=area)
        if as_pdf:
            name = f"buurtbulletin-{area.slug}-{bulletin.first:%Y-%m-%d}.pdf"
            return HttpResponse(
                document.write_pdf(),
                content_type="application/pdf",
                headers={"Content-Disposition": f'inline; filename="{name}"'},
            )
        context = {"bulletin": bulletin, "language": language, "sides": len(document.pages)}
        response = TemplateResponse(request, "bulletin/bulletin.html", context)
        response.render()  # inside the language: the template's strings are translated now
        return response


def buurt_bulletin(page, request):
    return _respond(request, services.Area.of_buurt(page), as_pdf=False)


def buurt_bulletin_pdf(page, request):
    return _respond(request, services.Area.of_buurt(page), as_pdf=True)


def _wijk(slug):
    wijk = services.wijk_from_slug(slug)
    if wijk is None:
        raise Http404
    return services.Area.of_wijk(wijk)


def wijk_bulletin(page, request, wijk):
    return _respond(request, _wijk(wijk), as_pdf=False)


def wijk_bulletin_pdf(page, request, wijk):
    return _respond(request, _wijk(wijk), as_pdf=True)


def short_link(request, page_id):
    """/p/<id>/: the short address printed beside each QR code, for residents who type it."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    return redirect(page.url)
