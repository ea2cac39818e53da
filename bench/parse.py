#!/usr/bin/env python
"""Parser throughput on the development PDFs: extraction alone, and extraction with parsing.

    .venv/bin/python bench/parse.py [FOLDER] [--repeat N] [--pdfminer]

Prints pages/s and MB/s on one core (a single process). --pdfminer also times
pdfminer.six's extract_text on the same files, if installed, for comparison.
"""
import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from records.parsing import parse_bytes  # noqa: E402
from records.parsing.extract import extract  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "records" / "en" / "pdf"


def timed(function, payloads, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        pages = sum(function(data) for data in payloads)
        best = min(best, time.perf_counter() - start)
    return pages, best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=os.environ.get("UNSC_BENCH_PDFS", DEFAULT))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pdfminer", action="store_true")
    args = parser.parse_args()
    files = sorted(Path(args.folder).glob("*.pdf"))
    if not files:
        sys.exit(f"no PDFs in {args.folder}")
    payloads = [f.read_bytes() for f in files]
    megabytes = sum(len(p) for p in payloads) / 1e6
    print(f"{len(files)} PDFs, {megabytes:.1f} MB, best of {args.repeat} runs, one process")
    rows = [("extraction (pypdfium2)", lambda d: extract(d).pages),
            ("extraction + parse", lambda d: parse_bytes(d).pages)]
    if args.pdfminer:
        try:
            from pdfminer.high_level import extract_text
            from pdfminer.pdfpage import PDFPage
            import io

            rows.append(("pdfminer.six extract_text", lambda d: (extract_text(io.BytesIO(d)),
                                                                 len(list(PDFPage.get_pages(io.BytesIO(d)))))[1]))
        except ImportError:
            print("pdfminer.six not installed; skipped")
    for name, function in rows:
        pages, seconds = timed(function, payloads, args.repeat)
        print(f"{name:<28} {pages} pages in {seconds:6.2f} s: {pages / seconds:7.1f} pages/s, "
              f"{megabytes / seconds:5.2f} MB/s")


if __name__ == "__main__":
    main()
