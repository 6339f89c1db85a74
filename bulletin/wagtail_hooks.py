"""The bulletin in the admin: the weekly PDFs, and "Print deze week" on a meeting place."""

from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from meetingplaces.models import MeetingPlacePage
from neighbourhoods.models import NeighbourhoodPage

from .models import WeeklyBulletin
from .services import KEEP_WEEKLY


def weekly_list(request):
    """The PDFs of the last four weeks, newest first, each buurt and wijk once per week."""
    context = {
        "header_title": _("Buurtbulletins to print"),
        "bulletins": WeeklyBulletin.objects.select_related("buurt"),
        "weeks": KEEP_WEEKLY.days // 7,
        "buurten": NeighbourhoodPage.objects.live().order_by("title"),
    }
    return TemplateResponse(request, "bulletin/admin/weekly_list.html", context)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("buurtbulletins/", weekly_list, name="bulletin_weekly")]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return MenuItem(
        _("Buurtbulletins"),
        reverse("bulletin_weekly"),
        name="bulletins",
        icon_name="doc-full",
        order=900,
    )


def print_url(buurt) -> str:
    """The newest weekly PDF of the buurt, or (before the first Friday) this week's, made now."""
    weekly = WeeklyBulletin.objects.filter(buurt=buurt).order_by("-first_day").first()
    if weekly:
        return weekly.file.url
    return buurt.url + buurt.reverse_subpage("bulletin_pdf")


@hooks.register("register_page_header_buttons")
def print_this_week(page, user, view_name, next_url=None):
    """ "Print deze week" on a meeting place (for its host) and on a buurt (for its editors)."""
    if page.specific_class not in (MeetingPlacePage, NeighbourhoodPage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    page = page.specific
    buurt = page if isinstance(page, NeighbourhoodPage) else page.buurt
    yield Button(_("Print this week"), print_url(buurt), icon_name="doc-full", priority=11)
