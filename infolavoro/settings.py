"""InfoLavoro settings, read from the environment with safe development defaults.

Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL (see the README).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
_DEV_SECRET = "django-insecure-development-only-never-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",  # English versions of content entered by staff (before admin, as it requires)
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_ratelimit",
    "csp",
    "ninja",  # the API docs from its own static files (no CDN, within the Content-Security-Policy)
    "axes",
    "django_tasks",
    "django_tasks_db",
    "bootstrap_italia_template",
    "infolavoro.core",
    "infolavoro.accounts",
    "infolavoro.desks",
    "infolavoro.network",
    "infolavoro.search",
    "infolavoro.booking",
    "infolavoro.intake",
    "infolavoro.referrals",
    "infolavoro.opportunities",
    "infolavoro.labour",
    "infolavoro.monitoring",
    "infolavoro.notifications",
    "infolavoro.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "infolavoro.core.middleware.StripNulQueryMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "infolavoro.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "infolavoro.core.middleware.SlidingSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "infolavoro.desks.middleware.CurrentDeskMiddleware",
    # Axes last: it inspects the outcome of authentication attempts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "infolavoro.urls"
WSGI_APPLICATION = "infolavoro.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "infolavoro" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "infolavoro.desks.context_processors.current_desk",
            ],
        },
    },
]

# Database: SQLite (WAL, IMMEDIATE transactions so writers queue instead of failing) unless DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The same safety however SQLite is configured (SQLITE_PATH or DATABASE_URL=sqlite:///…).
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA foreign_keys=ON;"
            "PRAGMA busy_timeout=20000;"  # as long as `timeout`: under load writers wait, never fail
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    })
    # A file database for tests too: threads in concurrency and live-server tests must share it.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_PATH", str(BASE_DIR / ".test-db.sqlite3"))}

# Cache, shared by every worker (rate limits must count across processes): Redis when REDIS_URL is set
# (production), else a table in the database, so the embedded default needs no server.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL,
                          "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "infolavoro")}}
else:
    CACHES = {"default": {"BACKEND": "infolavoro.core.cache.AtomicDatabaseCache", "LOCATION": "infolavoro_cache"}}
    # django-ratelimit knows only a few backends by name; this one increments atomically (see core/cache.py).
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
# The public directory pages kept in that cache until an edit (desks.public_cache); 0 renders every request.
PUBLIC_PAGE_CACHE = env_bool("PUBLIC_PAGE_CACHE", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "home"

# Login rate limiting: five failures lock the username+address pair for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# Count failures per normalised e-mail: `Operatore@…` and `operatore@…` are one account.
AXES_USERNAME_CALLABLE = "infolavoro.accounts.lockout.lockout_username"

LANGUAGE_CODE = "it"
LANGUAGES = [("it", _("Italiano")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "infolavoro" / "locale"]
# Content entered by staff (presentations, topics, needs, services...) has an Italian and an English version
# (django-modeltranslation: `name_it`, `name_en`); `name` reads the visitor's language, falling back to Italian.
MODELTRANSLATION_DEFAULT_LANGUAGE = "it"
MODELTRANSLATION_LANGUAGES = ("it", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("it",)
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Rome")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "infolavoro" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files only staff may read (candidates' CVs): outside the static and media roots, served through a view.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# E-mail: console in development; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Seconds each exchange with the mail server may take: a relay that accepts and never answers cannot hold a worker
# (a message left "sending" past it goes back to the queue, notifications.services.requeue_stuck).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "InfoLavoro <noreply@infolavoro.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Public base URL, for links in e-mails, QR codes and documents produced outside a request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background jobs: django-tasks with the database backend; run `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Periodic jobs (task path → seconds between runs), enqueued by `manage.py scheduler` (infolavoro/core/scheduler.py).
PERIODIC_TASKS = {
    "infolavoro.notifications.tasks.send_outbox": 60,
    "infolavoro.notifications.tasks.purge_sent_emails": 24 * 3600,
    "infolavoro.core.tasks.clear_expired_sessions": 24 * 3600,
    "infolavoro.intake.tasks.anonymise_inactive_citizens": 24 * 3600,
    "infolavoro.referrals.tasks.send_referral_follow_ups": 24 * 3600,
    "infolavoro.booking.tasks.send_booking_reminders": 3600,
    "infolavoro.booking.tasks.send_member_agendas": 3600,
    "infolavoro.booking.tasks.anonymise_old_bookings": 24 * 3600,
    "infolavoro.network.tasks.send_stale_reminders": 24 * 3600,
    "infolavoro.network.tasks.rebuild_stale_brochures": 300,
    "infolavoro.labour.tasks.expire_vacancies": 3600,
    "infolavoro.labour.tasks.send_alert_digests": 24 * 3600,
    "infolavoro.labour.tasks.refresh_planner_statistics": 24 * 3600,
    "infolavoro.monitoring.tasks.send_monthly_reports": 6 * 3600,
    "infolavoro.monitoring.tasks.refresh_figures": 6 * 3600,
    "infolavoro.monitoring.tasks.take_free_slot_snapshots": 3600,
}

# Security. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER via TRUST_X_FORWARDED_PROTO=1.
SESSION_COOKIE_HTTPONLY = True
# Staff sessions last a working day from the last request (sliding: core.middleware.SlidingSessionMiddleware).
SESSION_COOKIE_AGE = 10 * 3600
SESSION_RENEW_AFTER = 300  # seconds between two renewals of the same session
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): this site only, no inline script or style, never framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Bootstrap Italia's bundle adds two fixed <style> elements (one empty): allowed by their hashes only.
        "style-src-elem": ["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
                           "'sha256-wPXhisdsFu1DtHYH1D9W5isSGqS5vIPn6QJWSNLqfCM='"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],  # an icon font embedded in Bootstrap Italia's CSS
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Structured logging: one JSON object per line on stderr.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Axes logs usernames of failed attempts; keep it to warnings.
        "axes": {"level": "WARNING"},
        # WeasyPrint and fontTools report every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Charts ask for the theme's font first and fall back to DejaVu Sans where it is not installed: one
        # warning per text element is noise.
        "matplotlib.font_manager": {"level": "ERROR"},
    },
}
