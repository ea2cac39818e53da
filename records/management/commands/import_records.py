"""Import record files or folders: `python manage.py import_records PATH... [--workers N]`.

Files already in the archive (same SHA-256) are skipped without parsing. The
others are parsed in worker processes; each parse is saved by this process in
its own transaction through records.ingest.import_record.
"""
import hashlib
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from records.ingest import FAILED, UNCHANGED, ImportRejected, import_record, parse_source, read_source
from records.models import Record


def _parse_in_worker(path):
    """Runs in a worker process: read and parse, no database. Returns (contract document, error)."""
    try:
        return parse_source(read_source(path)), None
    except ImportRejected as exc:
        return None, str(exc)


class Command(BaseCommand):
    help = "Import verbatim record files (PDF or text); folders are searched recursively."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                            help="parsing processes (default: the number of cores)")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, **options):
        files = list(_files(options["paths"]))
        if not files:
            raise CommandError("no files found in " + ", ".join(options["paths"]))
        interactive = not options["quiet"] and self.stderr.isatty()
        progress = Progress(len(files), enabled=interactive, stream=self.stderr)
        to_parse = []
        for path in files:
            known = _already_imported(path)
            if known:
                progress.add(UNCHANGED, str(path), "already imported")
            else:
                to_parse.append(path)
        workers = max(1, min(options["workers"], len(to_parse) or 1))
        if workers == 1:
            for path in to_parse:
                result = import_record(path)
                progress.add(result.status, str(path), result.message)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = {pool.submit(_parse_in_worker, path): path for path in to_parse}
                for future in as_completed(futures):
                    path = futures[future]
                    try:
                        document, error = future.result()
                    except Exception as exc:  # a worker died: that file fails, the others go on
                        document, error = None, f"the parsing process failed ({type(exc).__name__})"
                    if error:
                        progress.add(FAILED, str(path), error)
                        continue
                    result = import_record(path, contract=document)
                    progress.add(result.status, str(path), result.message)
        progress.finish()
        self.stdout.write(progress.summary())
        if progress.counts[FAILED]:
            raise CommandError(f"{progress.counts[FAILED]} of {progress.done} files failed", returncode=1)


def _files(paths):
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def _already_imported(path):
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return False
    return Record.objects.filter(sha256=digest).exists()


class Progress:
    """A one-line progress bar with counts, and the failures kept for the summary."""

    def __init__(self, total, enabled, stream):
        self.total = total
        self.enabled = enabled
        self.stream = stream
        self.counts = {"imported": 0, "replaced": 0, "unchanged": 0, "failed": 0}
        self.failures = []
        self.done = 0

    def add(self, status, name, message):
        self.done += 1
        self.counts[status] += 1
        if status == FAILED:
            self.failures.append((name, message))
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
                              f"imported {self.counts['imported'] + self.counts['replaced']} · "
                              f"unchanged {self.counts['unchanged']} · failed {self.counts['failed']}", ending="")
            self.stream.flush()

    def finish(self):
        if self.enabled:
            self.stream.write("")

    def summary(self):
        lines = [f"{self.done} files: {self.counts['imported']} imported, {self.counts['replaced']} replaced, "
                 f"{self.counts['unchanged']} unchanged, {self.counts['failed']} failed"]
        lines += [f"  failed: {name}: {message}" for name, message in self.failures]
        return "\n".join(lines)
