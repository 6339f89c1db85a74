"""The host's view of sign-ups and offers of help, inside the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from .models import ActivityPage, Occurrence, SignUp, VolunteerCallPage
from .reports import InitiativesWithoutHostView


def _editable(model, request, page_id):
    page = get_object_or_404(model, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def signups_view(request, page_id):
    """Everyone who signed up for the coming (and last month's) occurrences of an activity."""
    activity = _editable(ActivityPage, request, page_id)
    occurrences = (
        Occurrence.objects.filter(activity=activity, signups__isnull=False)
        .distinct()
        .order_by("starts_at")
        .prefetch_related("signups")
    )
    context = {
        "activity": activity,
        "occurrences": occurrences,
        "Status": SignUp.Status,
        "header_title": _("Sign-ups"),
    }
    return TemplateResponse(request, "initiatives/admin/signups.html", context)


def responses_view(request, page_id):
    call = _editable(VolunteerCallPage, request, page_id)
    context = {"call": call, "responses": call.responses.all(), "header_title": _("Offers of help")}
    return TemplateResponse(request, "initiatives/admin/responses.html", context)


admin_urls = [
    path("aanmeldingen/<int:page_id>/", signups_view, name="signups"),
    path("hulp/<int:page_id>/", responses_view, name="responses"),
    path("zonder-adres/", InitiativesWithoutHostView.as_view(), name="without_host"),
    path(
        "zonder-adres/resultaten/",
        InitiativesWithoutHostView.as_view(results_only=True),
        name="without_host_results",
    ),
]


@hooks.register("register_reports_menu_item")
def register_without_host_report():
    return MenuItem(
        _("Initiatives without a host address"),
        reverse("initiatives_admin:without_host"),
        name="initiatives-without-host",
        icon_name="mail",
        order=800,
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("initiatieven/", include((admin_urls, "initiatives_admin")))]


def _buttons(page, user, priority):
    if not page.permissions_for_user(user).can_edit():
        return
    if page.specific_class is ActivityPage:
        url = reverse("initiatives_admin:signups", args=[page.pk])
        yield Button(_("Sign-ups"), url, icon_name="group", priority=priority)
    elif page.specific_class is VolunteerCallPage:
        url = reverse("initiatives_admin:responses", args=[page.pk])
        yield Button(_("Offers of help"), url, icon_name="group", priority=priority)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    yield from _buttons(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    yield from _buttons(page, user, priority=3)
