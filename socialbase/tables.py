"""The dashboard's tables: one shape that a page shows, a chart describes and a CSV file exports.

Every table on every dashboard page is a `Table`; its cells are already the text a person
reads (counts of people suppressed below 5), so the page and the CSV download say the same.
"""

import csv
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .dashboard import Area, Board, Ranked, people


@dataclass(frozen=True)
class Link:
    text: str
    url: str

    def __str__(self):
        return self.text


@dataclass
class Row:
    cells: list
    highlight: bool = False


@dataclass
class Table:
    key: str  # the ?export= value of its CSV download
    caption: str
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    numeric_from: int = 1  # columns from here on are figures (right-aligned)

    def csv_response(self) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="sociale-basis-{self.key}.csv"'
        response.write("\ufeff")  # spreadsheets then read it as UTF-8
        writer = csv.writer(response)
        writer.writerow(self.headers)
        for row in self.rows:
            writer.writerow([str(cell) for cell in row.cells])
        return response


def number(value, places: int = 0) -> str:
    return "–" if value is None else number_format(value, places, force_grouping=True)


def percentage(share) -> str:
    return "–" if share is None else f"{number(share * 100)} %"


def buurt_link(area: Area) -> Link:
    return Link(area.name, reverse("socialbase:buurt", args=[area.buurt.slug]))


def mark_text(area: Area) -> str:
    mark = area.mark
    if mark is None:
        return ""
    return ", ".join(
        label
        for label, on in ((_("programme"), mark.programme), (_("priority"), mark.priority))
        if on
    )


SUPPLY_HEADERS = [
    gettext_lazy("Residents"),
    gettext_lazy("Meeting places"),
    gettext_lazy("Open hours per week"),
    gettext_lazy("Open hours per 1,000 residents"),
    gettext_lazy("Activities this week"),
    gettext_lazy("Activities per 1,000 residents"),
    gettext_lazy("Free"),
    gettext_lazy("Without sign-up"),
    gettext_lazy("On weekends"),
    gettext_lazy("In the evening"),
    gettext_lazy("Initiatives"),
    gettext_lazy("Open volunteer calls"),
    gettext_lazy("Offers of help"),
    gettext_lazy("Places confirmed in last 3 months"),
    gettext_lazy("Followers"),
]


def supply_cells(area: Area) -> list:
    f = area.figures
    return [
        number(area.population),
        number(f["places"]),
        number(area.hours, 1),
        number(area.hours_per_1000, 1),
        number(f["activities"]),
        number(area.activities_per_1000, 1),
        number(f["free"]),
        number(f["no_signup"]),
        number(area.weekend_activities),
        number(area.evening_activities),
        number(f["initiatives"]),
        number(f["open_calls"]),
        people(f["responses"]),
        percentage(area.fresh_share),
        people(area.followers),
    ]


def _supply_headers(first: str) -> list[str]:
    return [first, *(str(header) for header in SUPPLY_HEADERS)]


def buurten_table(board: Board) -> Table:
    table = Table(
        "buurten", _("Per buurt"), [*_supply_headers(_("Buurt")), _("Wijk"), _("Marked as")]
    )
    for area in board.shown_buurten():
        table.rows.append(
            Row([buurt_link(area), *supply_cells(area), area.buurt.wijk, mark_text(area)])
        )
    return table


def wijken_table(board: Board) -> Table:
    table = Table("wijken", _("Per wijk"), _supply_headers(_("Wijk")))
    for wijk, area in zip(_wijk_values(board), board.wijken(), strict=True):
        link = Link(area.name, reverse("socialbase:wijk", args=[wijk]))
        table.rows.append(Row([link, *supply_cells(area)]))
    total = board.total()
    table.rows.append(Row([total.name, *supply_cells(total)]))
    return table


def _wijk_values(board: Board) -> list[str]:
    from neighbourhoods.choices import Wijk

    return [wijk for wijk in Wijk.values if not board.wijk or wijk == board.wijk]


def themes_table(board: Board, area: Area) -> Table:
    """Per theme for one buurt (the summary holds every theme, whatever the filter)."""
    table = Table(
        "themas",
        _("Per theme"),
        [
            _("Theme"),
            _("Meeting places"),
            _("Activities this week"),
            _("Free"),
            _("Initiatives"),
            _("Open volunteer calls"),
            _("Offers of help"),
        ],
    )
    for theme in board.themes:
        f = area.summary.figures(theme.slug) if area.summary else area.figures
        table.rows.append(
            Row(
                [
                    theme.name,
                    number(f["places"]),
                    number(f["activities"]),
                    number(f["free"]),
                    number(f["initiatives"]),
                    number(f["open_calls"]),
                    people(f["responses"]),
                ]
            )
        )
    return table


def calls_table(board: Board, area: Area) -> Table:
    table = Table("oproepen", _("Open volunteer calls"), [_("Volunteer call"), _("Offers of help")])
    calls = area.summary.calls if area.summary else []
    for call in calls:
        if not board.theme or board.theme in call["themes"]:
            table.rows.append(Row([call["title"], people(call["responses"])]))
    return table


def news_table(board: Board, areas: list[Area]) -> Table:
    table = Table("nieuws", _("News items per month"), [_("Month"), *(a.name for a in areas)])
    series = [dict(board.news_series(area)) for area in areas]
    for month in board.month_keys:
        table.rows.append(Row([month, *(number(s[month]) for s in series)]))
    return table


def week_grid_table(areas: list[Area]) -> Table:
    from .charts import DAYPARTS, WEEKDAYS

    table = Table(
        "weekrooster",
        _("Activities this week by day and part of the day"),
        [_("Area"), _("Day"), *(str(part) for part in DAYPARTS)],
    )
    for area in areas:
        for day, parts in zip(WEEKDAYS, area.figures["grid"], strict=True):
            table.rows.append(Row([area.name, str(day), *(number(count) for count in parts)]))
    return table


def indicators_table(board: Board, area: Area) -> Table:
    headers = [_("Indicator"), _("Value"), _("Year"), _("Source")]
    table = Table("indicatoren", _("The buurt's own figures"), headers)
    for indicator in board.indicators:
        value = area.indicators.get(indicator.code)
        if value is None:
            table.rows.append(Row([indicator.name, _("no figures loaded"), "", ""]))
        else:
            table.rows.append(
                Row([indicator.name, number(value.value, 2), str(value.year), value.source])
            )
    return table


def ranking_table(ranked: list[Ranked]) -> Table:
    table = Table(
        "ongelijk-investeren",
        _("Need against supply"),
        [
            _("Rank"),
            _("Buurt"),
            _("Need (score)"),
            _("Supply (score)"),
            _("Open hours per 1,000 residents"),
            _("Activities per 1,000 residents"),
            _("High need, thin supply"),
            _("Marked as"),
        ],
        numeric_from=2,
    )
    for position, row in enumerate(ranked, start=1):
        table.rows.append(
            Row(
                [
                    str(position),
                    buurt_link(row.area),
                    _("no figures loaded") if row.need is None else number(row.need, 2),
                    number(row.supply, 2),
                    number(row.area.hours_per_1000, 1),
                    number(row.area.activities_per_1000, 1),
                    _("yes") if row.highlighted else "",
                    mark_text(row.area),
                ],
                highlight=row.highlighted,
            )
        )
    return table
