"""Production: everything from the environment, and a refusal to start with development shortcuts.

Missing DATABASE_URL, REDIS_URL or SECRET_KEY raise ImproperlyConfigured, so the embedded servers
are never started here; `manage.py check --deploy` also refuses the demo passwords (tim/checks.py).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
REDIS_URL = env("REDIS_URL")
CACHES["default"]["LOCATION"] = REDIS_URL  # noqa: F405
CELERY_BROKER_URL = REDIS_URL
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

if env.bool("DEBUG", default=False):
    raise ImproperlyConfigured("DEBUG must be off in production.")
ENVIRONMENT = "production"
DEBUG = False
if len(SECRET_KEY) < 40 or "dev-only" in SECRET_KEY or "test-only" in SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be a long random value of your own.")
if "EMAIL_URL" not in env:
    raise ImproperlyConfigured("EMAIL_URL must name the SMTP server in production.")
_db_host = str(
    DATABASES["default"].get("HOST") or DATABASES["default"].get("OPTIONS", {}).get("host")
)
if "pgdata" in _db_host or _db_host.startswith(str(VAR_DIR)):  # noqa: F405
    raise ImproperlyConfigured("DATABASE_URL points at the embedded PostgreSQL of development.")
_embedded_redis_port = VAR_DIR / "redis" / "redis.port"  # noqa: F405
if _embedded_redis_port.exists() and f":{_embedded_redis_port.read_text().strip()}/" in REDIS_URL:
    raise ImproperlyConfigured("REDIS_URL points at the embedded Redis of development.")

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Off unless the operator says so (`manage.py check --deploy` warns, W005/W021): HSTS for every
# subdomain reaches hosts this site does not run, and the preload list is hard to leave again.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Behind HTTPS, a stray http:// address of a photo or a link in an editor's text is upgraded.
for _policy in (CONTENT_SECURITY_POLICY, TIM_ADMIN_CONTENT_SECURITY_POLICY):  # noqa: F405
    _policy["DIRECTIVES"]["upgrade-insecure-requests"] = True
