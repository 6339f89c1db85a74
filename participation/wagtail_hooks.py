from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, permissions, services
from .models import Consultation


class CsvColumn(Column):
    """A link to the totals as CSV (no personal data) in the list of consultations."""

    def get_value(self, instance):
        return reverse("participation_consultation_csv", args=[instance.pk])

    cell_template_name = "participation/admin/csv_cell.html"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("buurtplein/", admin_views.queue, name="participation_queue"),
        path("buurtplein/<int:pk>/actie/", admin_views.act, name="participation_act"),
        path("buurtplein/<int:pk>/antwoord/", admin_views.answer, name="participation_answer"),
        path("buurtplein/ideeen/", admin_views.ideas, name="participation_ideas"),
        path(
            "buurtplein/ideeen/<int:pk>/check/",
            admin_views.review_idea,
            name="participation_review_idea",
        ),
        path(
            "buurtplein/ideeen/<int:pk>/antwoord/",
            admin_views.answer_idea,
            name="participation_answer_idea",
        ),
        path(
            "buurtplein/ideeen/<int:pk>/initiatief/",
            admin_views.idea_to_initiative,
            name="participation_idea_to_initiative",
        ),
        path(
            "buurtplein/denk-mee/<int:pk>/csv/",
            admin_views.consultation_csv,
            name="participation_consultation_csv",
        ),
        path(
            "buurtplein/voormoderatie/<int:buurt_id>/",
            admin_views.premoderation,
            name="participation_premoderation",
        ),
    ]


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.moderated_buurt_ids(request.user) != set()


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return ModeratorsMenuItem(
        _("Reactions"), reverse("participation_queue"), icon_name="comment", order=250
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label, message in [
        ("hide", _("Hide reaction"), _("Reaction hidden")),
        ("restore", _("Show reaction"), _("Reaction shown again")),
        ("warn", _("Warn author"), _("Author warned")),
        ("block", _("Block account"), _("Account blocked from taking part")),
        ("unblock", _("Unblock account"), _("Account may take part again")),
        ("answer", _("Answer reaction"), _("Reaction answered")),
        ("close", _("Close reacting"), _("Reacting closed")),
        ("open", _("Open reacting"), _("Reacting opened")),
        ("premoderation_on", _("Pre-moderation on"), _("Pre-moderation switched on")),
        ("premoderation_off", _("Pre-moderation off"), _("Pre-moderation switched off")),
        ("publish_idea", _("Publish idea"), _("Idea published after the check")),
        ("reject_idea", _("Do not publish idea"), _("Idea not published")),
        ("answer_idea", _("Answer idea"), _("Idea answered with a status")),
        ("idea_to_initiative", _("Idea to initiative"), _("A draft initiative made from the idea")),
    ]:
        actions.register_action(f"participation.{action}", label, message)


@hooks.register("after_create_snippet")
def announce_consultation(request, instance):
    """A new consultation reaches the buurt's followers in their next digest."""
    if isinstance(instance, Consultation):
        services.consultation_announce(consultation=instance)


class ConsultationViewSet(SnippetViewSet):
    """Moderatoren make consultations in the admin (Snippets › Denk mee)."""

    model = Consultation
    icon = "help"
    menu_label = _("Think along")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "buurt", "opens_at", "closes_at", CsvColumn("csv")]


register_snippet(ConsultationViewSet)
