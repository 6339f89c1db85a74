"""Loading a buurt's own figures (the buurtmonitor's indicators) from a CSV file.

One row per indicator x buurt (CBS code) x year, with the value and its source:

    indicator,cbs_code,year,value,source
    SES-score,BU09350203,2024,-0.31,Buurtmonitor Maastricht 2024

Commas or semicolons separate the columns (a spreadsheet saved as CSV gives either); a value
may use a decimal comma; lines starting with "#" are comments. The file is checked whole first:
with any bad row nothing is saved and every bad row is named, so a corrected file can simply be
loaded again. Loading the same file twice changes nothing.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from neighbourhoods.models import NeighbourhoodPage
from tim.params import read_integer

from .models import Indicator, IndicatorValue

COLUMNS = ("indicator", "cbs_code", "year", "value", "source")
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class Row:
    line: int
    indicator: str
    buurt: NeighbourhoodPage
    year: int
    value: Decimal
    source: str


def _lines(text: str) -> list[tuple[int, str]]:
    return [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None
    stored = IndicatorValue._meta.get_field("value")
    whole_digits = stored.max_digits - stored.decimal_places  # more would fail on saving
    return value if value.is_finite() and abs(value) < 10**whole_digits else None


def read(text: str, result: Result) -> list[Row]:
    """The rows of the file, checked; problems go to result.errors with their line number."""
    lines = _lines(text)
    if not lines:
        result.errors.append((0, _("The file is empty.")))
        return []
    header_line, header = lines[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    numbers = [number for number, _line in lines]
    text = "\n".join(line for _number, line in lines)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    columns = [name.strip().lower() for name in next(reader)]
    missing = [name for name in COLUMNS if name not in columns]
    if missing:
        result.errors.append(
            (header_line, _("Missing column(s): %(columns)s.") % {"columns": ", ".join(missing)})
        )
        return []
    buurten = {buurt.cbs_code: buurt for buurt in NeighbourhoodPage.objects.all()}
    rows, seen = [], {}
    for number, cells in zip(numbers[1:], reader, strict=False):
        values = dict(zip(columns, (cell.strip() for cell in cells), strict=False))
        problems = []
        indicator = values.get("indicator", "")
        if not slugify(indicator):
            problems.append(_("the indicator is empty"))
        buurt = buurten.get(values.get("cbs_code", "").upper())
        if buurt is None:
            problems.append(
                _("unknown buurt code '%(code)s'") % {"code": values.get("cbs_code", "")}
            )
        year = values.get("year", "")
        year_number = read_integer(year, min_value=FIRST_YEAR, max_value=LAST_YEAR)
        if year_number is None:  # also `²`, which isdigit() accepts and int() refuses
            problems.append(_("'%(year)s' is not a year") % {"year": year})
        value = _number(values.get("value", ""))
        if value is None:
            problems.append(_("'%(value)s' is not a number") % {"value": values.get("value", "")})
        source = values.get("source", "")
        if not source:
            problems.append(_("the source is empty"))
        if not problems:
            key = (slugify(indicator), buurt.cbs_code, year_number)
            if key in seen:
                problems.append(_("the same as line %(line)s") % {"line": seen[key]})
            seen[key] = number
        if problems:
            message = "; ".join(problems)
            result.errors.append((number, message[:1].upper() + message[1:] + "."))
        else:
            rows.append(Row(number, indicator, buurt, year_number, value, source[:200]))
    return rows


def import_indicators(*, text: str) -> Result:
    """Check the file and, when every row is right, store its values; see the module docstring."""
    result = Result()
    rows = read(text, result)
    if not result.ok:
        return result
    with transaction.atomic():
        indicators = {}
        for row in rows:
            code = slugify(row.indicator)
            if code not in indicators:
                indicators[code], _created = Indicator.objects.get_or_create(
                    code=code, defaults={"name": row.indicator[:120]}
                )
        existing = {
            (value.indicator_id, value.buurt_id, value.year): value
            for value in IndicatorValue.objects.filter(indicator__in=indicators.values())
        }
        for row in rows:
            indicator = indicators[slugify(row.indicator)]
            current = existing.get((indicator.pk, row.buurt.pk, row.year))
            if current is None:
                IndicatorValue.objects.create(
                    indicator=indicator,
                    buurt=row.buurt,
                    year=row.year,
                    value=row.value,
                    source=row.source,
                )
                result.created += 1
            elif current.value == row.value and current.source == row.source:
                result.unchanged += 1
            else:
                current.value, current.source = row.value, row.source
                current.save(update_fields=["value", "source"])
                result.updated += 1
    return result
