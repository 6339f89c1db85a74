from django import template

register = template.Library()


@register.inclusion_tag("components/notifications/follow_button.html", takes_context=True)
def follow_button(context, page):
    """The control to follow a buurt, initiative or meeting place (see the notifications app)."""
    return {"request": context["request"], "page": page}
