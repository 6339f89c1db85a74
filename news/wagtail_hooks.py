"""The editor's first panel on the dashboard: write a news item for your own buurt."""

from django.urls import reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.ui.components import Component

from neighbourhoods.roles import buurten_edited_by

from .models import NewsIndexPage


class WriteNewsPanel(Component):
    """For each buurt the user edits: a direct link to a new news item in its news, whether it
    is published at once (trusted editors) or goes to the Moderatoren first."""

    name = "schrijf-nieuws"
    order = 50
    template_name = "news/admin/write_news_panel.html"

    def __init__(self, user):
        self.user = user

    @cached_property
    def buurten(self):
        buurten = []
        for buurt in buurten_edited_by(self.user):
            index = NewsIndexPage.objects.child_of(buurt).first()
            if index is None:
                continue
            permissions = index.permissions_for_user(self.user)
            if permissions.can_add_subpage():
                buurten.append(
                    {
                        "buurt": buurt,
                        "add_url": reverse(
                            "wagtailadmin_pages:add", args=("news", "newspage", index.pk)
                        ),
                        "list_url": reverse("wagtailadmin_explore", args=(index.pk,)),
                        "publishes": permissions.can_publish_subpage(),
                    }
                )
        return buurten

    def get_context_data(self, parent_context=None):
        return {"buurten": self.buurten, "manual_url": reverse("editor_manual"), "user": self.user}

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.buurten else ""


@hooks.register("construct_homepage_panels")
def add_write_news_panel(request, panels):
    panels.append(WriteNewsPanel(request.user))
