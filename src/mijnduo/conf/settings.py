"""Settings: one base, environments differ only by environment variables.

Every variable is documented in docs/configuration.md with its default. The
demo (the README's run command) needs none of them.
"""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .database import DEFAULT_PREPARE_THRESHOLD, for_postgresql

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("MIJNDUO_DATA_DIR", Path.cwd() / "var")).resolve()

DEBUG = _env_bool("MIJNDUO_DEBUG", False)
SECRET_KEY = os.environ.get("MIJNDUO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not _env_bool("MIJNDUO_ALLOW_INSECURE_KEY", False):
        # Without a key, refuse to start rather than run with a guessable one.
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "Set MIJNDUO_SECRET_KEY (or MIJNDUO_DEBUG=1 for local development)."
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("MIJNDUO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "solo",
    "privates",
    "simple_certmanager",
    "digid_eherkenning",
    "django_tasks",
    "django_tasks_db",
    # Service-desk staff (docs/staff.md): TOTP second factor, lockout after failed logins.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "mijnduo.audit",
    "mijnduo.notifications",
    "mijnduo.documents",
    "mijnduo.registers",
    "mijnduo.registry",
    "mijnduo.identity",
    "mijnduo.applications",
    "mijnduo.portal",
    "mijnduo.review",
    "mijnduo.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mijnduo.identity.sessions.SessionRenewalMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): did this session pass the staff TOTP step?
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a staff login refused by django-axes into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mijnduo.conf.urls"
WSGI_APPLICATION = "mijnduo.conf.wsgi.application"

TEMPLATES = [
    {
        # The pages, in each app's jinja2/ folder (ADR 9); tried first.
        "BACKEND": "mijnduo.conf.jinja2.Jinja2PerSite",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "mijnduo.conf.jinja2.environment",
            "context_processors": [
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mijnduo.identity.eherkenning.context_processors.session_timing",
            ],
        },
    },
    {
        # E-mails, the PDF, and the templates of Django's and other apps' own.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mijnduo.identity.eherkenning.context_processors.session_timing",
            ],
        },
    },
]

# SQLite (WAL) is the embedded default; DATABASE_URL selects PostgreSQL.
DATABASES: dict[str, dict[str, Any]] = {
    "default": dict(
        dj_database_url.parse(
            os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'mijnduo.sqlite3'}"),
            conn_max_age=int(os.environ.get("MIJNDUO_DB_CONN_MAX_AGE", "600")),
            conn_health_checks=True,
        )
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Statements prepared, and a health check without a round trip (conf/database.py).
    DATABASES["default"] = for_postgresql(
        DATABASES["default"],
        os.environ.get("MIJNDUO_DB_PREPARE_THRESHOLD", DEFAULT_PREPARE_THRESHOLD),
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every worker: the eHerkenning request/response pairing and
# the simulator's artifacts live here (docs/eherkenning.md). Default: a table in
# the database; MIJNDUO_CACHE_URL=redis://host:6379/0 selects Redis.
CACHE_URL = os.environ.get("MIJNDUO_CACHE_URL", "db")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
elif CACHE_URL == "locmem":
    # Only for a single process; the system check warns about it outside DEBUG.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "mijnduo_cache",
        }
    }

# eHerkenning (docs/eherkenning.md). Logins bind to Django users through the
# project's own backend; there are no password logins for applicants (their accounts
# have no usable password). Service-desk staff log in with a password (ModelBackend)
# and a TOTP code (docs/staff.md); django-axes goes first, so a locked-out username
# and address is refused before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "mijnduo.identity.eherkenning.backend.EherkenningBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff passwords (docs/staff.md): Argon2id hashes; PBKDF2 only to read older hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The staff TOTP second factor (django-otp): the name authenticator apps show.
OTP_TOTP_ISSUER = "Mijn DUO Beheer"
# Staff lockout (django-axes): after this many failed logins of one username from one
# address, that combination is refused for the cool-off time (counted from the last
# failure; attempts during the lockout do not extend it). Failures expire after it too.
AXES_FAILURE_LIMIT = int(os.environ.get("MIJNDUO_STAFF_LOCKOUT_FAILURES", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("MIJNDUO_STAFF_LOCKOUT_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "mijnduo.identity.staff.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "mijnduo.identity.staff.lockout.client_ip"
# No table of every login with address and browser: the audit trail records staff
# logins (by user id); django-axes keeps failed attempts only until they expire.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Reverse proxies in front of the app that append to X-Forwarded-For; 0 = none, the
# client address is REMOTE_ADDR. Used for the staff lockout (docs/staff.md).
MIJNDUO_PROXY_COUNT = int(os.environ.get("MIJNDUO_PROXY_COUNT", "0"))
LOGIN_URL = "eherkenning:login"
LOGIN_REDIRECT_URL = "mijn-organisatie"
# The development simulator (a fake broker). Off unless asked for; refused by a
# system check when DEBUG is off.
MIJNDUO_EHERKENNING_SIMULATOR = _env_bool("MIJNDUO_EHERKENNING_SIMULATOR", False)
MIJNDUO_BASE_URL = os.environ.get("MIJNDUO_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Keys, certificates and broker metadata (django-simple-certmanager, django-privates):
# outside any web-served folder.
PRIVATE_MEDIA_ROOT = DATA_DIR / "private"
PRIVATE_MEDIA_URL = "/private-media/"

# Sessions end after 15 minutes without activity (the eHerkenning/DigiD norm).
# A request renews the 15 minutes when the last renewal is a minute old or more
# (identity/sessions.py): not a database write on every page.
SESSION_COOKIE_AGE = 15 * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Django's database sessions, read in one plain statement (identity/sessions.py).
SESSION_ENGINE = "mijnduo.identity.sessions"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# NL Design System CSS (Rijkshuisstijl theme) from npm: `npm ci` (make run/test) puts it
# in node_modules/ at the repository root. A folder that is not there is left out, so
# manage.py still works without it (the pages then lack their styling).
_NODE_MODULES = PACKAGE_DIR.parent.parent / "node_modules" / "@rijkshuisstijl-community"
STATICFILES_DIRS = [
    (prefix, folder)
    for prefix, folder in [
        ("rhc", _NODE_MODULES / "components-css" / "dist"),
        ("rhc-tokens", _NODE_MODULES / "design-tokens" / "dist"),
    ]
    if folder.is_dir()
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

# Request bodies above 1 MB are refused with 413 by the API (see api/parsers.py).
MAX_REQUEST_BODY_BYTES = 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BODY_BYTES

SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["mijnduo.identity.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["mijnduo.applications.api.parsers.StrictJSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": (
        "mijnduo.applications.api.negotiation.JsonFirstContentNegotiation"
    ),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "mijnduo.applications.api.problems.problem_exception_handler",
    "UNAUTHENTICATED_USER": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Mijn DUO Beheer API",
    "DESCRIPTION": (
        "Aanvragen 'Aanmelding en wijziging Mijn DUO met eHerkenning (beheerder)' "
        "valideren, indienen en opvragen. Zie docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_AUTHENTICATION": [],
}

# Background work (django-tasks). The default runs a task at once, in the process
# that enqueued it (after the transaction commits): right for the demo and the
# tests. Production sets MIJNDUO_TASKS_BACKEND=database and runs
# `mijnduo db_worker` beside the web workers.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if os.environ.get("MIJNDUO_TASKS_BACKEND", "immediate") == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# E-mail. The demo prints messages on the console; production sets SMTP.
EMAIL_BACKEND = os.environ.get(
    "MIJNDUO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("MIJNDUO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("MIJNDUO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("MIJNDUO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("MIJNDUO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("MIJNDUO_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("MIJNDUO_EMAIL_FROM", "Mijn DUO Beheer <noreply@duo.nl>")

# The portal: drafts are removed this many days after their last change
# (`mijnduo purgedrafts`); a signing link is valid this many days.
MIJNDUO_DRAFT_RETENTION_DAYS = int(os.environ.get("MIJNDUO_DRAFT_RETENTION_DAYS", "30"))
MIJNDUO_SIGNING_LINK_DAYS = int(os.environ.get("MIJNDUO_SIGNING_LINK_DAYS", "14"))

# The service desk (docs/service-desk.md). Four eyes: which applications need a second
# staff member to confirm an approval ("toekenning" = every one that grants a
# beheerautorisatie; kinds may be listed too: aanmelding, wijziging, intrekking).
MIJNDUO_FOUR_EYES = frozenset(
    part.strip()
    for part in os.environ.get("MIJNDUO_FOUR_EYES", "toekenning").split(",")
    if part.strip()
)
MIJNDUO_STRAIGHT_THROUGH = _env_bool("MIJNDUO_STRAIGHT_THROUGH", False)
MIJNDUO_SERVICE_LEVEL_DAYS = int(os.environ.get("MIJNDUO_SERVICE_LEVEL_DAYS", "5"))
MIJNDUO_TOKEN_RETURN_DAYS = int(os.environ.get("MIJNDUO_TOKEN_RETURN_DAYS", "30"))

# The KvK register for the signatory check (R16, docs/kvk.md): "offline" reads the
# demo file (or MIJNDUO_KVK_OFFLINE_FILE); "http" asks the KvK functionarissen API
# and then needs the base URL and API key. Timeout in seconds per attempt.
MIJNDUO_KVK_REGISTER = os.environ.get("MIJNDUO_KVK_REGISTER", "offline")
MIJNDUO_KVK_BASE_URL = os.environ.get("MIJNDUO_KVK_BASE_URL", "")
MIJNDUO_KVK_API_KEY = os.environ.get("MIJNDUO_KVK_API_KEY", "")
MIJNDUO_KVK_TIMEOUT = float(os.environ.get("MIJNDUO_KVK_TIMEOUT", "5"))
MIJNDUO_KVK_OFFLINE_FILE = os.environ.get(
    "MIJNDUO_KVK_OFFLINE_FILE", str(PACKAGE_DIR / "data" / "kvk" / "functionarissen-demo.json")
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MIJNDUO_LOG_LEVEL", "INFO")},
    # WeasyPrint reports every rendering step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes logs every login attempt at INFO; the audit trail records staff
        # logins already, and applicants' logins need no log line.
        "axes": {"level": "WARNING"},
    },
}
