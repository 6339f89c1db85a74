"""Tests: real PostgreSQL and Redis. Embedded ones in a fresh temporary folder unless configured.

The folder is new for every test run, so two runs on one machine never share a database, and
subprocesses started by tests (a Celery worker) inherit the URLs through the environment.

With pytest-xdist every test process gets its own embedded Redis (one test stops Redis on
purpose, every test empties the cache, and Celery tasks must reach the worker of their own
process) and shares the embedded PostgreSQL, where pytest-django gives each process its own
database. TIM_TEST_REDIS_OWNER says which process started the Redis in the environment.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from tim import embedded


def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="tim-test-"))
    os.environ["TIM_VAR_DIR"] = str(folder)
    # atexit runs last-registered first: stop the servers (Redis here, PostgreSQL through
    # pgserver's own handler) before the folder goes, or they would outlive the test run.
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _own_redis(folder: Path) -> None:
    os.environ["REDIS_URL"] = embedded.start_redis(folder / "redis")[0]
    os.environ["TIM_TEST_REDIS_OWNER"] = os.environ.get("PYTEST_XDIST_WORKER", "main")
    atexit.register(embedded.stop_redis, folder / "redis")


_process = os.environ.get("PYTEST_XDIST_WORKER")
_owner = os.environ.get("TIM_TEST_REDIS_OWNER")
if _process and _owner and _owner != _process:
    _own_redis(_folder())
elif "DATABASE_URL" not in os.environ or "REDIS_URL" not in os.environ:
    _var = _folder()
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = embedded.start_postgres(_var / "pgdata")
    if "REDIS_URL" not in os.environ:
        _own_redis(_var)

from .base import *  # noqa: E402, F403

DEBUG = False
ENVIRONMENT = "test"
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
BASE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
MEDIA_ROOT = Path(os.environ["TIM_VAR_DIR"]) / "media"
# Tests count the queries of a render and read response.context: the page cache would answer
# their second request from Redis. tests/tim/test_page_cache.py switches it on.
PAGE_CACHE_ENABLED = False

# A worker in another process cannot share the locmem mailbox: a test that starts one sets
# TIM_TEST_MAIL_DIR and reads the files. The broker keeps production's hour before it hands a
# killed worker's task to another; what rescues the work is the outbox sweeper, run here every
# second with a lease of three seconds instead of every minute with five minutes.
if os.environ.get("TIM_TEST_MAIL_DIR"):
    OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["TIM_TEST_MAIL_DIR"]
    OUTBOX_LEASE_SECONDS = 3
    FAN_OUT_GRACE_SECONDS = 1
    CELERY_BEAT_SCHEDULE = {  # noqa: F405
        **CELERY_BEAT_SCHEDULE,  # noqa: F405
        "outbox-sweeper": {"task": "notifications.tasks.sweep_outbox", "schedule": 1.0},
    }
