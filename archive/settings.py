"""Settings, all from environment variables.

DJANGO_DEBUG defaults to off. With DEBUG off the process refuses to start
without DJANGO_SECRET_KEY, so a production deployment can never run on a
known key. PostgreSQL is the only database: full-text search, array and
constraint features depend on it.
"""
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from archive.dburl import parse_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    return [item.strip() for item in (value or default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DJANGO_DEBUG=1 for local development only."
        )
    SECRET_KEY = "insecure-development-key-debug-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "procrastinate.contrib.django",
    "records",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "records.middleware.RefuseNulBytes",
    "records.middleware.ShortQueryStrings",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "records.middleware.BoundedQueries",
    "records.middleware.DatabaseUnavailable",  # last: it sees the views' exceptions first
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while a user or an address is locked out
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "archive.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"

DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@localhost:5432/unsc_archive")
DATABASES = {"default": parse_database_url(DATABASE_URL)}
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DJANGO_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# The search engine's index (records/search/engine.py): derived from the database, rebuilt with
# `manage.py search_index --rebuild`; one folder shared by the web workers and the importers.
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", BASE_DIR / "search-index"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Where `manage.py export_dataset` writes the dataset /data/ offers, and the base of its permalinks.
DATASET_DIR = Path(os.environ.get("UNSC_DATASET_DIR", MEDIA_ROOT / "dataset"))
SITE_URL = os.environ.get("UNSC_SITE_URL", "http://localhost:8000")

# Rendered fragments of record pages (the speeches of one language version) are cached per process:
# a record changes only when it is imported again, and its cache key changes with it.
CACHES = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("DJANGO_CACHE_LOCATION", "unsc-archive"),
        "TIMEOUT": int(os.environ.get("DJANGO_CACHE_TIMEOUT", str(24 * 3600))),
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
}

# Rendered public pages kept until the next import (records/views/caching.py); benchmarks of the
# work behind a page turn it off.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)

# Uploads: the archive's own limit on a record file, checked before parsing.
RECORD_UPLOAD_MAX_BYTES = int(os.environ.get("RECORD_UPLOAD_MAX_BYTES", str(50 * 1024 * 1024)))
# Parsing runs in a child process with these limits (records/parsing/isolated.py); 0 seconds: in-process.
RECORD_PARSE_TIMEOUT_SECONDS = float(os.environ.get("RECORD_PARSE_TIMEOUT_SECONDS", "20"))
# A scan (a PDF without a text layer) is read by OCR, a few seconds a page: its own limit.
RECORD_OCR_TIMEOUT_SECONDS = float(os.environ.get("RECORD_OCR_TIMEOUT_SECONDS", "900"))
RECORD_PARSE_MEMORY_BYTES = int(float(os.environ.get("RECORD_PARSE_MEMORY_MB", "1536")) * 2**20)
# Django streams larger request bodies to disk; the upload view enforces the limit per file.
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("DJANGO_MAX_UPLOAD_FILES", "200"))

# Behind the TLS-terminating proxy the README describes. DJANGO_SECURE_COOKIES=1 says the site is
# served over HTTPS: cookies are then HTTPS-only, plain HTTP is redirected and browsers are told
# to keep to HTTPS (HSTS); each of these can be set on its own.
HTTPS = env_bool("DJANGO_SECURE_COOKIES", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS") or (365 * 24 * 3600 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", HTTPS)
# The header the proxy sets on requests that reached it over HTTPS ('X-Forwarded-Proto'), so that
# request.is_secure() and the permalinks in exports say https. Only set this behind a proxy that
# overwrites the header: a client could send it too.
_PROXY_HEADER = os.environ.get("DJANGO_PROXY_SSL_HEADER", "").strip()
if _PROXY_HEADER:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _PROXY_HEADER.upper().replace("-", "_"), "https")
# How many proxies in front of gunicorn append to X-Forwarded-For: the client is the address that many
# entries from its end. 0: REMOTE_ADDR, and the header (which a client can write) is ignored.
NUM_PROXIES = int(os.environ.get("DJANGO_NUM_PROXIES", "0"))
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# The site's own scripts and styles only: no inline script or style, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name, or
# from one address, logins from there are refused for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = NUM_PROXIES or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if NUM_PROXIES else ["REMOTE_ADDR"]

# The JSON API (records/api/): read-only, anonymous, rate-limited per client.
API_THROTTLE_RATE = os.environ.get("DJANGO_API_THROTTLE", "1200/hour")
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["records.api.throttling.ApiThrottle"],
    "DEFAULT_SCHEMA_CLASS": "records.api.schema.ArchiveAutoSchema",
    "UNAUTHENTICATED_USER": None,
    "NUM_PROXIES": NUM_PROXIES,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "UN Security Council archive API",
    "DESCRIPTION": "Read-only: meetings, records, speeches, votes with every ballot, countries, resolutions, "
                   "speakers and full-text search. Every object carries its page URL (url) and API URL (api_url).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"RecordStatusEnum": "records.models.choices.RecordStatus",
                            "CountryStatusEnum": "records.models.choices.CountryStatus"},
}

# Harvesting from the UN's Official Document System (records/harvest/): polite by default.
HARVEST_BASE_URL = os.environ.get("UNSC_HARVEST_BASE_URL", "https://documents.un.org").rstrip("/")
HARVEST_CONTACT = os.environ.get("UNSC_HARVEST_CONTACT") or "no contact configured; set UNSC_HARVEST_CONTACT"
HARVEST_USER_AGENT = f"UNSC-meeting-archive/1.0 (+{HARVEST_CONTACT})"
HARVEST_RATE = float(os.environ.get("UNSC_HARVEST_RATE", "1"))  # requests per second; 0: no limit
HARVEST_TIMEOUT_SECONDS = float(os.environ.get("UNSC_HARVEST_TIMEOUT_SECONDS", "30"))
HARVEST_RETRIES = int(os.environ.get("UNSC_HARVEST_RETRIES", "4"))
HARVEST_MAX_BACKOFF_SECONDS = float(os.environ.get("UNSC_HARVEST_MAX_BACKOFF_SECONDS", "300"))
HARVEST_NEW_MISSES = int(os.environ.get("UNSC_HARVEST_NEW_MISSES", "10"))
# Admin uploads of more files than this are imported by the worker, not in the request.
UPLOAD_QUEUE_THRESHOLD = int(os.environ.get("UNSC_UPLOAD_QUEUE_THRESHOLD", "3"))

# Bounds on what one request may cost (records/middleware.py, records/throttle.py).
WEB_STATEMENT_TIMEOUT_MS = int(os.environ.get("DJANGO_STATEMENT_TIMEOUT_MS", "10000"))
DATABASE_RETRY_AFTER_SECONDS = int(os.environ.get("DJANGO_RETRY_AFTER_SECONDS", "10"))
OUTAGE_LOG_INTERVAL_SECONDS = int(os.environ.get("DJANGO_OUTAGE_LOG_INTERVAL_SECONDS", "60"))
THROTTLE_RATES = {
    "search": os.environ.get("DJANGO_THROTTLE_SEARCH", "120/min"),
    "export": os.environ.get("DJANGO_THROTTLE_EXPORT", "20/min"),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
