"""What a volunteer editor meets in the admin: their own pages with a plain status, and the
Dutch manual (instead of Wagtail's English guide).

An editor writes a few items a year; the dashboard must answer "where is my item?" in one line
per page, in words they use: concept, wacht op goedkeuring, teruggestuurd, op de site.
"""

from django.contrib.auth.decorators import permission_required
from django.db.models import Q
from django.shortcuts import render
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState, get_default_page_content_type

YOUR_PAGES_SHOWN = 10

STATUS_WAITING = _("Waiting for approval")
STATUS_SENT_BACK = _("Sent back: change it and offer it again")
STATUS_DRAFT = _("Draft: not on the site yet")
STATUS_CHANGED = _("On the site, with changes that are not online yet")
STATUS_LIVE = _("On the site")


def page_status(page, workflow_status: str | None) -> str:
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        return STATUS_WAITING
    if workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return STATUS_SENT_BACK
    if not page.live:
        return STATUS_DRAFT
    return STATUS_CHANGED if page.has_unpublished_changes else STATUS_LIVE


def your_pages(user) -> list[tuple[Page, str]]:
    """The pages the user made or last changed, newest first, each with its status in words."""
    pages = list(
        Page.objects.filter(Q(owner=user) | Q(latest_revision__user=user), depth__gt=2)
        .order_by("-latest_revision_created_at", "-pk")
        .distinct()[:YOUR_PAGES_SHOWN]
    )
    workflow = dict(
        WorkflowState.objects.filter(
            base_content_type=get_default_page_content_type(),
            object_id__in=[str(page.pk) for page in pages],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values_list("object_id", "status")
    )
    return [(page, page_status(page, workflow.get(str(page.pk)))) for page in pages]


class YourPagesPanel(Component):
    """The editor's drafts and submissions with their status (replaces Wagtail's two lists of
    'recent edits' and 'pages in a workflow', which say the same in admin words)."""

    name = "jouw-paginas"
    order = 60
    template_name = "tim/admin/your_pages_panel.html"

    def __init__(self, user):
        self.user = user

    @cached_property
    def rows(self):
        return your_pages(self.user)

    def get_context_data(self, parent_context=None):
        return {"rows": self.rows}

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.rows else ""


@permission_required("wagtailadmin.access_admin", login_url="wagtailadmin_login")
def manual(request):
    """/beheer/handleiding/: how to write for your buurt, in plain Dutch (B1).

    A document for the buurtredactie, who work in Dutch; it is written in Dutch in its template
    (marked lang="nl") rather than as dozens of translated interface strings.
    """
    return render(request, "tim/admin/manual.html", {"page_title": _("Manual for editors")})
