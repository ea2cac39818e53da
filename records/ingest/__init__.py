"""Ingest: an unsc-record/1 document (from a file, or sent as it is) into the archive's rows.

    reading    file -> bytes -> contract document (the parser), size limit first
    save       the one transaction: lock, re-check, write, clean up stored files on failure
    reconcile  the meeting's facts from its first language version; later ones compared
    speakers   the parser's speaker keys looked up or created
    writers    the record, agenda, speeches, votes and citations
"""
from records.ingest.reading import parse_source, read_source
from records.ingest.results import FAILED, IMPORTED, REPLACED, STATUSES, UNCHANGED, ImportRejected, ImportResult
from records.ingest.save import LOCK_NAMESPACE, import_contract, import_record

__all__ = ["FAILED", "IMPORTED", "LOCK_NAMESPACE", "REPLACED", "STATUSES", "UNCHANGED", "ImportRejected",
           "ImportResult", "import_contract", "import_record", "parse_source", "read_source"]
