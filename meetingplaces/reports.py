"""A report for hosts, editors and Moderatoren: places whose access facts are still unknown.

"Rolstoeltoegankelijk" finds only places where someone answered the question; this list puts
the places with the most "not known" answers first, so they are filled in first.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import MeetingPlacePage


class UnknownFactsView(ReportView):
    page_title = _("Unknown facts")
    header_icon = "help"
    index_url_name = "meetingplaces_admin:unknown_facts"
    index_results_url_name = "meetingplaces_admin:unknown_facts_results"
    permission_policy = PagePermissionPolicy()
    permission_required = "change"
    model = MeetingPlacePage
    list_export = ["title", "unknown_count"]
    export_headings = {"title": _("Meeting place"), "unknown_count": _("Access facts not known")}
    columns = [
        TitleColumn(
            "title", label=_("Meeting place"), url_name="wagtailadmin_pages:edit", sort_key=None
        ),
        Column("unknown_count", label=_("Access facts not known (of 6)")),
        Column("correction_count", label=_("Corrections from visitors")),
    ]

    def get_queryset(self):
        from django.db.models import Count

        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).type(MeetingPlacePage)
        return (
            MeetingPlacePage.objects.filter(pk__in=pages.values("pk"))
            .unknown_facts_first()
            .annotate(correction_count=Count("corrections"))
        )
