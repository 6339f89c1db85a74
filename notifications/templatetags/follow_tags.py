from django import template

from ..views import follow_button_context

register = template.Library()


@register.inclusion_tag("components/notifications/follow_button.html", takes_context=True)
def follow_button(context, page):
    """The control to follow a buurt, initiative or meeting place (see the notifications app)."""
    return follow_button_context(context["request"], page)
