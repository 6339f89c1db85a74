"""Tests: real PostgreSQL and Redis. Embedded ones in a fresh temporary folder unless configured.

The folder is new for every test run, so two runs on one machine never share a database, and
subprocesses started by tests (a Celery worker) inherit the URLs through the environment.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from tim import embedded

if "DATABASE_URL" not in os.environ or "REDIS_URL" not in os.environ:
    _var = Path(tempfile.mkdtemp(prefix="tim-test-"))
    os.environ["TIM_VAR_DIR"] = str(_var)
    # atexit runs last-registered first: stop the servers (Redis here, PostgreSQL through pgserver's
    # own handler) before the folder goes, or they would outlive the test run.
    atexit.register(shutil.rmtree, _var, ignore_errors=True)
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = embedded.start_postgres(_var / "pgdata")
    if "REDIS_URL" not in os.environ:
        os.environ["REDIS_URL"] = embedded.start_redis(_var / "redis")[0]
        atexit.register(embedded.stop_redis, _var / "redis")

from .base import *  # noqa: E402, F403

DEBUG = False
ENVIRONMENT = "test"
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = Path(os.environ["TIM_VAR_DIR"]) / "media"

# A worker in another process cannot share the locmem outbox: a test that starts one sets
# TIM_TEST_MAIL_DIR and reads the files. Short visibility timeout: a killed worker's task is
# redelivered within seconds, not the production hour.
if os.environ.get("TIM_TEST_MAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["TIM_TEST_MAIL_DIR"]
    CELERY_BROKER_TRANSPORT_OPTIONS = {  # noqa: F405
        **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
        "visibility_timeout": 5,
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    }
