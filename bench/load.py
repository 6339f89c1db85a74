"""Throughput and latency of every public page type under gunicorn, beside two baseline views.

    bench/load [--duration 5] [--sizes demo large] [--connections 2] [--only search …]

Starts its own embedded PostgreSQL and Redis under var/bench/ (never ./var/ of `make run`) with
two databases: `tim_bench` (the demo content) and `tim_load` (the demo content plus
`generate_load_data` at full size; generated once, about four minutes, and kept). For each data
set it starts gunicorn as production does (2 sync workers for 2 cores, DEBUG off, persistent
database connections; settings `bench.settings`), first with the page cache and then without it,
and runs wrk on loopback against every page type for `--duration` seconds each (one thread,
`--connections` connections, by default one per worker, so latency is the time a page takes
and not time spent queueing behind another request). The SQL queries per page come
from one uncached request in-process (bench/probe.py), worker memory from /proc after each run.
Results go to bench/results/load.md with the command and the machine's load.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = ROOT / "var" / "bench"
PYTHON = sys.executable
PORT = 8097
DATABASES = {"demo": "tim_bench", "large": "tim_load"}
REDIS_DB = {"demo": 1, "large": 2}  # a page cache per data set: the same addresses, other pages
RESULTS = ROOT / "bench" / "results" / "load.md"
ACCEPT_ENCODING = "gzip, deflate, br"  # what browsers, feed readers and CDNs send


def start_servers() -> tuple[dict[str, str], str, bool]:
    """PostgreSQL (stopped by pgserver when this process ends) and Redis (stopped by main() if
    this run started it)."""
    from tim import embedded

    urls = {size: embedded.start_postgres(VAR / "pgdata", name) for size, name in DATABASES.items()}
    redis_url, started = embedded.start_redis(VAR / "redis")
    return urls, redis_url, started


def environment(database_url: str, redis_url: str, size: str, *, cached: bool = True) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url.rsplit("/", 1)[0] + f"/{REDIS_DB[size]}",
        TIM_VAR_DIR=str(VAR),
        TIM_BENCH_PAGE_CACHE="on" if cached else "off",
        BASE_URL=f"http://127.0.0.1:{PORT}",
    )
    return env


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else None,
    )  # fmt: skip
    return result.stdout or ""


def prepare(env: dict, size: str) -> str:
    """Migrated, with the demo content, and at the large size the generated set (made once)."""
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo", "--if-empty", capture=True)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    if size != "large":
        return ""
    marker = VAR / "tim_load.generated"
    if not marker.exists():
        started = time.monotonic()
        output = manage(env, "generate_load_data", capture=True)
        marker.write_text(f"{output}\nwall clock: {time.monotonic() - started:.0f} s\n")
    return marker.read_text()


def start_gunicorn(env: dict) -> subprocess.Popen:
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "tim.wsgi", "--bind", f"127.0.0.1:{PORT}",
         "--workers", "2", "--worker-class", "sync", "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/ok/", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=30)


def worker_memory_mb(master: subprocess.Popen) -> list[tuple[float, float]]:
    """(resident now, peak) in MB of each worker."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    memory = []
    for pid in children:
        status = dict(
            line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
        )
        memory.append(tuple(int(status[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM")))
    return memory


def warm(path: str, *, until_hit: bool) -> str:
    """Requests first: the worker's own caches warm and, with the page cache on, until the page
    comes from it (a fresh worker's first slow Redis answer pauses the cache for 30 s). Returns
    the last X-Page-Cache header ("" for a page that is never shared, e.g. one with a form)."""
    deadline = time.monotonic() + 40
    state = ""
    for attempt in range(1000):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=30) as response:
                response.read()
                state = response.headers.get("X-Page-Cache", "")
        except OSError as error:  # an error page is measured as it is, and shows as "not 2xx"
            print(f"  {path}: {error}", flush=True)
        waiting = until_hit and state in ("miss", "error") and time.monotonic() < deadline
        if attempt >= 2 and not waiting:
            return state
        if attempt >= 2:
            time.sleep(0.5)
    return state


def wrk(path: str, duration: int, connections: int) -> dict:
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
         "-H", f"Accept-Encoding: {ACCEPT_ENCODING}",
         "-s", str(ROOT / "bench" / "wrk_report.lua"), f"http://127.0.0.1:{PORT}{path}"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def measure(env: dict, pages: dict, args) -> tuple[dict, list]:
    server = start_gunicorn(env)
    try:
        results = {}
        cached = env["TIM_BENCH_PAGE_CACHE"] == "on"
        for name, page in pages.items():
            state = warm(page["path"], until_hit=cached and not name.endswith(" view"))
            results[name] = wrk(page["path"], args.duration, args.connections)
            if cached:
                results[name]["cache"] = state
            print(f"  {name:32} {results[name]}", flush=True)
        return results, worker_memory_mb(server)
    finally:
        stop(server)


def flush_page_cache(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def fmt(result: dict) -> tuple[str, str]:
    note = ""
    if result.get("cache") not in ("hit", None, ""):
        note = f" (cache: {result['cache']})"
    if result["errors"] or result["non2xx"]:
        note = f" ({result['errors']} errors, {result['non2xx']} not 2xx)"
    latency = f"{result['p50']:.1f} / {result['p95']:.1f} / {result['p99']:.1f}"
    return f"{result['rps']:,.0f}{note}", latency


def table(size: str, pages: dict, cached: dict, uncached: dict) -> list[str]:
    bare = cached["bare view"]["rps"]
    one_query_p95 = uncached["one-query view"]["p95"]
    one_query_ms = pages["one-query view"]["cold_ms"]
    lines = [
        f"### {size}",
        "",
        "| page | path | queries | cached req/s | cached p50 / p95 / p99 ms | uncached req/s "
        "| uncached p50 / p95 / p99 ms | cached ÷ bare req/s | uncached p95 ÷ one-query p95 "
        "| nothing kept: queries, ms in-process | nothing kept ÷ one-query |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, page in pages.items():
        hit_rps, hit_latency = fmt(cached[name])
        miss_rps, miss_latency = fmt(uncached[name])
        lines.append(
            f"| {name} | `{page['path']}` | {page['queries']} | {hit_rps} | {hit_latency} "
            f"| {miss_rps} | {miss_latency} | {cached[name]['rps'] / bare:.2f} "
            f"| {uncached[name]['p95'] / one_query_p95:.1f} "
            f"| {page['cold_queries']}, {page['cold_ms']:.1f} "
            f"| {page['cold_ms'] / one_query_ms:.0f} |"
        )
    return lines


def targets(cached: dict, uncached: dict, *, large: bool) -> list[str]:
    """The issue's targets, as ratios within this run."""
    bare, one_query_p95 = cached["bare view"]["rps"], uncached["one-query view"]["p95"]
    pages = [name for name in cached if not name.endswith(" view")]
    slow_hits = [name for name in pages if cached[name]["rps"] < 0.8 * bare]
    slow_misses = [name for name in pages if uncached[name]["p95"] > 10 * one_query_p95]
    lines = [
        f"- cached ≥ 0.8 × bare view ({bare:,.0f} req/s): "
        + (f"not met by {', '.join(slow_hits)}" if slow_hits else "met by every page"),
        f"- uncached p95 ≤ 10 × one-query p95 ({10 * one_query_p95:.0f} ms): "
        + (f"not met by {', '.join(slow_misses)}" if slow_misses else "met by every page"),
    ]
    sitemaps = [name for name in pages if "sitemap" in name]
    if large and "search" in uncached:
        lines.append(f"- search p95 uncached ≤ 150 ms: {uncached['search']['p95']:.0f} ms")
    if large and sitemaps:
        lines.append(
            f"- each sitemap file uncached < 200 ms: slowest p95 "
            f"{max(uncached[name]['p95'] for name in sitemaps):.0f} ms "
            f"(p50 {max(uncached[name]['p50'] for name in sitemaps):.0f} ms)"
        )
    return ["Targets:", "", *lines, ""]


def chosen(name: str, only: list[str]) -> bool:
    """A baseline view, or a page type that `--only` names (every page without `--only`)."""
    return not only or name.endswith(" view") or any(w.lower() in name.lower() for w in only)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per page")
    parser.add_argument(
        "--connections", type=int, default=2,
        help="one per worker: latency is the time a page takes, not time in the queue",
    )  # fmt: skip
    parser.add_argument("--sizes", nargs="+", choices=list(DATABASES), default=list(DATABASES))
    parser.add_argument(
        "--only", nargs="+", default=[],
        help="only the page types whose name has one of these words (the baselines always run)",
    )  # fmt: skip
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    command = "bench/load " + " ".join(sys.argv[1:])
    urls, redis_url, started_redis = start_servers()
    try:
        return run(args, command, urls, redis_url)
    finally:
        if started_redis:
            from tim import embedded

            embedded.stop_redis(VAR / "redis")


def run(args, command: str, urls: dict[str, str], redis_url: str) -> int:
    report = [
        "# Load: every public page type under gunicorn, beside a bare and a one-query view",
        "",
        f"Command: `{command}` ({args.duration} s of `wrk -t1 -c{args.connections}` per page "
        f"and mode, on 127.0.0.1, with `Accept-Encoding: {ACCEPT_ENCODING}` as browsers send "
        "it). gunicorn: 2 sync workers, `bench.settings` (DEBUG off, "
        "persistent connections, hashed static files). Cached: the page cache in Redis, warmed "
        "until the page is a hit; uncached: the page cache off (a cache that stores nothing), "
        "the pieces every visitor shares (tim.pagecache.fragment) still kept in Redis, as on a "
        "page-cache miss in production. Queries: one uncached request in-process. Nothing "
        "kept: the page cache and the shared pieces both off, as right after a publish (queries, "
        "and the median of five requests in-process; the last column compares it with the "
        "one-query view measured the same way). Latency in ms. The machine is shared with "
        "other work: compare rows of one run, not runs.",
        "",
        f"Machine: {os.cpu_count()} cores; load at start: `{uptime()}`",
        "",
    ]
    memory_lines = []
    for size in args.sizes:
        env = environment(urls[size], redis_url, size)
        print(f"{size}: preparing {DATABASES[size]}", flush=True)
        generated = prepare(env, size)
        probe = [PYTHON, "bench/probe.py"]
        pages = json.loads(subprocess.run(probe, cwd=ROOT, env=env, check=True,
                                          capture_output=True, text=True).stdout)  # fmt: skip
        pages = {name: page for name, page in pages.items() if chosen(name, args.only)}
        flush_page_cache(env["REDIS_URL"])
        print(f"{size}: cached", flush=True)
        cached, cached_memory = measure(env, pages, args)
        print(f"{size}: uncached", flush=True)
        uncached, uncached_memory = measure(
            environment(urls[size], redis_url, size, cached=False), pages, args
        )
        report += table(f"{size} data set ({DATABASES[size]})", pages, cached, uncached) + [""]
        report += targets(cached, uncached, large=size == "large")
        if generated:
            report += ["Generated with `manage.py generate_load_data`:", "", "```",
                       generated.strip(), "```", ""]  # fmt: skip
        for mode, memory in (("cached", cached_memory), ("uncached", uncached_memory)):
            memory_lines.append(
                f"| {size} | {mode} | "
                + ", ".join(f"{now:.0f} (peak {peak:.0f})" for now, peak in memory)
                + " |"
            )
    report += ["### Worker memory (MB) after each run", "",
               "| data set | run | each worker: resident (peak) |", "|---|---|---|",
               *memory_lines, "", f"Load at the end: `{uptime()}`", ""]  # fmt: skip
    args.output.write_text("\n".join(report))
    print(f"Written to {args.output}")
    return 0


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
