"""From a file (path, file object or bytes) to its bytes and its contract document."""
import hashlib
import json
from pathlib import Path

from django.conf import settings

from records.ingest.results import ImportRejected
from records.parsing import ParseError, parse_bytes, to_contract
from records.parsing.errors import NeedsOcr
from records.parsing.isolated import parse_isolated


def read_source(source, max_bytes=None):
    """The file's bytes, refusing anything above the size limit before reading it whole."""
    limit = max_bytes or settings.RECORD_UPLOAD_MAX_BYTES
    size = size_of(source)
    if size is not None and size > limit:
        raise ImportRejected(f"the file is {megabytes(size)}, larger than the {megabytes(limit)} limit")
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
    elif isinstance(source, (str, Path)):
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise ImportRejected(f"cannot read the file ({exc.strerror or exc})") from None
    else:
        source.seek(0)
        data = source.read(limit + 1)
    if len(data) > limit:
        raise ImportRejected(f"the file is larger than the {megabytes(limit)} limit")
    return data


def parse_source(data):
    """Parse bytes into the unsc-record/1 document, or ImportRejected saying what is wrong.

    In a child process within the time and memory limits of the settings, unless they are off
    (RECORD_PARSE_TIMEOUT_SECONDS = 0). Needs no database: import_records runs it in workers.
    """
    try:
        if settings.RECORD_PARSE_TIMEOUT_SECONDS:
            try:
                return parse_isolated(data, settings.RECORD_PARSE_TIMEOUT_SECONDS, settings.RECORD_PARSE_MEMORY_BYTES)
            except NeedsOcr:  # a scan: read again by OCR, which takes seconds a page
                return parse_isolated(data, settings.RECORD_OCR_TIMEOUT_SECONDS, settings.RECORD_PARSE_MEMORY_BYTES,
                                      ocr=True)
        return to_contract(parse_bytes(data))
    except ParseError as exc:
        raise ImportRejected(str(exc)) from None


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def file_sha256(path, chunk=1 << 20):
    """The checksum of a file read in chunks, never whole into memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


def document_bytes(document):
    """A contract document as canonical JSON bytes: its checksum identifies a record sent without a file."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def name_of(source):
    if isinstance(source, (str, Path)):
        return Path(source).name
    return getattr(source, "name", None) or "upload"


def size_of(source):
    if isinstance(source, (bytes, bytearray)):
        return len(source)
    if isinstance(source, (str, Path)):
        try:
            return Path(source).stat().st_size
        except OSError:
            return None
    return getattr(source, "size", None)


def megabytes(size):
    """'50 MB' for 52428800 bytes (MB of 2**20 bytes, as the README and the forms say); small sizes in bytes."""
    value = size / 2**20
    if value < 0.1:
        return f"{size:,} bytes"
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"
