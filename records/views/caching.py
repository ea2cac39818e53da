"""Caching of the public pages: they change only when records are imported (or the site is
deployed anew).

- Each carries an ETag and a Last-Modified from the latest import, and a reader's browser or a
  proxy revalidates it with a cheap 304 instead of fetching it again.
- The rendered page is kept in the cache under the same version and its full URL, so that a page
  asked for again costs one index lookup and a cache read until the next import.
"""
import hashlib
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from records import languages
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
PAGE_SECONDS = 24 * 3600  # the key changes with every import; the time only frees memory
MAX_CACHED_PAGE = 1_000_000  # bytes: the longest meetings are rendered again rather than held
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Vary")


def last_import(request, *args, **kwargs):
    """When the archive last changed: the latest import (one index lookup, remembered per request)."""
    if not hasattr(request, "_last_import"):
        request._last_import = Record.objects.aggregate(latest=Max("imported_at"))["latest"]
    return request._last_import


def _etag(request, *args, **kwargs):
    latest = last_import(request)
    return f"{RELEASE}-{int(latest.timestamp() * 1000) if latest else 0}"


def changes_on_import(view):
    """ETag and Last-Modified from the latest import; browsers revalidate every time (no-cache);
    the rendered page kept until the next import."""
    conditional = condition(etag_func=_etag, last_modified_func=last_import)(_kept(view))

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        patch_cache_control(response, no_cache=True, public=True)
        return response
    return wrapper


def _kept(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or not settings.PAGE_CACHE:
            return view(request, *args, **kwargs)
        # Pages hold absolute URLs (permalinks, citations): the scheme and host are part of the key.
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        # A meeting opens in the reader's browser language where it has that version (Vary: Accept-Language).
        readers = ",".join(languages.accepted(request.headers.get("Accept-Language", "")))
        key = "page:" + hashlib.sha256(f"{_etag(request)}|{address}|{readers}".encode()).hexdigest()
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and len(response.content) <= MAX_CACHED_PAGE:
            headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
            cache.set(key, (response.content, headers), PAGE_SECONDS)
        return response
    return wrapper
