"""The versions of a record: every file received is kept, with its checksum, size, time and parser."""
from django.core.files.base import ContentFile
from django.utils import timezone

from records import models
from records.models import VersionState, record_upload_path
from records.parsing import PARSER_VERSION


def known(digest):
    """The version with these bytes, if any was received before (applied, superseded or held)."""
    return models.RecordVersion.objects.filter(sha256=digest).select_related("record__meeting").first()


def store_file(digest, data, name, written):
    """The storage name of a file with these bytes: the one kept already, else newly written."""
    if data is None:
        return ""
    earlier = models.RecordVersion.objects.filter(sha256=digest).exclude(file="").values_list("file", flat=True)
    if earlier:
        return earlier[0]
    holder = models.RecordVersion(sha256=digest)
    path = record_upload_path(holder, name)
    if holder.file.storage.exists(path):  # content-addressed: a file at this path has these bytes
        return path
    holder.file.save(name, ContentFile(data), save=False)
    written.append((holder.file.storage, holder.file.name))
    return holder.file.name


def record_received(record, state, contract, digest, size, source_name, file_name, reasons=(), provenance=None):
    """Write (or update) the version row of these bytes; an applied one supersedes the others."""
    provenance = provenance or {}
    if state == VersionState.APPLIED:
        record.versions.filter(state=VersionState.APPLIED).exclude(sha256=digest).update(
            state=VersionState.SUPERSEDED)
    models.RecordVersion.objects.update_or_create(sha256=digest, defaults={
        "record": record, "state": state, "file": file_name, "filename": display_name(source_name),
        "size": size, "parser_version": PARSER_VERSION, "received_at": timezone.now(),
        "contract": contract.document, "reasons": list(reasons),
        "source_url": provenance.get("url", ""), "fetched_at": provenance.get("fetched_at"),
    })


def display_name(name):
    """The sender's file name as data: any bytes made printable, never empty, at most 255 characters."""
    text = str(name).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = "".join(ch if ch.isprintable() else "?" for ch in text).strip()
    return (text or "unnamed")[:255]


def stored_name(contract, data):
    """Our name for a record's file: 'S_PV.8699_R1_en.pdf', whatever it was called when sent."""
    symbol = f"S_PV.{contract.meeting}" + (f"_R{contract.resumption}" if contract.resumption else "")
    extension = ".pdf" if data is not None and b"%PDF-" in data[:1024] else ".txt"
    return f"{symbol}_{contract.language}{extension}"


def unreadable(contract, digest, source_name, reason):
    """Note a version whose cover and opening were read but not its turns: the meeting's page then says
    that it exists and could not be read. A file cut off before the opening is only refused."""
    if contract.opened is None:
        return
    models.UnreadableVersion.objects.update_or_create(sha256=digest, defaults={
        "meeting_number": contract.meeting, "resumption": contract.resumption, "language": contract.language,
        "filename": display_name(source_name), "reason": reason, "received_at": timezone.now()})
