"""The host's view of sign-ups and offers of help, inside the Wagtail admin.

A host finds "Aanmeldingen" on the dashboard, as a button on each activity in the page list and
on the activity's edit page: never only in a "…" menu.
"""

import csv

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button, ListingButton

from .models import LOCAL_TZ, ActivityPage, Occurrence, SignUp, VolunteerCallPage
from .reports import InitiativesWithoutHostView


def _editable(model, request, page_id):
    page = get_object_or_404(model, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def _counted(occurrences):
    """Each occurrence with how many signed up, wait, wait for their email, or cancelled."""
    Status = SignUp.Status
    return occurrences.annotate(
        confirmed=Count("signups", filter=Q(signups__status=Status.CONFIRMED)),
        waiting=Count("signups", filter=Q(signups__status=Status.WAITING)),
        pending=Count("signups", filter=Q(signups__status=Status.PENDING)),
        cancelled=Count("signups", filter=Q(signups__status=Status.CANCELLED)),
    )


def signups_view(request, page_id):
    """Per date how many signed up (with the names, for the host only), and a CSV export."""
    activity = _editable(ActivityPage, request, page_id)
    occurrences = _counted(
        Occurrence.objects.filter(activity=activity, signups__isnull=False)
        .distinct()
        .order_by("starts_at")
        .prefetch_related("signups")
    )
    if request.GET.get("export") == "csv":
        return _signups_csv(activity, occurrences)
    initiative = activity.get_parent()
    context = {
        "activity": activity,
        "occurrences": occurrences,
        "Status": SignUp.Status,
        "header_title": _("Sign-ups"),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[activity.pk]),
        "explore_url": reverse("wagtailadmin_explore", args=[initiative.pk]),
        "initiative": initiative,
    }
    return TemplateResponse(request, "initiatives/admin/signups.html", context)


def _signups_csv(activity, occurrences):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(activity.title) or "activiteit"
    response["Content-Disposition"] = f'attachment; filename="aanmeldingen-{name}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Date"), _("Time"), _("Name"), _("Email address"), _("Status"), _("Signed up at")]
    )
    for occurrence in occurrences:
        starts = timezone.localtime(occurrence.starts_at, LOCAL_TZ)
        for signup in occurrence.signups.all():
            writer.writerow(
                [
                    f"{starts:%Y-%m-%d}",
                    f"{starts:%H:%M}",
                    signup.name,
                    signup.email,
                    signup.get_status_display(),
                    f"{timezone.localtime(signup.created_at, LOCAL_TZ):%Y-%m-%d %H:%M}",
                ]
            )
    return response


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


def _buttons(page, user, priority, button_class=Button):
    if not page.permissions_for_user(user).can_edit():
        return
    if page.specific_class is ActivityPage:
        url = reverse("initiatives_admin:signups", args=[page.pk])
        yield button_class(_("Sign-ups"), url, icon_name="group", priority=priority)
    elif page.specific_class is VolunteerCallPage:
        url = reverse("initiatives_admin:responses", args=[page.pk])
        yield button_class(_("Offers of help"), url, icon_name="group", priority=priority)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    yield from _buttons(page, user, priority=12)


@hooks.register("register_page_listing_buttons")
def page_listing_buttons(page, user, next_url=None):
    """Beside "Edit" in the page list, not hidden in the "…" menu."""
    yield from _buttons(page, user, priority=20, button_class=ListingButton)


class SignupsPanel(Component):
    """The host's dashboard: the activities they own that take sign-ups, with the coming count.

    Only their own (Wagtail's page owner): a Moderator's dashboard does not list the city.
    """

    name = "aanmeldingen"
    order = 90
    template_name = "initiatives/admin/signups_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        upcoming = Q(
            occurrences__starts_at__gte=timezone.now(),
            occurrences__signups__status=SignUp.Status.CONFIRMED,
        )
        activities = (
            ActivityPage.objects.filter(owner=self.user, signup_required=True)
            .annotate(coming=Count("occurrences__signups", filter=upcoming))
            .order_by("title")
        )
        return {"activities": activities}

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["activities"]:
            return ""
        return super().render_html(parent_context)


@hooks.register("construct_homepage_panels")
def add_signups_panel(request, panels):
    panels.append(SignupsPanel(request.user))
