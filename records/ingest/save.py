"""The one way into the archive: a record file, or its contract document, saved in one transaction.

    import_record(path_or_file_or_bytes, source_name="S_PV.8700_E.pdf") -> ImportResult
    import_contract(document, data=None, source_name="edited.json") -> ImportResult

- The same bytes twice (same SHA-256) is a no-op: "already imported".
- A new version of a language version already stored (same meeting and language, other
  bytes) replaces its speeches, votes and mentions in place, keeping each speech's row and
  seq, so permalinks survive.
- Another language of a meeting attaches to the same Meeting. Meeting-level facts come from
  the first version imported; where a later one disagrees, the import succeeds and the
  difference is written on the new Record.
"""
import logging

from django.db import DatabaseError, connection, transaction

from records import models, search
from records.contract import ContractError, load
from records.ingest import reconcile, writers
from records.ingest.lookups import Lookups
from records.ingest.reading import document_bytes, name_of, parse_source, read_source, sha256
from records.ingest.results import FAILED, IMPORTED, REPLACED, UNCHANGED, ImportRejected, ImportResult
from records.ingest.speakers import speakers_for

logger = logging.getLogger(__name__)
LOCK_NAMESPACE = 958901  # first key of the advisory lock that serialises imports of one meeting


def import_record(source, *, source_name=None, contract=None, force=False, max_bytes=None):
    """Import one record file (a path, a file object or bytes). Never raises for bad input.

    `contract` is the file's document where it was parsed already (import_records parses in
    worker processes); it is validated like any other.
    """
    name = source_name or name_of(source)
    return _guarded(name, lambda: _import_file(source, name, contract, force, max_bytes))


def import_contract(document, *, data=None, source_name="contract.json", force=False):
    """Import an unsc-record/1 document, validated at the door. `data` is the original file, where
    there is one; without it the record is identified by the checksum of the document itself."""
    def run():
        raw = data if data is not None else document_bytes(document)
        return _save(document, data, sha256(raw), len(raw), source_name, force)
    return _guarded(source_name, run)


def _guarded(name, run):
    try:
        return run()
    except ImportRejected as exc:
        return ImportResult(FAILED, name, str(exc))
    except DatabaseError as exc:
        logger.exception("import of %s failed in the database", name)
        return ImportResult(FAILED, name, f"the record could not be saved ({type(exc).__name__}); nothing was changed")


def _import_file(source, name, contract, force, max_bytes):
    data = read_source(source, max_bytes=max_bytes)
    digest = sha256(data)
    existing = _already_imported(digest)
    if existing is not None and not force:
        return ImportResult(UNCHANGED, name, "already imported", record=existing)
    document = contract if contract is not None else parse_source(data)
    return _save(document, data, digest, len(data), name, force)


def _already_imported(digest):
    return models.Record.objects.filter(sha256=digest).select_related("meeting").first()


def _save(document, data, digest, size, source_name, force):
    try:
        contract = load(document)
    except ContractError as exc:
        raise ImportRejected(str(exc)) from None
    if not contract.speeches:
        raise ImportRejected("no speaker turns found: the text may be damaged or not a complete record")
    written = []  # files stored during the transaction, removed again if it fails
    try:
        with transaction.atomic():
            _lock_meeting(contract.meeting, contract.resumption)
            # Re-check under the lock: another process may have imported these bytes meanwhile.
            existing = _already_imported(digest)
            if existing is not None and not force:
                return ImportResult(UNCHANGED, source_name, "already imported", record=existing)
            return _write(contract, data, digest, size, source_name, written)
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise


def _lock_meeting(number, resumption):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, number * 100 + (resumption or 0)])


def _write(contract, data, digest, size, source_name, written):
    """Every row of one record, inside _save's transaction."""
    lookups = Lookups(contract)
    meeting, created = models.Meeting.objects.get_or_create(
        number=contract.meeting, resumption=contract.resumption,
        defaults={"date": contract.date, "status": contract.status},
    )
    record = models.Record.objects.filter(meeting=meeting, language=contract.language).first()
    status = REPLACED if record is not None else IMPORTED
    record = record or models.Record(meeting=meeting, language=contract.language)
    writers.fill_record(record, contract, data, digest, size, source_name, written)
    is_source = created or meeting.source_id in (None, record.id)
    if is_source:
        reconcile.fill_meeting(meeting, record, contract, lookups)
        discrepancies = []
    else:
        discrepancies = reconcile.compare(meeting, contract)
        reconcile.add_member_names(meeting, contract)
    record.discrepancies = discrepancies
    record.save()
    writers.save_agenda(record, contract)
    speakers = speakers_for(record, meeting, contract, lookups)
    speeches = writers.save_speeches(record, meeting, contract, lookups, speakers)
    search.index_record(record)
    if is_source:
        writers.save_votes(meeting, contract, lookups)
    writers.save_mentions(record, contract, speeches, lookups)
    message = {IMPORTED: "imported", REPLACED: "replaced the earlier version"}[status]
    if discrepancies:
        message += f"; differs from the meeting as first imported in {len(discrepancies)} ways"
    return ImportResult(status, source_name, message, record=record, discrepancies=discrepancies)
