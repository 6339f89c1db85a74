from django import template

register = template.Library()


@register.inclusion_tag("components/agenda/this_week.html", takes_context=True)
def this_week(context, buurt=None):
    """What happens this week in a buurt, or in the whole city when no buurt is given."""
    return {"request": context["request"], "buurt": buurt, "occurrences": []}


@register.inclusion_tag("components/initiatives/buurt_initiatives.html", takes_context=True)
def buurt_initiatives(context, buurt):
    return {"request": context["request"], "buurt": buurt, "initiatives": []}


@register.inclusion_tag("components/agenda/activities_at_place.html", takes_context=True)
def activities_at_place(context, place):
    """The coming occurrences of activities held at a meeting place."""
    return {"request": context["request"], "place": place, "occurrences": []}


@register.inclusion_tag("components/initiatives/volunteer_calls_for.html", takes_context=True)
def volunteer_calls_for(context, page):
    """The open volunteer calls of an initiative or a meeting place."""
    return {"request": context["request"], "page": page, "calls": []}
