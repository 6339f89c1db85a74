"""What the fuzz tests send, and how they count: hypothesis strategies that favour bad input.

Each strategy mixes valid values (so the filters run for real) with the classes of input that
answered 500 before: NUL bytes, digits `str.isdigit()` accepts and `int()` refuses or reads
differently, numbers beyond 4,300 digits or beyond bigint, dates at the edge of the calendar,
long strings and odd unicode (direction marks, byte-order marks, combining characters).
"""

import collections
import datetime
import os

from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Cases and 5xx per endpoint, for the closing table (tests/tim/conftest.py writes it out).
COUNTS: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)

# Cases per endpoint. `make test` keeps the whole fuzz suite near a minute on two busy cores;
# FUZZ_CASES=200 runs a deeper search (the closing note's table came from that).
CASES = int(os.environ.get("FUZZ_CASES", "30"))

FUZZ = settings(
    max_examples=CASES,
    deadline=None,
    derandomize=True,  # the same cases every run: a failure in CI is a failure on a laptop
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

BIGINT = 2**63
NASTY = [
    "\x00",
    "pottenberg\x00",
    "²",
    "١٢",
    "٣",
    "𝟗",
    "⁹",
    "๓",
    "9" * 4301,
    "1" * 5000,
    str(BIGINT),
    str(BIGINT - 1),
    str(-BIGINT - 1),
    "-1",
    "0",
    "+1",
    " 7 ",
    "1_000",
    "0x1f",
    "1e400",
    "1E-400",
    "NaN",
    "-Infinity",
    "9999-12-31",
    "0001-01-01",
    "10000-01-01",
    "2028-02-29",
    "2027-02-29",
    "2027-13-01",
    "2027-00-10",
    "2027-1-1",
    "31-12-2027",
    "\ufeff2027-01-01",
    "\u202e",
    "a\u0301" * 50,
    "ß" * 400,
    "x" * 5000,
    "%",
    "%00",
    "'\"<>&",
    "../..",
    "root",
    "true",
    "null",
    " ",
]
UNICODE_DIGITS = "0123456789²³¹١٢٣٠۰۱۲߀०१२๑๒𝟗⁹₉-+.,eE_ "

_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60)
_digits = st.text(alphabet=UNICODE_DIGITS, min_size=1, max_size=30)
_numbers = st.integers(min_value=-(2**80), max_value=2**80).map(str)
_dates = st.dates(min_value=datetime.date(1, 1, 1)).map(datetime.date.isoformat)
_long = st.integers(min_value=300, max_value=6000).map(lambda n: "é9" * n)
nasty = st.one_of(st.sampled_from(NASTY), _text, _digits, _numbers, _dates, _long)


def value(*valid) -> st.SearchStrategy[str]:
    """One of the valid values, or something nasty: about half and half."""
    return st.one_of(st.sampled_from(valid), nasty) if valid else nasty


def query(**fields) -> st.SearchStrategy[dict]:
    """A query string: each named field present or not, with a value from its strategy."""
    return st.fixed_dictionaries({}, optional=fields)


def send(client, endpoint: str, path: str, data=None, *, method="get", **extra):
    """The response to one case; a server error fails the case with the input that caused it.

    The request runs in a savepoint, so a database error of one case does not spoil the next.
    """
    COUNTS[endpoint]["cases"] += 1
    try:
        with transaction.atomic():
            response = getattr(client, method)(path, data or {}, **extra)
    except Exception as error:
        COUNTS[endpoint]["5xx"] += 1
        raise AssertionError(f"{method.upper()} {path} with {data!r} raised {error!r}") from error
    if response.status_code >= 500:
        COUNTS[endpoint]["5xx"] += 1
        raise AssertionError(f"{method.upper()} {path} with {data!r}: {response.status_code}")
    return response
