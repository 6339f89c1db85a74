"""A report for editors and Moderatoren: initiatives whose messages reach no host of their own.

Sign-ups and offers of help for these still reach a person (the buurt's editors, else the
Moderatoren: neighbourhoods.roles.who_answers), but the host does not hear of them first-hand
until someone fills in an address.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView

from .models import InitiativePage


def without_host_address(pages):
    return pages.filter(
        Q(initiativepage__host_email="")
        & (Q(owner=None) | Q(owner__email="") | Q(owner__is_active=False))
    )


class InitiativesWithoutHostView(PageReportView):
    page_title = _("Initiatives without a host address")
    header_icon = "mail"
    index_url_name = "initiatives_admin:without_host"
    index_results_url_name = "initiatives_admin:without_host_results"
    permission_required = "change"

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).type(InitiativePage)
        self.queryset = without_host_address(pages).select_related("content_type")
        return super().get_queryset()
