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


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tim.settings.dev")
    started_redis = False
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = embedded.start_postgres(VAR / "pgdata")
        print(f"Embedded PostgreSQL in {VAR / 'pgdata'}")
    if "REDIS_URL" not in os.environ:
        os.environ["REDIS_URL"], started_redis = embedded.start_redis(VAR / "redis")
        print(f"Embedded Redis at {os.environ['REDIS_URL']}")

    port = os.environ.get("PORT", "8000")
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
        for command in commands.values():
            children.append(subprocess.Popen(command, cwd=BASE_DIR))
        print(f"\nThuis in Maastricht runs on http://127.0.0.1:{port}/  (admin: /beheer/)")
        print("Ctrl-C stops everything.\n")
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        return 1
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
