"""Settings for `bench/load`: production's shape on this machine's embedded servers.

Production's module refuses the embedded PostgreSQL (rightly), so this starts from the shared
settings and applies what production changes that costs or saves time per request: DEBUG off,
persistent database connections, the hashed static files of whitenoise, no debug logging. It adds
the two baseline views (bench.urls) and, with TIM_BENCH_PAGE_CACHE=off, turns the page cache off
by pointing it at a cache that stores nothing, so uncached pages are measured as anonymous
visitors get them on a miss. The shared pieces of pages (tim.pagecache.fragment) stay in Redis,
as they do on a miss in production.
"""

import os

from tim.settings.base import *  # noqa: F403
from tim.settings.base import BASE_DIR, CACHES, TEMPLATES, VAR_DIR, env

DEBUG = False
ENVIRONMENT = "benchmark"
SECRET_KEY = "benchmark-only-secret-key-on-loopback-with-no-real-users-at-all"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = 60  # as production
ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
STATIC_ROOT = VAR_DIR / "static"
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405
if os.environ.get("TIM_BENCH_PAGE_CACHE") == "off":
    CACHES["nocache"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    PAGE_CACHE_ALIAS = "nocache"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
