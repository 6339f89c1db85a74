"""Development: DEBUG on, and embedded PostgreSQL and Redis under ./var/ when nothing is configured.

The URLs are put in the environment before base.py reads them, so processes started from here
(the Celery worker, beat) use the same servers.
"""

import os
from pathlib import Path

from tim import embedded

VAR = Path(os.environ.get("TIM_VAR_DIR", Path(__file__).resolve().parents[2] / "var"))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = embedded.start_postgres(VAR / "pgdata")
if "REDIS_URL" not in os.environ:
    os.environ["REDIS_URL"] = embedded.start_redis(VAR / "redis")[0]

from .base import *  # noqa: E402, F403
from .base import env  # noqa: E402

ENVIRONMENT = "development"
DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-secret-key-never-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# With DEBUG off (to see the site's own 404 and 500 pages) the static files are still served.
WHITENOISE_USE_FINDERS = True
