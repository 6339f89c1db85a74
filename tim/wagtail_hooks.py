"""The admin as a volunteer editor meets it: the dashboard, the Dutch manual in the help menu,
the plain-language hint on edit forms, and a clear message after approval."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.models import WorkflowState

from . import editor_admin

# Wagtail's panels that the editor's own list replaces, and its English "what's new" banner.
REPLACED_PANELS = {
    "recent_edits",
    "user_objects_in_workflow_moderation",
    "whats_new_in_wagtail_version",
}


@hooks.register("construct_homepage_panels")
def editor_dashboard(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.append(editor_admin.YourPagesPanel(request.user))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("handleiding/", editor_admin.manual, name="editor_manual")]


@hooks.register("construct_help_menu")
def dutch_manual_instead_of_wagtails_guide(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.insert(
        0,
        MenuItem(
            gettext_lazy("Manual"),
            reverse("editor_manual"),
            icon_name="help",
            name="handleiding",
            order=100,
        ),
    )


@hooks.register("insert_global_admin_css")
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin/editor.css"))


@hooks.register("insert_editor_js")
def plain_language_hint():
    """Points out long sentences and long words while the editor writes (static/js), with
    messages from the catalogue in a JSON element (data, not script: the CSP allows it)."""
    messages_for_script = {
        "advice": _(
            "Tip for plain language (B1): short sentences and common words are easier to read "
            "for everyone."
        ),
        "long_sentence": _(
            "A sentence of %(count)s words: “%(start)s”. Can you make two sentences of it?"
        ),
        "long_word": _("A long word: “%(word)s”. Is there a shorter or more common word?"),
    }
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(messages_for_script, "b1-hint-messages"),
        static("js/admin/b1-hint.js"),
    )


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    """Wagtail's button names the workflow ("Stuur door naar Buurtredactie: goedkeuring door
    moderatoren"); an editor reads the one thing it does: "Ter goedkeuring aanbieden"."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = getattr(context.get("page"), "current_workflow_state", None)
        sent_back = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
        context["label"] = _("Submit for approval again") if sent_back else _("Submit for approval")
        return context


@hooks.register("construct_page_action_menu")
def plain_submit_button(menu_items, request, context):
    menu_items[:] = [
        SubmitForApprovalMenuItem(order=item.order) if item.name == "action-submit" else item
        for item in menu_items
    ]


@hooks.register("after_edit_page")
def say_approved_and_published(request, page):
    """Wagtail says only "page updated" when a moderator approves; say what happened."""
    if request.POST.get("workflow-action-name") != "approve":
        return
    page.refresh_from_db(fields=["live", "has_unpublished_changes"])
    if page.live and not page.has_unpublished_changes:
        messages.success(
            request,
            _("'%(title)s' is approved and published.") % {"title": page.get_admin_display_title()},
        )
