"""Ingest: an unsc-record/1 document (from a file, or sent as it is) into the archive's rows.

    reading    file -> bytes -> contract document (the parser), size limit first
    save       the one transaction: lock, re-check, write, clean up stored files on failure
    guard      what a new version would lose: then it is held for review, not applied
    versions   every file received kept, with checksum, size, time and parser version
    reconcile  the meeting's facts from its first language version; later ones compared
    speakers   the parser's speaker keys looked up or created
    writers    the record, agenda, speeches, votes and citations
"""
from records.ingest.reading import parse_source, read_source
from records.ingest.results import (FAILED, HELD, IMPORTED, REPLACED, STATUSES, UNCHANGED, ImportRejected,
                                    ImportResult)
from records.ingest.save import LOCK_NAMESPACE, apply_version, import_contract, import_record

__all__ = ["FAILED", "HELD", "IMPORTED", "LOCK_NAMESPACE", "REPLACED", "STATUSES", "UNCHANGED", "ImportRejected",
           "ImportResult", "apply_version", "import_contract", "import_record", "parse_source", "read_source"]
