"""The listings behind /agenda/, /<buurt>/agenda/ and /vrijwilligerswerk/, for pages and views."""

from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone

from neighbourhoods.models import NeighbourhoodPage
from tim.models import Theme

from .forms import AgendaFilterForm, VolunteeringFilterForm, period_dates
from .models import InitiativePage, Occurrence, VolunteerCallPage

PER_PAGE = 20


def filter_occurrences(occurrences, data: dict, today):
    """Apply the agenda form's cleaned data to an occurrence queryset."""
    period = period_dates(data.get("wanneer"), today)
    if period:
        occurrences = occurrences.between(*period)
    elif data.get("van") or data.get("tot"):
        occurrences = occurrences.between(data.get("van") or today, data.get("tot") or date_max())
    if data.get("thema"):
        occurrences = occurrences.with_theme(data["thema"])
    if data.get("wijk"):
        occurrences = occurrences.in_wijk(data["wijk"])
    if data.get("buurt"):
        occurrences = occurrences.filter(buurt__slug=data["buurt"])
    if data.get("gratis"):
        occurrences = occurrences.filter(is_free=True)
    if data.get("zonder_aanmelden"):
        occurrences = occurrences.filter(signup_required=False)
    if data.get("drempelvrij"):
        occurrences = occurrences.filter(step_free=True)
    return occurrences


def group_by_day(occurrences):
    """[(day, [occurrence, ...]), ...] by the day in Maastricht time."""
    day = lambda occurrence: timezone.localtime(occurrence.starts_at).date()  # noqa: E731
    return [(date, list(group)) for date, group in groupby(occurrences, key=day)]


def date_max():
    return timezone.localdate().replace(year=timezone.localdate().year + 2)


def agenda_context(request, buurt=None) -> dict:
    """Filter form, page of occurrences and paging links: the same for the city and a buurt."""
    themes = list(Theme.objects.all())
    buurten = [] if buurt else list(NeighbourhoodPage.objects.live().order_by("title"))
    form = AgendaFilterForm(request.GET or None, themes=themes, buurten=buurten)
    occurrences = Occurrence.objects.upcoming()
    if buurt is not None:
        occurrences = occurrences.in_buurt(buurt)
    if form.is_bound and form.is_valid():
        occurrences = filter_occurrences(occurrences, form.cleaned_data, timezone.localdate())
    page = Paginator(occurrences.for_listing(), PER_PAGE).get_page(request.GET.get("pagina"))
    return {
        "filter_form": form,
        "occurrences_page": page,
        "agenda_days": group_by_day(page),
        "agenda_buurt": buurt,
    }


def volunteering_context(request) -> dict:
    """Open volunteer calls with their buurt and initiative, in a fixed number of queries."""
    themes = list(Theme.objects.all())
    buurten = list(NeighbourhoodPage.objects.live().order_by("title"))
    form = VolunteeringFilterForm(request.GET or None, themes=themes, buurten=buurten)
    calls = VolunteerCallPage.objects.open().for_listing().order_by("-first_published_at", "pk")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("thema"):
            calls = calls.filter(themes__slug=data["thema"])
        chosen = [b for b in buurten if b.slug == data.get("buurt") or b.wijk == data.get("wijk")]
        if data.get("buurt") or data.get("wijk"):
            paths = Q(pk__in=[])
            for chosen_buurt in chosen:
                paths |= Q(path__startswith=chosen_buurt.path)
            calls = calls.filter(paths)
    page = Paginator(calls, PER_PAGE).get_page(request.GET.get("pagina"))
    by_path = {buurt.path: buurt for buurt in buurten}
    steplen = VolunteerCallPage.steplen
    initiatives = {
        initiative.path: initiative
        for initiative in InitiativePage.objects.filter(
            path__in=[call.path[:-steplen] for call in page]
        )
    }
    for call in page:
        call.buurt = by_path.get(call.path[: buurten[0].depth * steplen]) if buurten else None
        call.initiative = initiatives.get(call.path[:-steplen])
    return {
        "filter_form": form,
        "calls_page": page,
    }
