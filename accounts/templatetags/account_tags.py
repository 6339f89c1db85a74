from django import template

register = template.Library()

CHOICE_WIDGETS = {"checkbox", "radioselect", "checkboxselectmultiple"}


@register.inclusion_tag("components/accounts/form_field.html")
def form_field(field):
    """One form field in the site's look: label, hint, the error next to it, what was typed kept.

    Used for our own forms and, through the allauth element templates, for allauth's.
    """
    choice = field.widget_type in CHOICE_WIDGETS
    css = "form-select" if field.widget_type == "select" else "form-input"
    widget = field.as_widget() if choice else field.as_widget(attrs={"class": css})
    return {"field": field, "widget": widget, "choice": choice}


@register.inclusion_tag("components/accounts/my_buurt.html", takes_context=True)
def my_buurt(context):
    """ "Mijn buurt" on the city home page for a resident who is logged in."""
    request = context["request"]
    user = request.user
    buurt = user.home_buurt if user.is_authenticated and user.home_buurt_id else None
    return {"request": request, "buurt": buurt if buurt and buurt.live else None}
