"""Harvest runs: plan the documents, fetch and import each one, record every outcome. A run is
resumable: whatever is still pending when it stopped is taken up when it runs again."""
import logging

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from records import languages, models
from records.harvest.client import PoliteClient
from records.harvest.fetch import fetch_document
from records.harvest.symbols import parse_symbols, symbol
from records.ingest import FAILED, HELD, IMPORTED, REPLACED, ImportRejected, import_record, parse_source
from records.ingest.reading import sha256
from records.models import HarvestItem, HarvestRun, ItemState, RunKind, RunStatus

logger = logging.getLogger(__name__)
IMPORT_STATES = {IMPORTED: ItemState.IMPORTED, REPLACED: ItemState.REPLACED, HELD: ItemState.HELD,
                 FAILED: ItemState.FAILED}


def client_from_settings():
    return PoliteClient(settings.HARVEST_USER_AGENT, rate=settings.HARVEST_RATE,
                        timeout=settings.HARVEST_TIMEOUT_SECONDS, retries=settings.HARVEST_RETRIES,
                        max_body=settings.RECORD_UPLOAD_MAX_BYTES, max_backoff=settings.HARVEST_MAX_BACKOFF_SECONDS)


def plan_fetch(texts, codes=None, user=None):
    """A queued run for these symbols and ranges (SymbolError for a bad one), one item per language."""
    meetings = parse_symbols(texts)
    codes = codes or languages.CODES
    run = HarvestRun.objects.create(kind=RunKind.FETCH, request=", ".join(texts), languages=codes, requested_by=user)
    HarvestItem.objects.bulk_create(HarvestItem(run=run, symbol=symbol(n, r), language=code)
                                    for n, r in meetings for code in codes)
    return run


def plan_new(codes=None, user=None):
    """A queued run for the meetings after the highest in the archive (items are made as it goes)."""
    return HarvestRun.objects.create(kind=RunKind.NEW, request="new records", languages=codes or languages.CODES,
                                     requested_by=user)


def process(run, client=None, misses=None):
    """Work through a run; its status says how it ended. Returns the run."""
    client = client or client_from_settings()
    run.status, run.started_at = RunStatus.RUNNING, run.started_at or timezone.now()
    run.save(update_fields=["status", "started_at"])
    try:
        if run.kind == RunKind.NEW:
            _process_new(run, client, misses or settings.HARVEST_NEW_MISSES)
        else:
            for item in run.items.filter(state=ItemState.PENDING).order_by("id"):
                process_item(item, client)
        run.status = RunStatus.DONE
    except Exception as exc:  # the run stops; its pending items are taken up when it runs again
        logger.exception("harvest run %s failed", run.pk)
        run.status, run.note = RunStatus.FAILED, f"stopped: {type(exc).__name__}: {exc}"
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "finished_at", "note"])
    return run


FOUND = {ItemState.IMPORTED, ItemState.REPLACED, ItemState.UNCHANGED, ItemState.HELD}
MAX_RESUMPTIONS = 20  # no meeting has had more; a bound, so that a confused server cannot keep a run going
MAX_NEW_MEETINGS = 2000  # numbers one run asks for at most


class SourceUnusable(Exception):
    """Every language of a meeting failed: the document system is down or answering nonsense."""


def _process_new(run, client, misses):
    """From the highest meeting number in the archive onwards, until `misses` numbers in a row are
    missing; after each meeting found, its resumptions until one is missing."""
    start = _highest_meeting() + 1
    number, missed = start, 0
    while missed < misses and number - start < MAX_NEW_MEETINGS:
        found = _fetch_meeting(run, client, number, None)
        missed = 0 if found else missed + 1
        resumption = 1
        while found and resumption <= MAX_RESUMPTIONS and _fetch_meeting(run, client, number, resumption):
            resumption += 1
        number += 1
    run.note = f"meetings {start} to {number - 1} asked for"


def _fetch_meeting(run, client, number, resumption):
    """Whether a language version of the meeting was found; each fetched once (also across resumptions).
    Where every language failed, the source cannot be used now: the run stops (SourceUnusable)."""
    items = [HarvestItem.objects.get_or_create(run=run, symbol=symbol(number, resumption), language=code)[0]
             for code in run.languages]
    for item in items:
        if item.state == ItemState.PENDING:
            process_item(item, client)
    if all(item.state == ItemState.FAILED for item in items):
        raise SourceUnusable(f"every language of {items[0].symbol} failed: {items[0].reason}")
    return any(item.state in FOUND for item in items)


def _highest_meeting():
    return models.Meeting.objects.aggregate(highest=Max("number"))["highest"] or 0


def process_item(item, client):
    """Fetch one document and import it, or record why not; nothing half-saved either way."""
    if item.run.kind == RunKind.UPLOAD:
        return _import_upload(item)
    item.attempts += 1
    known = models.SourceDocument.objects.filter(symbol=item.symbol, language=item.language).first()
    fetched = fetch_document(client, settings.HARVEST_BASE_URL, item.symbol, item.language, known)
    item.url, item.fetched_at = fetched.url, timezone.now()
    if fetched.state != ItemState.PENDING:
        return _finish(item, fetched.state, fetched.reason)
    digest = sha256(fetched.data)
    if known is not None and known.sha256 == digest:
        _remember(item, fetched, digest)
        return _finish(item, ItemState.UNCHANGED, "the same file as the last fetch")
    state, reason, record = _import_fetched(item, fetched)
    if state != ItemState.FAILED:
        _remember(item, fetched, digest)
    item.record = record
    return _finish(item, state, reason)


def _import_fetched(item, fetched):
    """(state, reason, record): the file imported if it is the record asked for."""
    try:
        document = parse_source(fetched.data)
    except ImportRejected as exc:
        return ItemState.FAILED, str(exc), None
    got = symbol(document["meeting"], document["resumption"])
    if got != item.symbol or document["language"] != item.language:
        return ItemState.FAILED, f"the file is the {document['language']} record of {got}, not the " \
                                 f"{item.language} record of {item.symbol}", None
    result = import_record(fetched.data, source_name=f"{item.symbol} [{item.language}].pdf", contract=document,
                           provenance={"url": fetched.url, "fetched_at": item.fetched_at})
    state = IMPORT_STATES.get(result.status, ItemState.UNCHANGED)
    return state, result.message, result.record


def _remember(item, fetched, digest):
    models.SourceDocument.objects.update_or_create(symbol=item.symbol, language=item.language, defaults={
        "url": fetched.url, "etag": fetched.etag, "last_modified": fetched.last_modified, "sha256": digest,
        "fetched_at": item.fetched_at})


def _import_upload(item):
    try:
        with item.upload.open("rb") as handle:
            result = import_record(handle.read(), source_name=item.filename)
    except (OSError, ValueError) as exc:
        return _finish(item, ItemState.FAILED, f"the uploaded file cannot be read ({exc})")
    item.record = result.record
    if result.ok or result.status == HELD:
        item.upload.delete(save=False)  # taken in: the record's versions keep its bytes
    return _finish(item, IMPORT_STATES.get(result.status, ItemState.UNCHANGED), result.message)


def _finish(item, state, reason):
    item.state, item.reason = state, reason
    item.save()
    return item


def retry_failures(run):
    """Failed documents become pending again; the run is queued to take them up (not while it runs)."""
    if run.status == RunStatus.RUNNING:
        return 0
    count = run.items.filter(state=ItemState.FAILED).update(state=ItemState.PENDING, reason="")
    if count:
        run.status = RunStatus.QUEUED
        run.save(update_fields=["status"])
    return count
