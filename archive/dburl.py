"""Turn DATABASE_URL into Django's DATABASES entry (PostgreSQL only)."""
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SCHEMES = {"postgres", "postgresql", "pgsql"}


def parse_database_url(url):
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise ImproperlyConfigured(
            f"DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:port/name), got scheme {parts.scheme!r}"
        )
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ImproperlyConfigured("DATABASE_URL names no database (postgres://host/NAME)")
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": _host(parts),
        "PORT": str(parts.port or ""),
        "OPTIONS": options,
    }


def _host(parts):
    # A host written as a %2F-quoted path is a Unix socket directory; keep its case.
    raw = parts.netloc.rsplit("@", 1)[-1]
    if raw.lower().startswith("%2f"):
        return unquote(raw.split(":", 1)[0])
    return parts.hostname or ""
