"""The one way into the archive: a record file, or its contract document, saved in one transaction.

    import_record(path_or_file_or_bytes, source_name="S_PV.8700_E.pdf") -> ImportResult
    import_contract(document, data=None, source_name="edited.json") -> ImportResult

- The same bytes twice (same SHA-256) is a no-op: "already imported" (or "already held").
- A new version of a language version already stored (same meeting and language, other
  bytes) replaces its speeches, votes and mentions in place, keeping each speech's row and
  seq, so permalinks survive; unless it would lose turns, votes, pages or the closing line, or
  date the meeting differently: then it is held for review (guard.py), stored and not applied,
  until it is applied on purpose (force).
- Every file received is kept as a version of its record (versions.py).
- Another language of a meeting attaches to the same Meeting. Meeting-level facts come from
  the first version imported; where a later one disagrees, the import succeeds and the
  difference is written on the new Record.
"""
import logging
from functools import partial

from django.db import DatabaseError, connection, transaction

from records import models, search
from records.contract import ContractError, load
from records.ingest import guard, people, reconcile, versions, writers
from records.ingest.lookups import Lookups
from records.ingest.reading import document_bytes, name_of, parse_source, read_source, sha256
from records.ingest.results import FAILED, HELD, IMPORTED, REPLACED, UNCHANGED, ImportRejected, ImportResult
from records.ingest.speakers import speakers_for
from records.models import VersionState

logger = logging.getLogger(__name__)
NO_TURNS = ("no speaker turns found: a record's turns begin with a speaker's label, such as 'The President:' or "
            "'Mr. Nebenzia (Russian Federation):'; the text may be damaged or not a complete record")
LOCK_NAMESPACE = 958901  # first key of the advisory lock that serialises imports of one meeting


def import_record(source, *, source_name=None, contract=None, force=False, max_bytes=None, provenance=None):
    """Import one record file (a path, a file object or bytes). Never raises for bad input.

    `contract` is the file's document where it was parsed already (import_records parses in
    worker processes); it is validated like any other. `provenance` ({"url", "fetched_at"}) says
    where the archive fetched the file, kept on its version.
    """
    name = source_name or name_of(source)
    return _guarded(name, lambda: _import_file(source, name, contract, force, max_bytes, provenance))


def import_contract(document, *, data=None, source_name="contract.json", force=False):
    """Import an unsc-record/1 document, validated at the door. `data` is the original file, where
    there is one; without it the record is identified by the checksum of the document itself."""
    def run():
        raw = data if data is not None else document_bytes(document)
        digest = sha256(raw)
        return _seen_before(digest, source_name, force) or _save(document, data, digest, len(raw), source_name,
                                                                 force)
    return _guarded(source_name, run)


def apply_version(version):
    """Apply a version on purpose (one held for review, or an earlier one): a person has seen what it
    would change. Its file is read again with the current parser; a version sent as a contract
    document is applied as it is."""
    if version.file:
        try:
            with version.file.open("rb") as handle:
                data = handle.read()
        except OSError as exc:
            return ImportResult(FAILED, version.filename, f"the stored file cannot be read ({exc})")
        return import_record(data, source_name=version.filename, force=True)
    return import_contract(version.contract, source_name=version.filename, force=True)


def _guarded(name, run):
    try:
        return run()
    except ImportRejected as exc:
        return ImportResult(FAILED, name, str(exc))
    except DatabaseError as exc:
        logger.exception("import of %s failed in the database", name)
        return ImportResult(FAILED, name, f"the record could not be saved ({type(exc).__name__}); nothing was changed")


def _import_file(source, name, contract, force, max_bytes, provenance):
    data = read_source(source, max_bytes=max_bytes)
    digest = sha256(data)
    seen = _seen_before(digest, name, force)
    if seen is not None:
        return seen
    document = contract if contract is not None else parse_source(data)
    return _save(document, data, digest, len(data), name, force, provenance)


def _seen_before(digest, name, force):
    """The result for bytes received before, unless they are to be applied again on purpose."""
    version = versions.known(digest)
    if version is None or force:
        return None
    if version.state == VersionState.HELD:
        return ImportResult(HELD, name, "already received and held for review", record=version.record,
                            discrepancies=version.reasons)
    return ImportResult(UNCHANGED, name, "already imported", record=version.record)


def _save(document, data, digest, size, source_name, force, provenance=None):
    try:
        contract = load(document)
    except ContractError as exc:
        raise ImportRejected(str(exc)) from None
    if not contract.speeches:
        versions.unreadable(contract, digest, source_name, NO_TURNS)
        raise ImportRejected(NO_TURNS)
    written = []  # files stored during the transaction, removed again if it fails
    try:
        with transaction.atomic():
            _lock_meeting(contract.meeting, contract.resumption)
            # Re-check under the lock: another process may have imported these bytes meanwhile.
            seen = _seen_before(digest, source_name, force)
            if seen is not None:
                return seen
            return _write(contract, data, digest, size, source_name, written, force, provenance or {})
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise


def _lock_people():
    """People are shared by meetings: two imports linking the same representative take turns."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, -1])


def _lock_meeting(number, resumption):
    with connection.cursor() as cursor:
        # An import in a web request (a small upload, re-parse, apply) is not bound by the request's
        # statement timeout: this transaction's statements may take the time a large record needs.
        cursor.execute("SET LOCAL statement_timeout = 0")
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, number * 100 + (resumption or 0)])


def _write(contract, data, digest, size, source_name, written, force=False, provenance=None):
    """Every row of one record, inside _save's transaction; or the version held, changing nothing."""
    lookups = Lookups(contract)
    meeting, created = models.Meeting.objects.get_or_create(
        number=contract.meeting, resumption=contract.resumption,
        defaults={"date": contract.date, "status": contract.status},
    )
    record = models.Record.objects.filter(meeting=meeting, language=contract.language).first()
    file_name = versions.store_file(digest, data, versions.stored_name(contract, data), written)
    if record is not None and not force:
        reasons = guard.losses(record, meeting, contract)
        if reasons:
            versions.record_received(record, VersionState.HELD, contract, digest, size, source_name, file_name,
                                     reasons, provenance)
            return ImportResult(HELD, source_name, "held for review, not applied: " + "; ".join(reasons),
                                record=record, discrepancies=reasons)
    status = REPLACED if record is not None else IMPORTED
    record = record or models.Record(meeting=meeting, language=contract.language)
    writers.fill_record(record, contract, file_name, digest, size, source_name)
    discrepancies = _write_rows(record, meeting, created, contract, lookups)
    versions.record_received(record, VersionState.APPLIED, contract, digest, size, source_name, file_name,
                             provenance=provenance)
    # The search index follows once the rows are committed, never before; if it fails, the import stands.
    transaction.on_commit(partial(search.update_meetings, [meeting.pk]))
    message = {IMPORTED: "imported", REPLACED: "replaced the earlier version"}[status]
    if discrepancies:
        message += f"; differs from the meeting as first imported in {len(discrepancies)} ways"
    return ImportResult(status, source_name, message, record=record, discrepancies=discrepancies)


def _write_rows(record, meeting, created, contract, lookups):
    """The record's rows; the meeting's own facts too where this is its source version."""
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
    _lock_people()
    people.link(record, meeting)
    search.index_record(record)
    if is_source:
        writers.save_votes(meeting, contract, lookups)
    writers.save_mentions(record, contract, speeches, lookups)
    return discrepancies
