"""The whole archive as files: one CSV per table with a codebook, and a zip of them.

    write_dataset(folder) -> manifest   (manage.py export_dataset FOLDER)

Rows are streamed from the database to the files; nothing holds a whole table in memory.
"""
import csv
import datetime
import hashlib
import json
import os
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from records import exports, models

MANIFEST = "latest.json"


def _sources():
    """(table, queryset) of each file, in a stable order."""
    return [
        (exports.MEETINGS, models.Meeting.objects.oldest_first().for_listing()),
        (exports.RECORDS, models.Record.objects.select_related("meeting").order_by("meeting__number", "language")),
        (exports.SPEECHES, models.Speech.objects.select_related("record__meeting").order_by("record_id", "seq")),
        (exports.VOTES, models.Vote.objects.select_related("meeting", "resolution").prefetch_related("ballots")
         .order_by("meeting__date", "meeting__number", "seq")),
        (exports.BALLOTS, models.Ballot.objects.select_related("vote__meeting", "vote__resolution")
         .order_by("vote__meeting__date", "vote__meeting__number", "vote__seq", "country_id")),
        (exports.COUNTRIES, models.Country.objects.order_by("iso3")),
        (exports.RESOLUTIONS, models.Resolution.objects.prefetch_related("adopting_votes__meeting").order_by("number")),
    ]


def write_dataset(folder, site_url=None):
    """Write the files and the zip into `folder`; return the manifest (also written as latest.json)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = (site_url or settings.SITE_URL).rstrip("/")
    counts = {}
    for table, queryset in _sources():
        counts[table.name] = _write_table(folder / f"{table.name}.csv", table, queryset, lambda path: base + path)
    (folder / "README.md").write_text(codebook(counts), encoding="utf-8")
    stamp = timezone.now()
    archive = folder / f"unsc-archive-{stamp:%Y-%m-%d-%H%M%S}.zip"
    partial = archive.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name in [f"{table.name}.csv" for table, _ in _sources()] + ["README.md"]:
            bundle.write(folder / name, arcname=name)
    os.replace(partial, archive)  # a reader sees the whole zip or none of it
    manifest = {"file": archive.name, "created": stamp.isoformat(), "size": archive.stat().st_size,
                "sha256": _sha256(archive), "rows": counts}
    manifest_partial = folder / f"{MANIFEST}.partial"
    manifest_partial.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(manifest_partial, folder / MANIFEST)  # last: /data/ offers the new zip only once it is whole
    return manifest


def _write_table(path, table, queryset, absolute):
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(table.columns), extrasaction="ignore")
        writer.writeheader()
        for obj in queryset.iterator(chunk_size=2000):
            writer.writerow({k: "" if v is None else v for k, v in table.row(obj, absolute).items()})
            count += 1
    return count


def codebook(counts):
    lines = ["# UN Security Council meeting archive: the dataset", "",
             f"Written {datetime.date.today().isoformat()}. UTF-8 CSV files, one row per object, with a header row. "
             "Empty cells are empty values. Countries are ISO 3166-1 alpha-3 codes; dates are YYYY-MM-DD.", ""]
    for table, _ in _sources():
        lines += [f"## {table.name}.csv ({counts.get(table.name, 0)} rows)", "", "| column | meaning |", "|---|---|"]
        lines += [f"| {column} | {meaning} |" for column, meaning in table.columns.items()]
        lines.append("")
    return "\n".join(lines)


def latest(folder=None):
    """The manifest of the latest dump, or None."""
    path = Path(folder or settings.DATASET_DIR) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _sha256(path):
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
