"""Per-client limits on the expensive endpoints (search, exports): a fixed window counted in the cache.

With the default per-process cache each gunicorn worker counts on its own; with a shared cache
(DJANGO_CACHE_BACKEND) the limit holds across workers and hosts.
"""
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

UNITS = {"s": 1, "sec": 1, "min": 60, "m": 60, "hour": 3600, "h": 3600}


def parse_rate(rate):
    """'30/min' -> (30, 60); '' or '0' means no limit -> None."""
    if not rate or rate.strip() in {"0", "off"}:
        return None
    count, _, unit = rate.partition("/")
    return int(count), UNITS[unit.strip() or "min"]


def client_address(request):
    """The client: REMOTE_ADDR, or behind NUM_PROXIES proxies the address they saw (never a value the
    client itself wrote at the start of X-Forwarded-For)."""
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if settings.NUM_PROXIES and forwarded:
        return forwarded[-min(settings.NUM_PROXIES, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(scope, request):
    """(allowed, seconds until the window ends) for this client in this scope."""
    limit = parse_rate(settings.THROTTLE_RATES.get(scope, ""))
    if limit is None:
        return True, 0
    count, seconds = limit
    window = int(time.time() // seconds)
    key = f"throttle:{scope}:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds + 1)
        used = 1
    return used <= count, seconds - int(time.time()) % seconds


def throttled(scope, applies=lambda request: True):
    """Answer 429 with Retry-After once a client has used up its requests in this scope."""
    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if applies(request):
                allowed, retry = allow(scope, request)
                if not allowed:
                    response = render(request, "429.html", {"retry": retry}, status=429)
                    response["Retry-After"] = str(max(1, retry))
                    return response
            return view(request, *args, **kwargs)
        return wrapper
    return decorate
