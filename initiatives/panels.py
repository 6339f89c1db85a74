"""An admin panel on the activity's edit page: how many signed up, and the way to the list."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class SignupsLinkPanel(Panel):
    """Shown at the top of an activity that takes sign-ups, so the host needs no "…" menu."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "initiatives/admin/signups_link_panel.html"

        def is_shown(self):
            return bool(self.instance.pk and self.instance.signup_required)

        def get_context_data(self, parent_context=None):
            from .models import SignUp

            context = super().get_context_data(parent_context)
            context["signups_url"] = reverse("initiatives_admin:signups", args=[self.instance.pk])
            context["confirmed"] = SignUp.objects.filter(
                occurrence__activity=self.instance, status=SignUp.Status.CONFIRMED
            ).count()
            return context
