"""The search engine: a tantivy index of the archive's turns, derived from PostgreSQL.

One document per turn of a meeting (S/PV.8699's turn 17), holding its text in each language version
it has, each in a field with that language's analyzer (stemming, stop words; character pairs for
Chinese), its speaker's label, and the facts the filters use (State, role, languages, date,
meeting, cited resolutions) as fast fields. So a turn found in several versions is one result, and
BM25 ranks every match, skipping what cannot enter the page (block-max WAND).

The index lives in settings.SEARCH_INDEX_DIR. Only one process writes at a time (a lock file);
every process reads, and sees new commits on its next search.
"""
import fcntl
import logging
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import tantivy
from django.conf import settings

from records import languages

logger = logging.getLogger(__name__)

FORMAT = "turns-3"  # a new schema or analyzers: a new folder, built anew by `search_index --rebuild`
# The languages written with spaces, by the name of their stemmer (the registry's search configuration).
SPACED = {code: lang.search_config for code, lang in languages.OFFICIAL.items() if not lang.searched_by_pairs}
TANTIVY_STOP_LISTS = {"english", "french", "spanish", "russian"}  # of our languages; it has none for Arabic
STOP_WORDS = {code: name for code, name in SPACED.items() if name in TANTIVY_STOP_LISTS}
TEXT_FIELDS = [f"text_{code}" for code in SPACED] + ["text_zh", "text_zh1"]
WRITER_HEAP = 100_000_000
TURNS = 100_000  # more turns than any meeting has: meeting * TURNS + seq names a turn
LOCK_WAIT_SECONDS = 120  # another process writing: wait this long, then leave the work to --catch-up

_opened = {}
_searchers = {}  # meta.json path: (its mtime, the searcher of that commit)
_opening = threading.Lock()


def analyzers():
    """{tokenizer name: TextAnalyzer}: what each text field is cut into, for indexing and for queries."""
    out = {}
    for code, language in SPACED.items():
        builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.remove_long(40))
        builder = builder.filter(tantivy.Filter.lowercase())
        if code in STOP_WORDS:
            builder = builder.filter(tantivy.Filter.stopword(STOP_WORDS[code]))
        out[f"text_{code}"] = builder.filter(tantivy.Filter.stemmer(language)).build()
    # Chinese arrives as overlapping character pairs (and single characters) spaced by index.pairs_text.
    out["pairs"] = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.remove_long(40))
                    .filter(tantivy.Filter.lowercase()).build())
    out["names"] = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
                    .filter(tantivy.Filter.ascii_fold()).build())
    return out


ANALYZERS = analyzers()


def schema():
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("meeting", stored=True, indexed=True, fast=True)  # the Meeting's pk
    builder.add_unsigned_field("seq", stored=True, fast=True)
    builder.add_integer_field("stamp", fast=True)  # the meeting's latest import, in ms: what catch-up compares
    builder.add_unsigned_field("turn", stored=True, indexed=True, fast=True)  # meeting * TURNS + seq: one turn
    builder.add_unsigned_field("number", indexed=True, fast=True)  # the meeting's number
    builder.add_integer_field("date", indexed=True, fast=True)  # days since 1 January 1970
    builder.add_text_field("languages", stored=True, tokenizer_name="raw", fast=True)
    builder.add_text_field("versions", stored=True, tokenizer_name="raw")  # 'en:4521': each version's Speech pk
    builder.add_text_field("state", tokenizer_name="raw", fast=True)  # whose speech it is (not the chair's)
    builder.add_text_field("role", tokenizer_name="raw", fast=True)
    builder.add_unsigned_field("resolution", indexed=True)
    builder.add_text_field("label", tokenizer_name="names")
    builder.add_text_field("label_zh", tokenizer_name="pairs")  # Chinese labels as character pairs
    for code in SPACED:
        builder.add_text_field(f"text_{code}", tokenizer_name=f"text_{code}")
    builder.add_text_field("text_zh", tokenizer_name="pairs")  # character pairs
    builder.add_text_field("text_zh1", tokenizer_name="pairs")  # single characters, for a one-character query
    return builder.build()


def folder():
    return Path(settings.SEARCH_INDEX_DIR) / FORMAT


def open_index(create=True):
    """This process's Index of the folder, opened once; None when there is none and create is False."""
    path = folder()
    with _opening:
        index = _opened.get(path)
        if index is None:
            if not (path / "meta.json").exists() and not create:
                return None
            path.mkdir(parents=True, exist_ok=True)
            index = tantivy.Index(schema(), path=str(path), reuse=True)
            for name, analyzer in ANALYZERS.items():
                index.register_tokenizer(name, analyzer)
            index.config_reader(reload_policy="Manual")
            _opened[path] = index
        return index


def forget():
    """Close this process's handles (after the folder was replaced, and in tests)."""
    with _opening:
        _opened.clear()
        _searchers.clear()


def searcher():
    """A searcher over the latest commit, by whichever process it was made. Kept while the index's
    meta.json is unchanged: a searcher's caches (the stored fields it has read) stay warm between
    requests, and a commit by any process changes the file and so the searcher."""
    index = open_index()
    meta = folder() / "meta.json"
    stamp = meta.stat().st_mtime_ns if meta.exists() else 0
    kept = _searchers.get(meta)
    if kept is not None and kept[0] == stamp:
        return index, kept[1]
    index.reload()
    current = index.searcher()
    _searchers[meta] = (stamp, current)
    return index, current


@contextmanager
def writing(wait=LOCK_WAIT_SECONDS):
    """The one writer: a lock file across processes (imports run in several), then tantivy's writer.

    Raises TimeoutError when another process holds it longer than `wait` seconds.
    """
    path = folder()
    path.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f"{FORMAT}.lock", "w") as lock:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError("another process is writing the search index") from None
                time.sleep(0.05)
        try:
            writer = open_index().writer(heap_size=WRITER_HEAP, num_threads=min(2, os.cpu_count() or 1))
            try:
                yield writer
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()
                raise
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
