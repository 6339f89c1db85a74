"""The outbox in the Wagtail admin: Moderatoren see every email, and why one failed."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

from .models import OutgoingEmail


class OutgoingEmailFilterSet(WagtailFilterSet):
    class Meta:
        model = OutgoingEmail
        fields = ["status", "kind"]


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Emails")
    menu_order = 900
    add_to_admin_menu = True
    url_prefix = "emails"
    inspect_view_enabled = True
    list_display = ["address", "kind", "status", "attempts", "created_at", "sent_at", "last_error"]
    filterset_class = OutgoingEmailFilterSet
    search_fields = ["address", "kind", "cause"]
    inspect_view_fields = [
        "address", "kind", "cause", "language", "status", "attempts", "next_attempt_at",
        "last_error", "created_at", "sent_at", "message_id",
    ]  # fmt: skip
    ordering = ["-created_at"]
    # Read only: an email is written by the site, never by hand.
    form_fields = []


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutgoingEmailViewSet("emails")
