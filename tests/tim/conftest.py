"""The fuzz counts (tests/tim/fuzz.py): with FUZZ_COUNTS=<file>, each test process adds its
cases and server errors per endpoint to that file as JSON lines, for the closing table."""

import json
import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def fuzz_counts_file():
    yield
    from .fuzz import COUNTS

    target = os.environ.get("FUZZ_COUNTS")
    if target and COUNTS:
        with open(target, "a", encoding="utf-8") as file:
            for endpoint, counts in sorted(COUNTS.items()):
                row = {"endpoint": endpoint, "cases": counts["cases"], "5xx": counts["5xx"]}
                file.write(json.dumps(row) + "\n")
