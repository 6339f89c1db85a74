"""Charts drawn on the server as SVG, readable without JavaScript and by a screen reader.

A small module of our own rather than a chart library: each chart here is a handful of shapes,
and what matters is its accessible structure, which libraries leave out or fill with scripts:
`role="img"` named by its `<title>` and `<desc>`, a text summary beside it, and the same
figures as a table (`Chart.table`) under it. Colour is never the only carrier: values are
written in or beside the shapes, and marked buurten carry a sign as well.
"""

import math
import statistics
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from .tables import Table, number

WEEKDAYS = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
DAYPARTS = (_("morning"), _("afternoon"), _("evening"))
# A sequential scale, light to dark; text on the two darkest steps is white (contrast >= 4.5).
SCALE = ("#f1f5fb", "#c6d7ee", "#8fb1dc", "#3f73b8", "#1d4a85")
INK, MARKED = "#1b1b1b", "#b3261e"
MARK_SIGN = "★"


@dataclass
class Chart:
    key: str  # unique on the page: the ids of its title and description
    title: str
    description: str
    summary: str
    svg: SafeString
    table: Table | None = None


def _svg(key: str, title: str, description: str, width: int, height: int, body) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" '
        'height="{h}" class="sb-chart__svg" role="img" aria-labelledby="{k}-title {k}-desc" '
        'font-family="sans-serif" font-size="12">'
        '<title id="{k}-title">{t}</title><desc id="{k}-desc">{d}</desc>{b}</svg>',
        w=width,
        h=height,
        k=key,
        t=title,
        d=description,
        b=body,
    )


def f1(value: float) -> str:
    """A coordinate with one decimal: SVG needs no more, and the markup stays small."""
    return f"{value:.1f}"


def level(value: float, highest: float) -> int:
    """The step of SCALE for a value: 0 for nothing, then four steps up to the highest."""
    if not value or not highest:
        return 0
    return min(len(SCALE) - 1, 1 + int((len(SCALE) - 2) * value / highest + 0.5))


def bar_chart(
    *, key, title, description, summary, bars, table=None, places=1, label_width=170
) -> Chart:
    """Horizontal bars: bars is [(label, value or None, marked)], drawn in the given order."""
    row, bar_space, width = 20, 360, label_width + 360 + 70
    highest = max((value for _l, value, _m in bars if value), default=0) or 1
    shapes = []
    for index, (label, value, marked) in enumerate(bars):
        y = 10 + index * row
        sign = f" {MARK_SIGN}" if marked else ""
        length = 0 if not value else max(1, bar_space * value / highest)
        shapes.append(
            format_html(
                '<text x="{lx}" y="{ty}" text-anchor="end" fill="{ink}">{label}{sign}</text>'
                '<rect x="{bx}" y="{y}" width="{len}" height="{h}" fill="{fill}"/>'
                '<text x="{vx}" y="{ty}" fill="{ink}">{value}</text>',
                lx=label_width - 6,
                ty=y + 13,
                ink=INK,
                label=label,
                sign=sign,
                bx=label_width,
                y=y + 2,
                len=f1(length),
                h=row - 6,
                fill=MARKED if marked else SCALE[3],
                vx=f1(label_width + length + 4),
                value=number(value, places),
            )
        )
    svg = _svg(key, title, description, width, 20 + len(bars) * row, mark_safe("".join(shapes)))
    return Chart(key, title, description, summary, svg, table)


def week_grid(*, key, title, grid, highest) -> SafeString:
    """Seven days by three parts of the day, the count written in each cell."""
    cell, left, top = 30, 70, 20
    shapes = [
        format_html(
            '<text x="{x}" y="14" text-anchor="middle" fill="{ink}">{day}</text>',
            x=left + i * cell + cell // 2,
            ink=INK,
            day=day,
        )
        for i, day in enumerate(WEEKDAYS)
    ]
    for part, name in enumerate(DAYPARTS):
        y = top + part * cell
        shapes.append(
            format_html(
                '<text x="{x}" y="{y}" text-anchor="end" fill="{ink}">{name}</text>',
                x=left - 6,
                y=y + 19,
                ink=INK,
                name=name,
            )
        )
        for day in range(7):
            count = grid[day][part]
            step = level(count, highest)
            shapes.append(
                format_html(
                    '<rect x="{x}" y="{y}" width="{s}" height="{s}" fill="{fill}" '
                    'stroke="#ffffff"/><text x="{tx}" y="{ty}" text-anchor="middle" '
                    'fill="{ink}">{count}</text>',
                    x=left + day * cell,
                    y=y,
                    s=cell,
                    fill=SCALE[step],
                    tx=left + day * cell + cell // 2,
                    ty=y + 19,
                    ink="#ffffff" if step >= 3 else INK,
                    count=count,
                )
            )
    total = sum(map(sum, grid))
    description = _("%(total)s activities; empty cells: nothing planned then.") % {"total": total}
    return _svg(
        key, title, description, left + 7 * cell + 4, top + 3 * cell + 4, mark_safe("".join(shapes))
    )


def time_series(*, key, title, description, summary, points, table=None) -> Chart:
    """A line over months: points is [("YYYY-MM", count)]."""
    width, height, left, bottom, top = 640, 200, 40, 30, 12
    highest = max((count for _m, count in points), default=0) or 1
    step = (width - left - 40) / max(1, len(points) - 1)  # room for the last label
    plot = height - bottom - top

    def xy(index, count):
        return left + index * step, top + plot - plot * count / highest

    coords = [xy(i, count) for i, (_m, count) in enumerate(points)]
    every = max(1, math.ceil(len(points) / 6))
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" fill="' + INK + '">{}</text>',
        (
            (f1(coords[i][0]), height - 10, month)
            for i, (month, _c) in enumerate(points)
            if i % every == 0 or i == len(points) - 1
        ),
    )
    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="3" fill="' + SCALE[4] + '"><title>{}: {}</title></circle>',
        (
            (f1(x), f1(y), month, count)
            for (x, y), (month, count) in zip(coords, points, strict=True)
        ),
    )
    body = format_html(
        '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="{ink}"/>'
        '<text x="{lx}" y="{ty}" text-anchor="end" fill="{ink}">{high}</text>'
        '<text x="{lx}" y="{b}" text-anchor="end" fill="{ink}">0</text>'
        '<polyline points="{line}" fill="none" stroke="{stroke}" stroke-width="2"/>{dots}{labels}',
        l=left,
        r=width - 10,
        b=top + plot,
        ink=INK,
        lx=left - 6,
        ty=top + 4,
        high=highest,
        line=" ".join(f"{f1(x)},{f1(y)}" for x, y in coords),
        stroke=SCALE[4],
        dots=dots,
        labels=labels,
    )
    svg = _svg(key, title, description, width, height, body)
    return Chart(key, title, description, summary, svg, table)


def point_map(*, key, title, description, summary, points, table=None) -> Chart:
    """Buurten as circles at their centre points (not their boundaries, which we do not have):
    points is [(name, latitude, longitude, value or None, marked)], coloured and sized by value."""
    width, height, pad = 560, 480, 30
    lats = [float(p[1]) for p in points] or [0.0]
    lons = [float(p[2]) for p in points] or [0.0]
    squeeze = math.cos(math.radians(statistics.fmean(lats)))
    span_x = (max(lons) - min(lons)) * squeeze or 1
    span_y = (max(lats) - min(lats)) or 1
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)
    highest = max((p[3] for p in points if p[3]), default=0) or 1
    shapes = []
    for name, lat, lon, value, marked in points:
        x = pad + (float(lon) - min(lons)) * squeeze * scale
        y = height - pad - (float(lat) - min(lats)) * scale
        step = level(value or 0, highest)
        shapes.append(
            format_html(
                '<circle cx="{x}" cy="{y}" r="{r}" fill="{fill}" stroke="{stroke}" '
                'stroke-width="{sw}"><title>{name}: {value}</title></circle>',
                x=f1(x),
                y=f1(y),
                r=11,
                fill=SCALE[step],
                stroke=MARKED if marked else "#5a5a5a",
                sw=3 if marked else 1,
                name=name,
                value=number(value, 1),
            )
        )
        if marked:
            shapes.append(
                format_html(
                    '<text x="{x}" y="{y}" fill="{ink}">{sign} {name}</text>',
                    x=f1(x + 14),
                    y=f1(y + 4),
                    ink=INK,
                    sign=MARK_SIGN,
                    name=name,
                )
            )
    svg = _svg(key, title, description, width, height, mark_safe("".join(shapes)))
    return Chart(key, title, description, summary, svg, table)
