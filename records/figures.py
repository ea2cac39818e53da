"""Figures computed over the whole archive (the statistics, the home page's totals, each State's
counts), kept until the next import: in the database, so that every worker shows the same figures
right after an import and only one of them computes them, and in each worker's memory.

    kept("holdings", compute)   the figures of the archive as it now is
    refresh()                   compute every registered set now (records.recount: after bulk imports)
"""
from django.core.cache import cache
from django.db.models import Count, Max

from records.models import DerivedFigures, Record

KEPT_SECONDS = 24 * 3600  # the key changes with every import; the time only frees memory
REGISTERED = {}  # name: (compute, encode, decode)


def register(name, compute, encode=lambda value: value, decode=lambda data: data):
    """Declare a set of figures: compute() from the database, encode() to JSON and decode() back."""
    REGISTERED[name] = (compute, encode, decode)


def current_version():
    """The archive's version: the time of its latest import and how many language versions it holds
    (one query). The count changes where the time cannot: a deletion, or an import that began before
    another but committed after it (imported_at is set when an import begins writing)."""
    held = Record.objects.aggregate(latest=Max("imported_at"), versions=Count("pk"))
    latest = held["latest"]
    return f"{int(latest.timestamp() * 1000)}-{held['versions']}" if latest else "empty"


def kept(name, version=None):
    version = version or current_version()
    return cache.get_or_set(f"figures:{name}:{version}", lambda: _shared(name, version), KEPT_SECONDS)


def _shared(name, version):
    compute, encode, decode = REGISTERED[name]
    row = DerivedFigures.objects.filter(name=name, version=version).first()
    if row is not None:
        return decode(row.data)
    value = compute()
    DerivedFigures.objects.update_or_create(name=name, defaults={"version": version, "data": encode(value)})
    return value


def refresh():
    """Every registered set for the archive as it now is, so that no reader waits for it (call
    records.recount.everything(), which has every set registered)."""
    version = current_version()
    for name in REGISTERED:
        kept(name, version)
    return version
