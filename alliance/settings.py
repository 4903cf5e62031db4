"""Settings for the alliance portal, read from the environment (django-environ).

Without any environment the portal runs for a first look: SQLite in the project folder,
Celery tasks executed eagerly in-process, DEBUG on. ``DJANGO_ENV=production`` switches to
the hardened configuration that ``manage.py check --deploy`` accepts.
"""

from __future__ import annotations

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-never-used-in-production")
else:
    # Fail loudly: a production process without its own key must not start.
    SECRET_KEY = env.str("SECRET_KEY")

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "alliance",
    "members",
    "training",
    "placements",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the body.
    "alliance.middleware.RequestSizeLimitMiddleware",
    "alliance.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "alliance.audit.AuditRequestMiddleware",
    # Then, in this order: an expired session ends, a missing second factor is asked for,
    # and only then a temporary password must be changed.
    "alliance.sessions.SessionLimitsMiddleware",
    "alliance.twofactor.TwoFactorMiddleware",
    "alliance.passwords.PasswordChangeRequiredMiddleware",
    # Last, as django-axes asks: it turns a lockout into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "alliance.urls"
FORM_RENDERER = "alliance.registers.rendering.PortalFormRenderer"
WSGI_APPLICATION = "alliance.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "alliance.context_processors.portal",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", 60 if PRODUCTION else 0)
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # No JIT compilation: PostgreSQL compiles a query whose estimated cost is high, and for a
    # page's queries (milliseconds to a few hundred) the compiling costs more than it saves;
    # the province dashboard's funnel took 0.99 s, 0.62 s of it compiling.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Length and character classes: alliance/passwords.py (the README explains the default).
PASSWORD_MIN_LENGTH = env.int("PASSWORD_MIN_LENGTH", default=10)
PASSWORD_MIN_CLASSES = env.int("PASSWORD_MIN_CLASSES", default=3)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "alliance.passwords.CharacterClassValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after the
# log-in whatever the activity (alliance/sessions.py); the cookie lives no longer than that.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)
SESSION_MAX_HOURS = env.int("SESSION_MAX_HOURS", default=12)
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 3600

# The client address behind reverse proxies (alliance/client_ip.py): X-Forwarded-For is
# believed only from TRUSTED_PROXIES (addresses or networks) and/or over PROXY_COUNT proxies.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
PROXY_COUNT = env.int("PROXY_COUNT", default=0)

# Five wrong passwords lock a username from one address for 15 minutes; other addresses (the
# real user's) can still log in. Failures are not forgotten on a success: the audit trail and
# the cool-off keep them.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "alliance.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Log-in attempts one address may make per minute, whatever the usernames (alliance/ratelimit.py).
LOGIN_RATE_PER_MINUTE = env.int("LOGIN_RATE_PER_MINUTE", default=20)

# TOTP for the secretariat (alliance/twofactor.py): optional, or required for every
# secretariat account with REQUIRE_2FA=true.
REQUIRE_2FA = env.bool("REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Alliance portal")

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
NODE_MODULES = BASE_DIR / "node_modules"
# Third-party front-end code comes from npm (package.json) at set-up, never from a CDN
# and never committed: these folders are served as they were installed.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/echarts", NODE_MODULES / "echarts" / "dist"),
    ("vendor/tom-select", NODE_MODULES / "tom-select" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MANIFEST_STRICT = False

MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploads above this size are refused by the forms that accept files.
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
# Form fields other than files (files are capped by UPLOAD_MAX_BYTES and the middleware).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="alliance@localhost")

# Celery: with no REDIS_URL tasks run eagerly in the calling process, so a first run needs
# no broker; with REDIS_URL set a real worker must be running. Production refuses to start
# without it: report and import jobs must never run inside a web request there.
REDIS_URL = env.str("REDIS_URL") if PRODUCTION else env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
CELERY_TIMEZONE = TIME_ZONE
# Fail fast when the broker is down: a page that enqueues answers with a message instead
# of hanging for the client's default retry period.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_TASK_PUBLISH_RETRY = False
# Periodic jobs: run ``celery -A alliance beat`` beside the worker (or a worker with -B).
# The reminder e-mail (alliance/reminders.py): a crontab line, by default Monday 07:30; the
# reminder types (work-list section keys) a deployment does not want, e.g. "events,indicators".
REMINDER_CRON = env.str("REMINDER_CRON", default="30 7 * * 1")
REMINDERS_OFF = env.list("REMINDERS_OFF", default=[])
_cron = dict(
    zip(
        ("minute", "hour", "day_of_month", "month_of_year", "day_of_week"),
        REMINDER_CRON.split(),
        strict=True,
    )
)
CELERY_BEAT_SCHEDULE = {
    "retention": {"task": "alliance.tasks.apply_retention", "schedule": crontab(hour=3, minute=17)},
    "reports-fail-stale": {"task": "reports.tasks.fail_stale_reports", "schedule": 60.0},
    "reminders": {"task": "alliance.tasks.send_reminders", "schedule": crontab(**_cron)},
    "reports-refresh-figures": {"task": "reports.tasks.refresh_figures", "schedule": 120.0},
}

# Signed links (alliance/signed_links.py): an answer without an account expires after these days.
SIGNED_LINK_DAYS = env.int("SIGNED_LINK_DAYS", default=14)
# The portal's address as its users reach it: the links in e-mails sent by the worker start with it.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# Audit events and uploaded import workbooks are deleted after these many days (alliance/retention.py).
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=190)
IMPORT_RETENTION_DAYS = env.int("IMPORT_RETENTION_DAYS", default=30)
# A report run stamps a heartbeat this often; silent for REPORT_STALE_SECONDS, it has lost its
# worker and the beat task marks it failed (so within 3 minutes with the defaults).
REPORT_HEARTBEAT_SECONDS = env.int("REPORT_HEARTBEAT_SECONDS", default=15)
REPORT_STALE_SECONDS = env.int("REPORT_STALE_SECONDS", default=120)
# Stored figures (reports/figures.py) follow every announced write; this bounds how long a
# write nobody announced (SQL by hand, a restore) can stay unseen.
FIGURES_MAX_AGE_SECONDS = env.int("FIGURES_MAX_AGE_SECONDS", default=3600)
# With no broker, long jobs (report builds, big imports) run in a thread of the web process
# (alliance/background.py) so that no request waits for them.
BACKGROUND_THREADS = env.bool("BACKGROUND_THREADS", default=not REDIS_URL)

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Several portals (or test runs) on one Redis keep their keys apart.
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default=""),
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# No inline script and no style attribute anywhere: page behaviour lives in static/js, styles in
# static/css. ECharts styles its elements through the CSSOM, which this policy allows.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws its form and menu icons as data: SVG images.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The open API (alliance/api/): read-only JSON, a per-account token or the portal session, the
# same audiences and row scopes as the pages. JSON only: DRF's browsable renderer needs inline
# scripts; the browsable page is Swagger UI, served from drf-spectacular-sidecar's static files.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "alliance.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["alliance.api.permissions.AudienceAccess"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": [
        "alliance.api.throttles.AnonymousRate",
        "alliance.api.throttles.AccountRate",
    ],
    "DEFAULT_PAGINATION_CLASS": "alliance.api.pagination.Pages",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "alliance.api.errors.api_exception_handler",
}
# Requests per minute: per address for anonymous callers, per account with a token or session.
API_RATE_ANONYMOUS = env.str("API_RATE_ANONYMOUS", default="60/min")
API_RATE_ACCOUNT = env.str("API_RATE_ACCOUNT", default="600/min")
# drf-spectacular's deploy check builds the whole document: a schema that cannot be built (E001)
# or has errors (W002) fails `check --deploy`; its notes that a filter's type had to be guessed
# (W001, a list filter that works through a method) do not.
SILENCED_SYSTEM_CHECKS = ["drf_spectacular.W001"]
SPECTACULAR_SETTINGS = {
    "TITLE": "Alliance portal open API",
    "DESCRIPTION": (
        "The published indicators of the annual quality report (no login), the status-data "
        "table, and every register read-only with a per-account token "
        "(Authorization: Bearer <token>), under the same row scopes and masking as the portal."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No deep links: they put a link inside each operation's button (nested controls, axe).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "COMPONENT_SPLIT_REQUEST": False,
}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SECURE_REFERRER_POLICY = "same-origin"

ALLIANCE_NAME = env.str("ALLIANCE_NAME", default="临朐县产教融合发展联盟")
# The county plan whose targets, clauses and sentences the portal uses (reports/plans.py).
ALLIANCE_PLAN = env.str("ALLIANCE_PLAN", default="linqu")
# The annual member assessment (reports/assessments.py): the lowest total of each grade but
# 不合格 ("excellent=90,pass=75,basic=60") and the weight in per cent of the indicator part.
ASSESSMENT_GRADE_THRESHOLDS = env.dict(
    "ASSESSMENT_GRADE_THRESHOLDS", default={"excellent": 90, "pass": 75, "basic": 60}
)
ASSESSMENT_INDICATOR_WEIGHT = env.int("ASSESSMENT_INDICATOR_WEIGHT", default=40)
