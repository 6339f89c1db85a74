"""Fan-out benchmark (not a test): one publish to N followers, one real Celery worker.

    .venv/bin/python bench/fanout.py 1000 10000 50000 [--kill 10000]

Starts its own embedded PostgreSQL and Redis (tim.settings.test), migrates, creates N followers
of one buurt, publishes a page, and measures the wall time from the commit until every outbox
email is sent (file backend) and the worker's peak memory (VmHWM). With --kill N the whole
worker (solo pool: one process) is SIGKILLed at a third of the sends and a new one with beat
inside is started: the broker keeps the killed task for its visibility timeout, so the rest is
sent by the outbox sweeper (every second, lease 3 s, in these settings). Duplicates and losses
are counted from the written emails. Results go to bench/results/fanout.md.
"""

import collections
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MAIL_DIR = Path(tempfile.mkdtemp(prefix="tim-bench-mail-"))
os.environ["TIM_TEST_MAIL_DIR"] = str(MAIL_DIR)
os.environ["DJANGO_SETTINGS_MODULE"] = "tim.settings.test"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from neighbourhoods import services as site  # noqa: E402
from neighbourhoods.models import NeighbourhoodPage, StandardPage  # noqa: E402
from notifications.models import Follow, Frequency, OutgoingEmail  # noqa: E402
from tests.notifications.mailfiles import read_messages  # noqa: E402
from tim.celery import app  # noqa: E402


def start_worker(beat=False):
    command = [sys.executable, "-m", "celery", "-A", "tim", "worker", "--pool", "solo",
               "--loglevel", "WARNING", "--without-gossip", "--without-mingle"]  # fmt: skip
    if beat:
        command += ["--beat", "--schedule", str(MAIL_DIR.parent / "bench-beat-schedule")]
    process = subprocess.Popen(command, env=dict(os.environ), cwd=ROOT)
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5):
        if time.monotonic() > deadline:
            raise RuntimeError("worker did not start")
    return process


def peak_memory_mb(process):
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def prepare(count):
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE notifications_delivery, notifications_follow,"
            " notifications_outgoingemail, notifications_fanout"
        )
    for path in MAIL_DIR.glob("*"):
        path.unlink()
    User = get_user_model()
    User.objects.filter(email__startswith="bench").delete()
    buurt = NeighbourhoodPage.objects.get(slug="pottenberg")
    users = User.objects.bulk_create(
        (User(email=f"bench{number}@example.org") for number in range(count)), batch_size=5000
    )
    Follow.objects.bulk_create(
        (Follow(user=user, page=buurt, frequency=Frequency.DIRECT) for user in users),
        batch_size=5000,
    )
    return buurt


def sent():
    return OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT).count()


def wait_for(count, timeout=1800):
    deadline = time.monotonic() + timeout
    while sent() < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {sent()} of {count} sent")
        time.sleep(0.2)


def run(count, kill=False):
    buurt = prepare(count)
    worker = start_worker()
    with transaction.atomic():
        page = buurt.add_child(instance=StandardPage(title=f"Bench {count}", live=False))
        page.save_revision().publish()
    started = time.monotonic()
    result = {"followers": count, "killed": kill}
    if kill:
        while sent() < count // 3:
            time.sleep(0.02)
        result["peak_mb_first_worker"] = peak_memory_mb(worker)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        result["sent_when_killed"] = sent()
        worker = start_worker(beat=True)
    wait_for(count)
    result["seconds"] = time.monotonic() - started
    result["peak_mb"] = peak_memory_mb(worker)
    worker.terminate()
    worker.wait()
    per_recipient = collections.Counter(message["To"] for message in read_messages(MAIL_DIR))
    result["emails"] = sum(per_recipient.values())
    result["duplicates"] = sum(n - 1 for n in per_recipient.values() if n > 1)
    result["lost"] = count - len(per_recipient)
    result["delivery_rows"] = OutgoingEmail.objects.count()
    print(result, flush=True)
    return result


LOAD_AT_START = ""


def main(argv):
    global LOAD_AT_START
    LOAD_AT_START = "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    kill_sizes = [int(argv[i + 1]) for i, arg in enumerate(argv) if arg == "--kill"]
    sizes = [int(arg) for i, arg in enumerate(argv) if arg.isdigit() and argv[i - 1] != "--kill"]
    call_command("migrate", verbosity=0)
    home = site.ensure_city_home()
    site.import_buurten(site.read_buurten())
    site.ensure_city_pages(home)
    app.control.purge()  # the set-up's own publishes queued fan-outs with no followers
    results = [run(size) for size in sizes] + [run(size, kill=True) for size in kill_sizes]
    write(results, argv)


def write(results, argv):
    memory = next(
        line.split(":")[1].strip()
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    lines = [
        "# Fan-out benchmark",
        "",
        f"Command: `.venv/bin/python bench/fanout.py {' '.join(argv)}`",
        "",
        f"Machine: {os.cpu_count()} CPUs (nproc), {memory} memory, Python "
        f"{platform.python_version()}, {platform.platform()}; embedded PostgreSQL and Redis on "
        "the same machine; one Celery worker (solo pool); Django's file email backend.",
        "",
        "Wall time: from the commit of the publish until the last outbox row is marked sent "
        "(rows inserted, every email rendered in the recipient's language and written). "
        "Peak memory: the worker process's VmHWM.",
        "",
        "| followers | worker killed | wall time (s) | worker peak memory (MB) | emails | "
        "duplicates | lost | outbox rows |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        killed = f"yes, after {r['sent_when_killed']} sent" if r["killed"] else "no"
        lines.append(
            f"| {r['followers']:,} | {killed} | {r['seconds']:.1f} | {r['peak_mb']:.0f} | "
            f"{r['emails']:,} | {r['duplicates']} | {r['lost']} | {r['delivery_rows']:,} |"
        )
    lines += [
        "",
        "With a killed worker the wall time includes starting a new worker; the broker keeps the "
        "killed task for an hour, so the outbox sweeper (beat, every second here, every minute "
        "in production) runs the rest once the 3 s lease (5 min in production) has run out.",
        "",
        f"Load at the start (/proc/loadavg, 1/5/15 min): {LOAD_AT_START}",
    ]
    (ROOT / "bench" / "results" / "fanout.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
