#!/usr/bin/env python
"""Ingest throughput on the development records, against bare text extraction.

    .venv/bin/python bench/ingest.py

Uses its own database (unsc_bench_ingest, recreated each run). Prints records/s
and pages/s for a full import (read, extract, parse, save in one transaction,
index for search) and the ratio of import time to extraction alone.
"""
import time

from common import development_records, setup_django


def main():
    setup_django("unsc_bench_ingest", fresh=True)
    from django.db import connection

    from records import languages
    from records.ingest import import_record
    from records.parsing.extract import extract

    files = development_records()
    payloads = [(f, f.read_bytes()) for f in files]
    start = time.perf_counter()
    pages = sum(extract(data).pages for _, data in payloads)
    extraction = time.perf_counter() - start

    start = time.perf_counter()
    results = [import_record(data, source_name=path.name) for path, data in payloads]
    ingest = time.perf_counter() - start
    with connection.cursor() as cursor:  # the part of saving that is PostgreSQL's text analysis
        start = time.perf_counter()
        analysed = [lang.search_config for lang in languages.OFFICIAL.values() if not lang.searched_by_pairs]
        cursor.execute("SELECT sum(length(to_tsvector(search_config::regconfig, text))) FROM records_speech "
                       "WHERE search_config = ANY(%s)", [analysed])
        analysis = time.perf_counter() - start
    failed = [r for r in results if not r.ok]
    imported = len(results) - len(failed)

    print(f"{len(files)} records, {pages} pages ({imported} imported, {len(failed)} refused: "
          f"{', '.join(r.source_name for r in failed) or 'none'})")
    print(f"extraction only   {extraction:6.2f} s  {len(files) / extraction:6.1f} records/s  {pages / extraction:6.1f} pages/s")
    print(f"full import       {ingest:6.2f} s  {len(files) / ingest:6.1f} records/s  {pages / ingest:6.1f} pages/s")
    print(f"import / extraction: {ingest / extraction:.2f}x (goal: within 1.5x)")
    print(f"of which PostgreSQL's full-text analysis of the speeches (to_tsvector): {analysis:.2f} s")


if __name__ == "__main__":
    main()
