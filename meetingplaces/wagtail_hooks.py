from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, ListingButton

from . import services
from .forms import HoursThisWeekForm
from .models import Correction, HoursChange, MeetingPlacePage
from .reports import UnknownFactsView


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "meetingplaces.confirm_facts",
        _("Confirm facts"),
        _("The host confirmed that the facts are still right"),
    )
    actions.register_action(
        "meetingplaces.change_hours",
        _("Change hours this week"),
        _("The host changed the hours of one day this week (live at once)"),
    )
    actions.register_action(
        "meetingplaces.undo_hours_change",
        _("Undo change of hours"),
        _("The host undid a change of the hours of one day this week"),
    )


@hooks.register("after_publish_page")
def publishing_confirms_the_facts(request, page):
    """A host who publishes the place has just looked at its facts: that counts as a check."""
    if isinstance(page.specific, MeetingPlacePage):
        services.confirm_facts(place=page.specific, user=request.user)


def _editable_place(request, page_id):
    place = get_object_or_404(MeetingPlacePage, pk=page_id)
    if not place.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return place


def this_week_view(request, page_id):
    """ "Vandaag gesloten" or other hours this week: live at once, without waiting for review.

    Every other change of the place (the weekly hours, holidays, the text) keeps its review.
    """
    place = _editable_place(request, page_id)
    today = timezone.localdate()
    form = HoursThisWeekForm(request.POST or None, today=today)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.change_hours_this_week(
            place=place,
            day=data["day"],
            user=request.user,
            closed=form.closed,
            opens=data["opens"],
            closes=data["closes"],
            reason=data["reason"],
        )
        messages.success(request, gettext("Done: the page shows the change now."))
        return redirect("meetingplaces_admin:this_week", place.pk)
    changes = place.hours_changes.filter(start_date__gte=today)
    context = {
        "place": place,
        "form": form,
        "changes": changes,
        "header_title": _("Hours this week"),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[place.pk]),
    }
    return TemplateResponse(request, "meetingplaces/admin/this_week.html", context)


@require_POST
def undo_hours_change_view(request, change_id):
    change = get_object_or_404(HoursChange, pk=change_id)
    _editable_place(request, change.page_id)
    services.undo_hours_change(change=change, user=request.user)
    messages.success(request, gettext("Undone: the usual hours apply again on that day."))
    return redirect("meetingplaces_admin:this_week", change.page_id)


admin_urls = [
    path("deze-week/<int:page_id>/", this_week_view, name="this_week"),
    path("deze-week/ongedaan/<int:change_id>/", undo_hours_change_view, name="undo_hours_change"),
    path("onbekende-gegevens/", UnknownFactsView.as_view(), name="unknown_facts"),
    path(
        "onbekende-gegevens/resultaten/",
        UnknownFactsView.as_view(results_only=True),
        name="unknown_facts_results",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("ontmoetingsplekken/", include((admin_urls, "meetingplaces_admin")))]


@hooks.register("register_reports_menu_item")
def register_unknown_facts_report():
    return MenuItem(
        _("Unknown facts of meeting places"),
        reverse("meetingplaces_admin:unknown_facts"),
        name="meetingplaces-unknown-facts",
        icon_name="help",
        order=810,
    )


def _can_change_hours(page, user):
    return page.specific_class is MeetingPlacePage and page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    if _can_change_hours(page, user):
        url = reverse("meetingplaces_admin:this_week", args=[page.pk])
        yield Button(_("Closed today or other hours"), url, icon_name="time", priority=11)


@hooks.register("register_page_listing_buttons")
def page_listing_buttons(page, user, next_url=None):
    if _can_change_hours(page, user):
        url = reverse("meetingplaces_admin:this_week", args=[page.pk])
        yield ListingButton(_("Hours this week"), url, icon_name="time", priority=20)


class CorrectionViewSet(ModelViewSet):
    """What visitors wrote ("Klopt er iets niet?"), for the Moderatoren; hosts get it by email."""

    model = Correction
    icon = "help"
    menu_label = _("Corrections from visitors")
    menu_order = 890
    add_to_admin_menu = True
    url_prefix = "verbeteringen"
    inspect_view_enabled = True
    list_display = ["page", "message", "name", "email", "created_at"]
    search_fields = ["message", "name", "email"]
    inspect_view_fields = ["page", "message", "name", "email", "sent_to", "created_at"]
    ordering = ["-created_at"]
    form_fields = []  # read only: visitors write these, nobody edits them


@hooks.register("register_admin_viewset")
def register_correction_viewset():
    return CorrectionViewSet("verbeteringen")
