from django import template

register = template.Library()


@register.inclusion_tag("components/agenda/this_week.html", takes_context=True)
def this_week(context, buurt=None):
    """What happens this week in a buurt, or in the whole city when no buurt is given."""
    return {"request": context["request"], "buurt": buurt, "occurrences": []}


@register.inclusion_tag("components/initiatives/buurt_initiatives.html", takes_context=True)
def buurt_initiatives(context, buurt):
    return {"request": context["request"], "buurt": buurt, "initiatives": []}
