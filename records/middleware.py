"""What stands between any request and a 500 or a stalled site.

- RefuseNulBytes: a NUL byte in the path or the query string is answered 400 before any view
  (PostgreSQL refuses NUL in text, which surfaced as DataError).
- ShortQueryStrings: a public page asked for with empty parameters (a filter form sends every
  field: ?date_after=&year=&country=RUS) is redirected to its short, canonical address.
- BoundedQueries: every web request's SQL runs under statement_timeout (settings), so that no
  cheap request can hold the database for seconds; one that is cut off gets a 503.
- DatabaseUnavailable: while PostgreSQL cannot be reached, pages answer 503 with Retry-After and
  a page saying so; the outage is logged once per interval, not as a traceback per request.
"""
import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.db import OperationalError, InterfaceError, connection
from django.db.backends.signals import connection_created
from django.http import HttpResponseBadRequest, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.utils.encoding import escape_uri_path
from django.utils.http import escape_leading_slashes

logger = logging.getLogger("records.outage")


class RefuseNulBytes:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "\x00" in request.META.get("QUERY_STRING", "") or any(
                "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            if request.path.startswith("/api/"):  # the API answers in JSON, as its schema says
                return JsonResponse({"detail": "A request may not contain a NUL byte."}, status=400)
            return HttpResponseBadRequest("A request may not contain a NUL byte.", content_type="text/plain")
        return self.get_response(request)


class ShortQueryStrings:
    KEPT_WHOLE = ("/api/", "/admin/")  # the API's and the admin's parameters are theirs to judge

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not request.path.startswith(self.KEPT_WHOLE):
            pairs = [(key, value) for key, values in request.GET.lists() for value in values]
            kept = [(key, value) for key, value in pairs if value.strip()]
            if len(kept) < len(pairs):
                query = urlencode(kept)
                # The path as a path of this site: '//evil.example' must not become another host.
                path = escape_leading_slashes(escape_uri_path(request.path))
                return HttpResponsePermanentRedirect(path + (f"?{query}" if query else ""))
        return self.get_response(request)


def _set_statement_timeout(sender, connection, **kwargs):
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = %s", [settings.WEB_STATEMENT_TIMEOUT_MS])
    connection.statement_timeout_set = True


class BoundedQueries:
    def __init__(self, get_response):
        self.get_response = get_response
        if settings.WEB_STATEMENT_TIMEOUT_MS:
            # Only processes that serve requests load middleware: imports and index builds keep no limit.
            connection_created.connect(_set_statement_timeout, dispatch_uid="records-statement-timeout")

    def __call__(self, request):
        if settings.WEB_STATEMENT_TIMEOUT_MS and connection.connection is not None \
                and not getattr(connection, "statement_timeout_set", False):
            _set_statement_timeout(None, connection)  # opened before this middleware existed
        return self.get_response(request)


class DatabaseUnavailable:
    """Turns the database's absence (or a statement cut off by the timeout) into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.last_logged = 0.0

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        timed_out = "statement timeout" in str(exception)
        self._log(exception, timed_out)
        retry = settings.DATABASE_RETRY_AFTER_SECONDS
        if request.path.startswith("/api/"):
            detail = "The request took too long." if timed_out else "The archive is briefly unavailable."
            response = JsonResponse({"detail": detail}, status=503)
        else:
            response = render(request, "503.html", {"timed_out": timed_out, "retry": retry}, status=503)
        response["Retry-After"] = str(retry)
        response._has_been_logged = True  # logged above, once per interval: not a line per request
        return response

    def _log(self, exception, timed_out):
        now = time.monotonic()
        if timed_out:
            logger.warning("a request was cut off by the statement timeout: %s", str(exception).splitlines()[0])
        elif now - self.last_logged >= settings.OUTAGE_LOG_INTERVAL_SECONDS:
            self.last_logged = now
            logger.error("the database is unavailable (logged once per %s s): %s",
                         settings.OUTAGE_LOG_INTERVAL_SECONDS, str(exception).splitlines()[0] if str(exception) else
                         type(exception).__name__)
