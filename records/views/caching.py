"""HTTP caching of the public pages: they change only when records are imported (or the site is
deployed anew), so each carries an ETag and a Last-Modified from the latest import, and a
reader's browser or a proxy revalidates it with a cheap 304 instead of fetching it again."""
import hashlib
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.db.models import Max
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from records.models import Record
from records.parsing import PARSER_VERSION


def _release():
    """What identifies this deployment's templates and static files, the same in every worker."""
    digest = hashlib.sha256(PARSER_VERSION.encode())
    for folder in (Path(settings.BASE_DIR) / "templates", Path(settings.BASE_DIR) / "static"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(f"{path.relative_to(folder)}:{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


RELEASE = _release()


def last_import(request, *args, **kwargs):
    """When the archive last changed: the latest import (one index lookup, remembered per request)."""
    if not hasattr(request, "_last_import"):
        request._last_import = Record.objects.aggregate(latest=Max("imported_at"))["latest"]
    return request._last_import


def _etag(request, *args, **kwargs):
    latest = last_import(request)
    return f"{RELEASE}-{int(latest.timestamp() * 1000) if latest else 0}"


def changes_on_import(view):
    """ETag and Last-Modified from the latest import; browsers revalidate every time (no-cache)."""
    conditional = condition(etag_func=_etag, last_modified_func=last_import)(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        patch_cache_control(response, no_cache=True, public=True)
        return response
    return wrapper
