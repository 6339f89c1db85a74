from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import services
from .models import MeetingPlacePage


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "meetingplaces.confirm_facts",
        _("Confirm facts"),
        _("The host confirmed that the facts are still right"),
    )


@hooks.register("after_publish_page")
def publishing_confirms_the_facts(request, page):
    """A host who publishes the place has just looked at its facts: that counts as a check."""
    if isinstance(page.specific, MeetingPlacePage):
        services.confirm_facts(place=page.specific, user=request.user)
