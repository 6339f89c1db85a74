"""Settings shared by every environment. What differs per machine comes from the environment."""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

ENVIRONMENT = env("TIM_ENVIRONMENT", default="production")
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
VAR_DIR = Path(env("TIM_VAR_DIR", default=str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "tim",
    "accounts",
    "neighbourhoods",
    "news",
    "meetingplaces",
    "initiatives",
    "notifications",
    "participation",
    "bulletin",
    "socialbase",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_htmx",
    "csp",
    "js_lib_leaflet",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache: a stored page gets a fresh header (tim/security_headers.py).
    "tim.security_headers.SitePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",  # ETag and 304 for every GET
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tim.middleware.ChosenLanguageMiddleware",
    "tim.pagecache.PageCacheMiddleware",  # anonymous pages from Redis (tim/pagecache.py)
    "django.middleware.common.CommonMiddleware",
    "tim.kept_site.KeptSiteMiddleware",  # the Site and its home page kept, for page views
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tim.params.RejectNulMiddleware",  # a NUL byte anywhere: 400, before it reaches PostgreSQL
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "tim.urls"
CSRF_FAILURE_VIEW = "tim.views.csrf_failure"
WSGI_APPLICATION = "tim.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "tim.security_headers.nonce",
            ],
        },
    },
]

# Data stores. Without DATABASE_URL / REDIS_URL the dev and test settings start embedded servers.
DATABASES = {"default": env.db("DATABASE_URL", default="postgres:///tim")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")
# django-redis with IGNORE_EXCEPTIONS: while Redis is down a cache read is a miss and a write is
# dropped (and logged), so pages, logins and forms keep working, only slower and without limits.
CACHES = {
    "default": {
        "BACKEND": "tim.cache.DegradingRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "tim",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,  # seconds: a dead Redis must not hold a request
            "SOCKET_TIMEOUT": 0.5,
        },
    }
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "tim.cache"
# Whole pages for anonymous visitors, purged on publish (tim/pagecache.py); off for a benchmark
# of uncached pages.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)

# Celery: late acknowledgement so the work of a killed worker is done again, one task at a time.
CELERY_BROKER_URL = REDIS_URL
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    # A request that asks for a task must not hang on a dead broker: it gives up within a
    # second or two, and the outbox sweeper does the work once the broker is back.
    "socket_connect_timeout": 1,
    "socket_timeout": 2,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_TASK_IGNORE_RESULT = True
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {"task": "tim.tasks.publish_scheduled", "schedule": 60.0},
    "refresh-occurrences": {
        "task": "initiatives.tasks.refresh_occurrences",
        "schedule": crontab(hour=3, minute=15),
    },
    "notification-digests": {
        "task": "notifications.tasks.send_digests",
        "schedule": crontab(minute=0, hour=7),  # CELERY_TIMEZONE: 07:00 in Maastricht
    },
    "outbox-sweeper": {"task": "notifications.tasks.sweep_outbox", "schedule": 60.0},  # seconds
    "socialbase-summaries": {
        "task": "socialbase.tasks.refresh_all",
        "schedule": crontab(hour=3, minute=45),  # after the occurrences are refreshed
    },
    "bulletin-weekly": {
        "task": "bulletin.tasks.make_weekly_bulletins",
        "schedule": crontab(minute=0, hour=6, day_of_week="fri"),  # for the boards on Friday
    },
    "meetingplaces-confirmation-reminders": {
        "task": "meetingplaces.tasks.remind_hosts",
        "schedule": 24 * 3600.0,
    },
}

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True  # only in the browser that signed up (allauth)
# Per IP address (behind a proxy: ALLAUTH_TRUSTED_PROXY_COUNT) and per email address ("key").
# Other anonymous writes (activity sign-ups, "Ik help mee", follows, page passwords) are limited
# with django-ratelimit (tim/ratelimits.py); both answer with the friendly 429 page.
RATELIMIT_VIEW = "tim.views.ratelimited"
RATELIMIT_IP_META_KEY = "tim.ratelimits.client_ip"
RATELIMIT_FAIL_OPEN = True  # Redis down: forms keep working unlimited, rather than all refusing
ACCOUNT_RATE_LIMITS = {
    "signup": "5/10m/ip",
    "login": "20/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "10/m/ip,3/10m/key",
}

# Language and time: Dutch first, English complete.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "tim_language"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static files and uploads
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads on S3-compatible storage (django-storages) when a bucket is named, so several web
# hosts share them; MEDIA_ROOT otherwise. Keys come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default="") or None  # not Amazon: MinIO…
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default="") or None
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default="") or None  # a CDN in front
    AWS_DEFAULT_ACL = None  # the bucket's own policy decides who reads
    AWS_QUERYSTRING_AUTH = False  # photos are public: plain URLs that browsers and CDNs cache
    AWS_S3_FILE_OVERWRITE = False  # two uploads with one name both keep their file
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: every message the site sends (ours, allauth's, Wagtail's) becomes a row of the outbox
# (notifications.outbox), written in the transaction that causes it; the outbox's sender hands it
# to OUTBOX_EMAIL_BACKEND: SMTP from EMAIL_URL in production, files in var/mail/ without it.
if "EMAIL_URL" in env:
    vars().update(env.email("EMAIL_URL"))
    OUTBOX_EMAIL_BACKEND = EMAIL_BACKEND  # noqa: F821 - set by env.email()
else:
    OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_BACKEND = "notifications.outbox.OutboxBackend"
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)  # seconds: a hanging mail server is let go
# /healthz answers 503 when the oldest email has waited longer than this many seconds.
OUTBOX_STUCK_AFTER = env.int("OUTBOX_STUCK_AFTER", default=15 * 60)
# A sender holds a batch this long; a killed sender's emails are taken again after it.
OUTBOX_LEASE_SECONDS = 300
# A fan-out not done this long after its publish lost its task: the sweeper runs it.
FAN_OUT_GRACE_SECONDS = 30
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Thuis in Maastricht <noreply@thuisinmaastricht.nl>"
)

# Wagtail
WAGTAILIMAGES_IMAGE_MODEL = "tim.TimImage"
# Editors log in where residents do (allauth): one set of rate limits and lockout, and only
# with a verified email address; /beheer/login/ and Wagtail's password reset lead there.
WAGTAILADMIN_LOGIN_URL = "account_login"
# A page for logged-in residents only sends a visitor to the same login, not Wagtail's own form.
WAGTAIL_FRONTEND_LOGIN_URL = "/account/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_SITE_NAME = "Thuis in Maastricht"
# The public address; every absolute URL is made from it (tim.urls_helper.absolute_url).
BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = BASE_URL  # image and API links too
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"heic": "jpeg", "webp": "webp"}
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars fetched from a third party in the admin

# Content-Security-Policy (django-csp; why each part, in tim/security_headers.py). The public site:
# scripts and styles from this origin only, images also from the one map tile server it uses.
MAP_TILE_HOST = "https://tile.openstreetmap.org"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", MAP_TILE_HOST],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
# Wagtail's admin runs inline scripts and styles of its own; no third-party host here either.
TIM_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", MAP_TILE_HOST],
        "frame-src": [SELF],  # the preview of a page
        "frame-ancestors": [SELF],
    },
}
# Nothing on the site asks for the camera, the microphone or the visitor's location.
PERMISSIONS_POLICY = {
    **dict.fromkeys(
        """accelerometer ambient-light-sensor autoplay bluetooth browsing-topics camera
        display-capture encrypted-media geolocation gyroscope hid idle-detection magnetometer
        microphone midi payment publickey-credentials-get screen-wake-lock serial usb
        xr-spatial-tracking""".split(),
        [],
    ),
    "fullscreen": ["self"],
    "clipboard-write": ["self"],  # the admin's "copy" buttons
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Quiet the per-page and per-task INFO lines; Wagtail's audit log keeps the record in the DB.
    "loggers": {
        name: {"level": "WARNING"}
        for name in ("pgserver", "django_tasks", "wagtail", "weasyprint")  # weasyprint: PDF steps
    },
}
