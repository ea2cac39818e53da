"""Import record files or folders: `python manage.py import_records PATH... [--workers N] [--force]`.

Files already in the archive (same SHA-256) are skipped without parsing. The others are parsed
in worker processes; each parse is saved by this process in its own transaction through
records.ingest.import_record. Every path given gets a result line; the exit status is 1 when any
file failed or was held for review.
"""
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import django
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from records import recount
from records.ingest import (FAILED, HELD, IMPORTED, REPLACED, UNCHANGED, ImportRejected, import_record, parse_source,
                            read_source)
from records.ingest.reading import file_sha256, megabytes
from records.ingest.versions import display_name, known
from records.management.progress import Progress
from records.models import VersionState


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
        parser.add_argument("--force", action="store_true",
                            help="apply new versions even where they have less than the stored one")
        parser.add_argument("--quiet", action="store_true", help="no progress bar, only the summary")

    def handle(self, *args, **options):
        inputs = list(_inputs(options["paths"]))
        if not inputs:
            raise CommandError("no paths given")
        progress = Progress(len(inputs), enabled=not options["quiet"] and self.stderr.isatty(),
                            stream=self.stderr)
        to_parse = []
        for path, problem in inputs:
            early = (FAILED, _shown(path), problem) if problem else _known(path, options["force"])
            if early:
                progress.add(*early)
            else:
                to_parse.append(path)
        self._import(to_parse, options, progress)
        progress.finish()
        self.stdout.write(progress.summary())
        if progress.counts[IMPORTED] + progress.counts[REPLACED]:
            recount.everything()  # so that no reader of /statistics/ waits for the new figures
        troubles = progress.counts[FAILED] + progress.counts[HELD]
        if troubles:
            raise CommandError(f"{troubles} of {progress.done} files failed or were held for review", returncode=1)

    def _import(self, paths, options, progress):
        workers = max(1, min(options["workers"], len(paths) or 1))
        if workers == 1:
            for path in paths:
                result = import_record(path, source_name=display_name(path.name), force=options["force"])
                progress.add(result.status, _shown(path), result.message)
            return
        # Workers from a fresh server process, not forks of this one: each parses in limited children of
        # its own (records/parsing/isolated.py), which a fork of a process that did so cannot.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"),
                                 initializer=django.setup) as pool:
            futures = {pool.submit(_parse_in_worker, path): path for path in paths}
            for future in as_completed(futures):
                path = futures[future]
                try:
                    document, error = future.result()
                except Exception as exc:  # a worker died: that file fails, the others go on
                    document, error = None, f"the parsing process failed ({type(exc).__name__})"
                if error:
                    progress.add(FAILED, _shown(path), error)
                    continue
                result = import_record(path, source_name=display_name(path.name), contract=document,
                                       force=options["force"])
                progress.add(result.status, _shown(path), result.message)


def _inputs(paths):
    """(path, problem) for every file to import; a path that is no file gets its problem instead."""
    for raw in paths:
        if not raw.strip():
            yield Path(raw), "an empty path names no file"
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield path, "the folder holds no files"
            yield from ((p, None) for p in files)
        elif not path.exists():
            yield path, "no such file or folder"
        else:
            yield path, None


def _known(path, force):
    """(status, name, message) for a file refused before parsing or already imported, else None."""
    try:
        size = path.stat().st_size
        if size > settings.RECORD_UPLOAD_MAX_BYTES:  # the size first: a huge file is never read
            limit = megabytes(settings.RECORD_UPLOAD_MAX_BYTES)
            return FAILED, _shown(path), f"the file is {megabytes(size)}, larger than the {limit} limit"
        digest = file_sha256(path)
    except OSError as exc:
        return FAILED, _shown(path), f"cannot read the file ({exc.strerror or exc})"
    version = known(digest)
    if version is None or force:
        return None
    if version.state == VersionState.HELD:
        return HELD, _shown(path), "already received and held for review"
    return UNCHANGED, _shown(path), "already imported"


def _shown(path):
    return display_name(path)
