"""The listings behind /agenda/, /<buurt>/agenda/ and /vrijwilligerswerk/, for pages and views."""

from itertools import groupby

from dateutil.relativedelta import relativedelta
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from neighbourhoods.models import NeighbourhoodPage
from tim import params
from tim.lazy_context import lazily
from tim.models import Theme
from tim.pagination import paginate

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
    """Two years from today; relativedelta makes 29 February 2028 into 28 February 2030."""
    return timezone.localdate() + relativedelta(years=2)


# The filters a calendar subscription keeps: what is on, not when (a calendar shows the dates).
CALENDAR_FILTERS = ("thema", "wijk", "buurt", "gratis", "zonder_aanmelden", "drempelvrij")


def agenda_filter_form(request, buurt=None) -> AgendaFilterForm:
    themes = list(Theme.objects.all())
    buurten = [] if buurt else list(NeighbourhoodPage.objects.live().order_by("title"))
    form = AgendaFilterForm(request.GET or None, themes=themes, buurten=buurten)
    return params.require_readable(form)


def calendar_path(form, buurt=None) -> str:
    """The iCal address of this agenda with its filters, so a subscription keeps them."""
    if buurt is not None:
        path = reverse("initiatives:ical_buurt", kwargs={"buurt_slug": buurt.slug})
    else:
        path = reverse("initiatives:ical_agenda")
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    query = QueryDict(mutable=True)
    for name in CALENDAR_FILTERS:
        if data.get(name):
            query[name] = "1" if data[name] is True else data[name]
    return f"{path}?{query.urlencode()}" if query else path


def filtered_activity_ids(data: dict, buurt=None):
    """The activities with an occurrence to come that passes the agenda's filters (a subquery):
    a calendar holds the whole series of each, with its repeat rule."""
    occurrences = Occurrence.objects.upcoming()
    if buurt is not None:
        occurrences = occurrences.in_buurt(buurt)
    kept = {name: data.get(name) for name in CALENDAR_FILTERS}
    return filter_occurrences(occurrences, kept, timezone.localdate()).values("activity_id")


def agenda_context(request, buurt=None) -> dict:
    """Filter form, page of occurrences and paging links: the same for the city and a buurt.
    Worked out when the template shows them (tim.lazy_context)."""

    def build() -> dict:
        form = agenda_filter_form(request, buurt)
        occurrences = Occurrence.objects.upcoming()
        if buurt is not None:
            occurrences = occurrences.in_buurt(buurt)
        if form.is_bound and form.is_valid():
            occurrences = filter_occurrences(occurrences, form.cleaned_data, timezone.localdate())
        page = paginate(request, occurrences.for_listing(), PER_PAGE)
        return {
            "filter_form": form,
            "occurrences_page": page,
            "agenda_days": group_by_day(page),
            "calendar_path": calendar_path(form, buurt),
        }

    return {
        **lazily(build, ["filter_form", "occurrences_page", "agenda_days", "calendar_path"]),
        "agenda_buurt": buurt,
        **(buurt_agenda_meta(request, buurt) if buurt is not None else {}),
    }


def buurt_agenda_meta(request, buurt) -> dict:
    """The title and breadcrumb trail machines read of /<buurt>/agenda/, a view without a page."""
    return {
        "meta_title": _("Agenda of %(buurt)s") % {"buurt": buurt.title},
        "breadcrumb_trail": [
            (_("Home"), "/"),
            (buurt.title, buurt.url),
            (_("Agenda"), request.path),
        ],
    }


def volunteering_context(request) -> dict:
    """Open volunteer calls with their buurt and initiative, in a fixed number of queries,
    worked out when the template shows them (tim.lazy_context)."""
    return lazily(lambda: _volunteering(request), ["filter_form", "calls_page"])


def _volunteering(request) -> dict:
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
    page = paginate(request, calls, PER_PAGE)
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
