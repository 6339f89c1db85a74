"""`make run`: one command that starts everything a developer needs, and stops it on Ctrl-C.

Without DATABASE_URL / REDIS_URL it starts the embedded PostgreSQL and Redis under ./var/ (kept
between runs), migrates, loads the demo content the first time, and runs the web server, a
Celery worker and Celery beat as child processes.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tim import embedded

BASE_DIR = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("TIM_VAR_DIR", BASE_DIR / "var"))


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, check=True)


def start(command):
    # A new session: Ctrl-C reaches this launcher, which stops the children in order.
    return subprocess.Popen(command, cwd=BASE_DIR, start_new_session=True)


def watch(running: dict, commands: dict, children: list) -> int:
    """Start a dead worker or beat again (emails it left are taken up by the outbox sweeper);
    a dead web server, or a worker that dies again and again, stops `make run` with a message."""
    restarts = []
    while True:
        time.sleep(0.5)
        for name, process in running.items():
            code = process.poll()
            if code is None:
                continue
            restarts = [moment for moment in restarts if time.monotonic() - moment < 60]
            if name == "web" or len(restarts) >= 5:
                print(f"\n{name} stopped (exit code {code}); make run stops too.")
                return 1
            print(f"\n{name} stopped (exit code {code}); starting it again.")
            restarts.append(time.monotonic())
            running[name] = start(commands[name])
            children.append(running[name])


def stop(signum, frame):
    """SIGTERM (from `kill`, or a supervisor) stops everything in order, as Ctrl-C does."""
    raise KeyboardInterrupt


def main() -> int:
    signal.signal(signal.SIGTERM, stop)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tim.settings.dev")
    started_redis = False
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = embedded.start_postgres(VAR / "pgdata")
        print(f"Embedded PostgreSQL in {VAR / 'pgdata'}")
    if "REDIS_URL" not in os.environ:
        os.environ["REDIS_URL"], started_redis = embedded.start_redis(VAR / "redis")
        print(f"Embedded Redis at {os.environ['REDIS_URL']}")

    port = os.environ.get("PORT", "8000")
    # Links in emails (written by the worker, which has no request) point at this very server.
    os.environ.setdefault("BASE_URL", f"http://127.0.0.1:{port}")
    celery = [sys.executable, "-m", "celery", "-A", "tim"]
    children = []
    try:
        manage("migrate", "--noinput", "-v", "0")
        manage("load_demo", "--if-empty")
        commands = {
            "worker": [*celery, "worker", "--loglevel", "INFO", "--concurrency", "2"],
            "beat": [*celery, "beat", "--loglevel", "INFO",
                     "--schedule", str(VAR / "celerybeat-schedule")],
            "web": [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"],
        }  # fmt: skip
        running = {name: start(command) for name, command in commands.items()}
        children = list(running.values())
        print(f"\nThuis in Maastricht runs on http://127.0.0.1:{port}/  (admin: /beheer/)")
        print("Ctrl-C stops everything.\n")
        return watch(running, commands, children)
    except KeyboardInterrupt:
        return 0
    finally:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        if started_redis:
            embedded.stop_redis(VAR / "redis")


if __name__ == "__main__":
    sys.exit(main())
