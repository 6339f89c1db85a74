import datetime
from collections import Counter

from django import template
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from initiatives.forms import Period, period_dates
from initiatives.models import InitiativePage, Occurrence, VolunteerCallPage
from tim.urls_helper import absolute_url

register = template.Library()

THIS_WEEK_LIMIT = 6


@register.simple_tag
def webcal_url(path):
    """The webcal:// address of a calendar on BASE_URL, which calendar apps subscribe to."""
    return "webcal://" + absolute_url(path).split("://", 1)[1]


@register.inclusion_tag("components/agenda/this_week.html", takes_context=True)
def this_week(context, buurt=None):
    """What happens this week in a buurt, or in the whole city when no buurt is given."""
    today = timezone.localdate()
    occurrences = Occurrence.objects.upcoming().between(*period_dates(Period.WEEK, today))
    if buurt is not None:
        occurrences = occurrences.in_buurt(buurt)
        agenda_url = reverse("initiatives:buurt_agenda", args=[buurt.slug])
    else:
        agenda_url = "/agenda/"
    return {
        "request": context["request"],
        "buurt": buurt,
        "occurrences": occurrences.for_listing()[:THIS_WEEK_LIMIT],
        "agenda_url": f"{agenda_url}?wanneer={Period.WEEK}",
    }


@register.inclusion_tag("components/initiatives/buurt_initiatives.html", takes_context=True)
def buurt_initiatives(context, buurt):
    """The initiatives of a buurt, each with the number of its open volunteer calls.

    The calls are counted from one read of the buurt's open calls (their paths, through the
    path index): a subquery per initiative with a path prefix taken from the outer row cannot
    use that index and read every page of the site for each initiative (1.5 s at 50,000 items).
    """
    initiatives = list(
        InitiativePage.objects.live().public().descendant_of(buurt).order_by("title")
    )
    calls = VolunteerCallPage.objects.open().descendant_of(buurt).values_list("path", flat=True)
    per_parent = Counter(path[: -Page.steplen] for path in calls)
    for initiative in initiatives:
        initiative.open_calls = per_parent[initiative.path]
    return {"request": context["request"], "buurt": buurt, "initiatives": initiatives}


@register.inclusion_tag("components/agenda/activities_at_place.html", takes_context=True)
def activities_at_place(context, place):
    """The coming occurrences of activities held at a meeting place."""
    occurrences = (
        Occurrence.objects.upcoming()
        .filter(activity__place_page=place)
        .filter(starts_at__lt=timezone.now() + datetime.timedelta(days=31))
        .for_listing()[:8]
    )
    return {
        "request": context["request"],
        "place": place,
        "occurrences": occurrences,
        "ical_url": reverse("initiatives:ical_place", args=[place.pk]),
    }


@register.inclusion_tag("components/initiatives/volunteer_calls_for.html", takes_context=True)
def volunteer_calls_for(context, page):
    """The open volunteer calls of an initiative or a meeting place."""
    calls = VolunteerCallPage.objects.open().for_listing()
    calls = calls.filter(Q(path__startswith=page.path, depth=page.depth + 1) | Q(place_page=page))
    return {"request": context["request"], "page": page, "calls": calls.order_by("title")}
