"""Run by `bench/load` with bench.settings on one database: the addresses of each page type in
this data set, the SQL queries each one runs on a page-cache miss (its shared pieces kept in
Redis), and, with nothing kept at all (right after a publish), its queries and the median time
of five requests in this process. Prints JSON."""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["TIM_BENCH_PAGE_CACHE"] = "off"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from initiatives.models import ActivityPage, InitiativePage  # noqa: E402
from meetingplaces.models import MeetingPlacePage  # noqa: E402
from news.models import NewsPage  # noqa: E402
from tim.sitemaps import sections  # noqa: E402


def first(queryset):
    """The oldest live page of a type: a demo page, the same one in both data sets."""
    return queryset.live().order_by("pk").first().url


def pages() -> dict[str, str]:
    news = sections()["nieuws"]
    last_full_file = max(1, news.items().count() // news.limit)  # 1,000 addresses, if there are
    return {
        "bare view": "/bench/ok/",
        "one-query view": "/bench/one-query/",
        "/": "/",
        "buurt home": "/pottenberg/",
        "/nieuws/": "/nieuws/",
        "news item": first(NewsPage.objects.filter(buurt__slug="pottenberg")),
        "/agenda/": "/agenda/",
        "buurt agenda": "/pottenberg/agenda/",
        "/ontmoetingsplekken/": "/ontmoetingsplekken/",
        "meeting place": first(MeetingPlacePage.objects),
        "initiative": first(InitiativePage.objects),
        "activity": first(ActivityPage.objects),
        "/vrijwilligerswerk/": "/vrijwilligerswerk/",
        "search": "/zoeken/?q=buurt",
        "search, rare word": "/zoeken/?q=moestuin+pottenberg",
        "/sitemap.xml": "/sitemap.xml",
        "sitemap section (last full file)": f"/sitemap-nieuws.xml?p={last_full_file}",
        "news feed (RSS)": "/nieuws/rss/",
        "buurt feed (Atom)": "/pottenberg/nieuws/atom/",
        "iCal of a buurt": "/ical/buurt/pottenberg.ics",
        "HSDS export": "/ontmoetingsplekken/open-data/hsds.json",
        "API list": "/api/v2/pages/?type=news.NewsPage",
    }


def measured(path: str) -> dict:
    """Queries on a page-cache miss, then queries and time with nothing kept; or the status
    code when the page did not answer 200."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)  # renditions, caches of the process and shared pieces warmed
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        return {"queries": f"HTTP {response.status_code}", "cold_queries": "", "cold_ms": 0.0}
    queries = len(captured)  # now: the next request empties the log it reads
    with override_settings(PAGE_CACHE_ENABLED=False):
        with CaptureQueriesContext(connection) as cold:
            client.get(path)
        cold_queries = len(cold)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
    return {
        "queries": str(queries),
        "cold_queries": str(cold_queries),
        "cold_ms": statistics.median(times),
    }


if __name__ == "__main__":
    print(json.dumps({name: {"path": path, **measured(path)}
                      for name, path in pages().items()}))  # fmt: skip
