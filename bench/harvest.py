#!/usr/bin/env python
"""Harvest speed: the 14 development PDFs fetched from a local stand-in of the UN document system.

    .venv/bin/python bench/harvest.py

Uses its own database (unsc_bench_harvest, emptied first), serves ../shared/records/en/pdf with
the document system's protocol on 127.0.0.1 (tests/ods_server.py), and runs one harvest of their
symbols in English with the rate limit off: records per second, fetch and import together. A
second run shows the cost of finding nothing new (conditional requests answered 304).
"""
import time

from common import SHARED, setup_django


def main():
    setup_django("unsc_bench_harvest", fresh=True)
    from django.conf import settings

    from records.harvest import run as runs
    from records.models import ItemState
    from tests.ods_server import DocumentSystem

    with DocumentSystem(SHARED / "records" / "en" / "pdf") as system:
        settings.HARVEST_BASE_URL, settings.HARVEST_RATE = system.url, 0
        symbols = sorted(system.files)
        for label in ("first harvest", "again, nothing new"):
            started = time.perf_counter()
            run = runs.process(runs.plan_fetch(symbols, ["en"]))
            elapsed = time.perf_counter() - started
            states = {state: run.items.filter(state=state).count() for state in ItemState.values}
            print(f"{label:<20} {len(symbols)} documents in {elapsed:5.2f} s: {len(symbols) / elapsed:5.2f} records/s "
                  f"({', '.join(f'{n} {s}' for s, n in states.items() if n)})")


if __name__ == "__main__":
    main()
