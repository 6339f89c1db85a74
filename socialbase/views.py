"""The "Sociale basis" pages in the Wagtail admin, for Moderatoren only.

Every page reads one `Board` (a fixed number of queries) and builds its tables and charts from
it; `?export=<table>` returns any of its tables as a CSV file instead of the page.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Min
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from neighbourhoods import roles
from neighbourhoods.choices import Wijk

from . import charts, tables
from .dashboard import Board, ranking
from .forms import MEASURES, FilterForm, MarkForm, UploadForm, WeightFormSet
from .indicators import import_indicators
from .models import BuurtMark, Indicator


def is_moderator(user) -> bool:
    return user.is_active and (
        user.is_superuser or any(g.name == roles.MODERATORS for g in user.groups.all())
    )


def moderators_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _board(request, wijk=""):
    from tim.models import Theme

    form = FilterForm(request.GET or None, themes=Theme.objects.order_by("sort_order", "name"))
    board = Board(
        theme=form.value("theme"),
        wijk=wijk or form.value("wijk"),
        months=form.value("months", 12),
    )
    return board, form


def _respond(request, template, context, page_tables, chart_list=()):
    every = [*page_tables, *(chart.table for chart in chart_list if chart.table)]
    wanted = request.GET.get("export")
    if wanted:
        for table in every:
            if table.key == wanted:
                return table.csv_response()
        raise Http404
    query = request.GET.copy()
    query.pop("export", None)
    context.update(
        tables=page_tables,
        charts=chart_list,
        query=query.urlencode(),
        header_title=_("Social base"),
    )
    return TemplateResponse(request, template, context)


def _marked(area) -> bool:
    return bool(tables.mark_text(area))


def _measure(area, measure):
    if measure in ("places", "activities"):
        return area.figures[measure]
    return getattr(area, measure)


def _supply_bar(board, areas, key="uren"):
    bars = [(a.name, a.hours_per_1000, _marked(a)) for a in areas]
    known = sorted((b for b in bars if b[1] is not None), key=lambda b: b[1])
    summary = _("No figures yet.")
    if known:
        summary = _(
            "Most open hours per 1,000 residents: %(high)s (%(high_value)s). Fewest: %(low)s "
            "(%(low_value)s). %(none)s of %(count)s buurten have no open hours this week."
        ) % {
            "high": known[-1][0],
            "high_value": tables.number(known[-1][1], 1),
            "low": known[0][0],
            "low_value": tables.number(known[0][1], 1),
            "none": sum(1 for b in bars if not b[1]),
            "count": len(bars),
        }
    table = tables.Table(
        f"{key}-tabel",
        _("Open hours per 1,000 residents"),
        [_("Buurt"), _("Open hours per 1,000 residents"), _("Marked as")],
    )
    table.rows = [
        tables.Row([a.name, tables.number(a.hours_per_1000, 1), tables.mark_text(a)]) for a in areas
    ]
    return charts.bar_chart(
        key=key,
        title=_("Open hours of meeting places per 1,000 residents, this week"),
        description=_(
            "A bar per buurt; %(sign)s marks a programme or priority buurt (also in red)."
        )
        % {"sign": charts.MARK_SIGN},
        summary=summary,
        bars=bars,
        table=table,
    )


def _news_chart(board, area, key="nieuws"):
    points = board.news_series(area)
    total = sum(count for _m, count in points)
    busiest = max(points, key=lambda p: p[1]) if points else ("", 0)
    return charts.time_series(
        key=key,
        title=_("News items per month: %(area)s") % {"area": area.name},
        description=_("A line over the last %(months)s months.") % {"months": board.months},
        summary=_("%(total)s news items in %(months)s months; most in %(month)s (%(count)s).")
        % {"total": total, "months": board.months, "month": busiest[0], "count": busiest[1]},
        points=points,
        table=tables.news_table(board, [area]),
    )


def _week_grids(areas):
    highest = max((max(map(max, a.figures["grid"])) for a in areas), default=0)
    return [
        {
            "area": area,
            "svg": charts.week_grid(
                key=f"week-{index}",
                title=_("Activities this week in %(area)s by day and part of the day")
                % {"area": area.name},
                grid=area.figures["grid"],
                highest=highest,
            ),
            "weekend": area.weekend_activities,
            "evening": area.evening_activities,
            "total": area.figures["activities"],
        }
        for index, area in enumerate(areas)
    ]


def _map(board, measure):
    measure = measure if measure in MEASURES else "hours_per_1000"
    areas = board.shown_buurten()
    points = [
        (a.name, a.buurt.latitude, a.buurt.longitude, _measure(a, measure), _marked(a))
        for a in areas
    ]
    table = tables.Table(
        "kaart-tabel", str(MEASURES[measure]), [_("Buurt"), str(MEASURES[measure]), _("Marked as")]
    )
    table.rows = [
        tables.Row([name, tables.number(value, 1), tables.mark_text(a)])
        for (name, _lat, _lon, value, _m), a in zip(points, areas, strict=True)
    ]
    return charts.point_map(
        key="kaart",
        title=_("Map: %(measure)s per buurt") % {"measure": MEASURES[measure]},
        description=_(
            "Each buurt is a circle at its centre point; we have no buurt boundaries, so this is "
            "not a map of areas. Darker is more. A red ring and %(sign)s: programme or priority "
            "buurt."
        )
        % {"sign": charts.MARK_SIGN},
        summary=_("Points, not boundaries: the exact figures are in the table."),
        points=points,
        table=table,
    )


@moderators_only
def overview(request, wijk=""):
    if wijk and wijk not in Wijk.values:
        raise Http404
    board, form = _board(request, wijk)
    total = board.total()
    areas = board.shown_buurten() if board.wijk else board.wijken()
    chart_list = [
        _supply_bar(board, board.shown_buurten()),
        _news_chart(board, total),
        _map(board, form.value("measure")),
    ]
    page_tables = [tables.wijken_table(board), tables.buurten_table(board)]
    grids = _week_grids(areas)
    page_tables.append(tables.week_grid_table(areas))
    context = {
        "board": board,
        "form": form,
        "total": total,
        "grids": grids,
        "title": Wijk(board.wijk).label if board.wijk else _("Whole city"),
    }
    return _respond(request, "socialbase/overview.html", context, page_tables, chart_list)


@moderators_only
def buurt(request, slug):
    board, form = _board(request)
    area = board.buurt(slug)
    if area is None:
        raise Http404
    mark = area.mark or BuurtMark(buurt=area.buurt)
    mark_form = MarkForm(request.POST or None, instance=mark)
    if request.method == "POST":
        if mark_form.is_valid():
            mark_form.save()
            messages.success(request, _("The mark of %(buurt)s is saved.") % {"buurt": area.name})
            return redirect(request.get_full_path())
    wijk = board.total([a for a in board.buurten if a.buurt.wijk == area.buurt.wijk])
    wijk.name = Wijk(area.buurt.wijk).label
    city = board.total(board.buurten)
    city.name = _("Maastricht")
    comparison = tables.Table(
        "vergelijking",
        _("This buurt beside its wijk and the city"),
        [_("Area"), *(str(h) for h in tables.SUPPLY_HEADERS)],
    )
    comparison.rows = [tables.Row([a.name, *tables.supply_cells(a)]) for a in (area, wijk, city)]
    page_tables = [
        comparison,
        tables.indicators_table(board, area),
        tables.themes_table(board, area),
        tables.calls_table(board, area),
        tables.week_grid_table([area]),
    ]
    context = {
        "board": board,
        "form": form,
        "area": area,
        "mark_form": mark_form,
        "hide_wijk": True,  # one buurt: its wijk is fixed
        "grids": _week_grids([area]),
        "title": area.name,
    }
    return _respond(
        request, "socialbase/buurt.html", context, page_tables, [_news_chart(board, area)]
    )


@moderators_only
def inequality(request):
    board, form = _board(request)
    weights = {}
    for indicator in board.indicators:
        raw = request.GET.get(f"w_{indicator.code}", indicator.default_weight)
        try:
            weights[indicator.code] = max(-3, min(3, int(raw)))
        except (TypeError, ValueError):
            weights[indicator.code] = indicator.default_weight
    ranked = ranking(board, weights)
    highlighted = [row.area.name for row in ranked if row.highlighted]
    bars = [(row.area.name, row.area.hours_per_1000, _marked(row.area)) for row in ranked]
    chart = charts.bar_chart(
        key="rangorde",
        title=_("Open hours per 1,000 residents, buurten in order of need"),
        description=_("Highest need at the top; %(sign)s marks a programme or priority buurt.")
        % {"sign": charts.MARK_SIGN},
        summary=_("High need and thin supply: %(buurten)s.")
        % {"buurten": ", ".join(highlighted) or _("none")},
        bars=bars,
    )
    context = {
        "board": board,
        "form": form,
        "weights": [(indicator, weights[indicator.code]) for indicator in board.indicators],
        "title": _("Unequal investment"),
        "highlighted": highlighted,
    }
    return _respond(
        request, "socialbase/inequality.html", context, [tables.ranking_table(ranked)], [chart]
    )


def _indicators_with_counts():
    return Indicator.objects.order_by("name").annotate(
        value_count=Count("values"), first_year=Min("values__year"), last_year=Max("values__year")
    )


@moderators_only
def indicators(request):
    upload = UploadForm()
    weights = WeightFormSet(queryset=_indicators_with_counts(), prefix="gewicht")
    result = None
    if request.method == "POST" and "upload" in request.POST:
        upload = UploadForm(request.POST, request.FILES)
        if upload.is_valid():
            result = import_indicators(text=upload.cleaned_data["file"])
            if result.ok:
                messages.success(
                    request,
                    _("Loaded: %(new)s new, %(changed)s changed, %(same)s unchanged.")
                    % {"new": result.created, "changed": result.updated, "same": result.unchanged},
                )
                return redirect(request.path)
    elif request.method == "POST":
        weights = WeightFormSet(request.POST, queryset=_indicators_with_counts(), prefix="gewicht")
        if weights.is_valid():
            weights.save()
            messages.success(request, _("The weights are saved."))
            return redirect(request.path)
    context = {
        "upload": upload,
        "weights": weights,
        "indicator_rows": [(form.instance, form) for form in weights],
        "weight_help": Indicator._meta.get_field("default_weight").help_text,
        "result": result,
        "title": _("Indicators"),
        "header_title": _("Social base"),
    }
    return TemplateResponse(request, "socialbase/indicators.html", context)
