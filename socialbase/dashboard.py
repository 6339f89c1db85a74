"""The dashboard's figures, read from the stored summaries in a fixed number of queries.

`Board` reads every buurt with its summary and mark, the latest indicator values and the themes
once (four queries, whatever the amount of content), and derives the wijk and city totals and
the "ongelijk investeren" ranking from them in Python.

Counts of people (followers, offers of help) from 1 to 4 are shown as "< 5", in the pages and
in the CSV files alike, so no resident can be singled out.
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from meetingplaces import hours
from neighbourhoods.choices import Wijk
from neighbourhoods.models import NeighbourhoodPage
from tim.models import Theme

from .models import EMPTY_FIGURES, IndicatorValue

SMALL = 5
PERIODS = (3, 6, 12)  # months of news shown


def people(count: int) -> str:
    """A count of people as shown: "< 5" from 1 to 4, so nobody can be picked out."""
    return _("< 5") if 0 < count < SMALL else str(count)


def per_1000(amount: float, population: int | None) -> float | None:
    return None if not population else amount * 1000 / population


def months_back(today: datetime.date, count: int) -> list[str]:
    """The last `count` months up to this one, oldest first, as "YYYY-MM"."""
    months, year, month = [], today.year, today.month
    for _step in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


@dataclass
class Area:
    """A buurt, a wijk or the city: the platform's figures added up, and the residents."""

    name: str
    population: int = 0
    figures: dict = field(default_factory=lambda: {**EMPTY_FIGURES, "grid": _grid()})
    followers: int = 0
    news: dict = field(default_factory=dict)
    buurt: NeighbourhoodPage | None = None
    summary: object = None
    mark: object = None
    indicators: dict = field(default_factory=dict)  # code -> IndicatorValue (latest year)

    def add(self, other: "Area") -> None:
        self.population += other.population
        self.followers += other.followers
        for key, value in other.figures.items():
            if key == "grid":
                for day, parts in enumerate(value):
                    for part, count in enumerate(parts):
                        self.figures["grid"][day][part] += count
            else:
                self.figures[key] += value
        for month, count in other.news.items():
            self.news[month] = self.news.get(month, 0) + count

    @property
    def hours(self) -> float:
        return self.figures["open_minutes"] / 60

    @property
    def hours_per_1000(self) -> float | None:
        return per_1000(self.hours, self.population)

    @property
    def activities_per_1000(self) -> float | None:
        return per_1000(self.figures["activities"], self.population)

    @property
    def fresh_share(self) -> float | None:
        places = self.figures["places"]
        return None if not places else self.figures["fresh_places"] / places

    @property
    def weekend_activities(self) -> int:
        return sum(sum(parts) for parts in self.figures["grid"][5:])

    @property
    def evening_activities(self) -> int:
        return sum(parts[2] for parts in self.figures["grid"])


def _grid():
    return [[0, 0, 0] for _day in range(7)]


class Board:
    """Every buurt's figures for one theme ("" = all), read once for a dashboard page."""

    def __init__(self, *, theme: str = "", wijk: str = "", months: int = 12):
        self.theme = theme
        self.wijk = wijk if wijk in Wijk.values else ""
        self.months = months if months in PERIODS else 12
        self.themes = list(Theme.objects.order_by("sort_order", "name"))
        buurten = NeighbourhoodPage.objects.select_related(
            "social_summary", "social_mark"
        ).order_by("title")
        latest = {}
        values = IndicatorValue.objects.select_related("indicator").order_by("year")
        for value in values:  # the latest year wins
            latest.setdefault(value.buurt_id, {})[value.indicator.code] = value
        self.indicators = sorted(
            {value.indicator.code: value.indicator for value in latest_values(latest)}.values(),
            key=lambda indicator: indicator.name,
        )
        self.buurten = [self._area(buurt, latest.get(buurt.pk, {})) for buurt in buurten]
        refreshed = [a.summary.refreshed_at for a in self.buurten if a.summary is not None]
        self.refreshed_at = min(refreshed) if refreshed else None
        self.month_keys = months_back(hours.localtime().date(), self.months)

    def _area(self, buurt, indicators) -> Area:
        summary = getattr(buurt, "social_summary", None)
        area = Area(
            name=buurt.title,
            population=buurt.population or 0,
            buurt=buurt,
            summary=summary,
            mark=getattr(buurt, "social_mark", None),
            indicators=indicators,
        )
        if summary is not None:
            area.figures = summary.figures(self.theme)
            area.followers = summary.followers
            area.news = dict(summary.news_per_month)
        return area

    @property
    def theme_name(self) -> str:
        return next((t.name for t in self.themes if t.slug == self.theme), "")

    def shown_buurten(self) -> list[Area]:
        return [a for a in self.buurten if not self.wijk or a.buurt.wijk == self.wijk]

    def buurt(self, slug: str) -> Area | None:
        return next((area for area in self.buurten if area.buurt.slug == slug), None)

    def wijken(self) -> list[Area]:
        totals = {wijk: Area(name=label) for wijk, label in Wijk.choices}
        for area in self.buurten:
            totals[area.buurt.wijk].add(area)
        return [totals[wijk] for wijk in Wijk.values if not self.wijk or wijk == self.wijk]

    def total(self, areas=None) -> Area:
        city = Area(name=self.wijk or _("Maastricht"))
        for area in self.shown_buurten() if areas is None else areas:
            city.add(area)
        return city

    def news_series(self, area: Area) -> list[tuple[str, int]]:
        return [(month, area.news.get(month, 0)) for month in self.month_keys]


def latest_values(latest: dict):
    for per_buurt in latest.values():
        yield from per_buurt.values()


# --- "Ongelijk investeren": need against supply --------------------------------------------------


@dataclass
class Ranked:
    area: Area
    need: float | None
    supply: float | None
    high_need: bool = False
    thin_supply: bool = False

    @property
    def highlighted(self) -> bool:
        return self.high_need and self.thin_supply


def _standardised(values: dict) -> dict:
    """Each value as standard deviations from the mean of the buurten that have one."""
    known = [v for v in values.values() if v is not None]
    if len(known) < 2:
        return {key: (0.0 if v is not None else None) for key, v in values.items()}
    mean, spread = statistics.fmean(known), statistics.pstdev(known) or 1.0
    return {key: None if v is None else (v - mean) / spread for key, v in values.items()}


def ranking(board: Board, weights: dict[str, int]) -> list[Ranked]:
    """Buurten by need (the weighted mix of standardised indicators), highest first, beside
    their supply (standardised open hours and activities per 1,000 residents).

    A negative weight means: a low value is the need (e.g. the SES score). High need: above the
    median; thin supply: at or below it (so a buurt with nothing on offer counts as thin even
    where most buurten have nothing)."""
    areas = board.shown_buurten()
    weights = {code: weight for code, weight in weights.items() if weight}
    parts = []
    for code, weight in weights.items():
        values = {
            a.buurt.pk: float(a.indicators[code].value) if code in a.indicators else None
            for a in areas
        }
        parts.append((weight, _standardised(values)))
    supply_parts = [
        _standardised({a.buurt.pk: a.hours_per_1000 for a in areas}),
        _standardised({a.buurt.pk: a.activities_per_1000 for a in areas}),
    ]
    ranked = []
    for area in areas:
        key = area.buurt.pk
        # Over the indicators loaded for this buurt; none loaded: no need score at all.
        scores = [(weight, part[key]) for weight, part in parts if part[key] is not None]
        need = None
        if scores:
            total = sum(abs(weight) for weight, _score in scores)
            need = sum(weight * score for weight, score in scores) / total
        supplies = [part[key] for part in supply_parts]
        supply = None if None in supplies else statistics.fmean(supplies)
        ranked.append(Ranked(area, need, supply))
    needs = [r.need for r in ranked if r.need is not None]
    supplies = [r.supply for r in ranked if r.supply is not None]
    for row in ranked:
        row.high_need = bool(needs) and row.need is not None and row.need > statistics.median(needs)
        row.thin_supply = (
            bool(supplies) and row.supply is not None and row.supply <= statistics.median(supplies)
        )
    ranked.sort(key=lambda r: (r.need is None, -(r.need or 0), r.area.name))
    return ranked
