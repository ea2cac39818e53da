#!/usr/bin/env python
"""Page latency under gunicorn on the development records: p50 and p95 per page type.

    .venv/bin/python bench/pages.py [--requests N] [--workers W]

Uses its own database (unsc_bench_pages), imports the development records into it
once, starts gunicorn on a free local port and times N sequential requests per
page after a warm-up. Goal: p95 under 50 ms. "first" is the first request to a page,
before the worker caches its rendered speeches (a record changes only on import).
"""
import argparse
import http.client
import sys
import time
from urllib.parse import quote

from common import development_records, percentile, serve, setup_django

PAGES = [
    ("home", "/"),
    ("meeting list", "/meetings/"),
    ("meeting list, filtered", "/meetings/?country=CHN&date_after=2020-01-01&vote=any"),
    ("meeting list, CSV", "/meetings/?format=csv"),
    ("meeting, 101 speeches", "/meetings/8699/"),
    ("meeting with votes", "/meetings/8700/"),
    ("meeting, Chinese", "/meetings/9589/"),
    ("speech, every language", "/meetings/10124/speeches/2/"),
    ("country", "/countries/RUS/"),
    ("country list", "/countries/"),
    ("resolution", "/resolutions/2504/"),
    ("search, English", "/search/?q=humanitarian+assistance"),
    ("search, Chinese", "/search/?q=" + quote("大规模毁灭性武器")),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    url = setup_django("unsc_bench_pages")
    from records.ingest import import_record

    for path in development_records():
        import_record(path)
    server, port = serve(url, workers=args.workers)
    try:
        print(f"gunicorn, {args.workers} workers; {args.requests} sequential requests per page after 10 warm-up")
        print(f"{'page':<26} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        worst = 0.0
        for name, path in PAGES:
            first, times = timings(port, path, args.requests)
            worst = max(worst, percentile(times, 95))
            print(f"{name:<26} {first:9.1f} {percentile(times, 50):8.1f} {percentile(times, 95):8.1f} "
                  f"{max(times):8.1f}")
        print(f"worst p95: {worst:.1f} ms (goal: under 50 ms)")
    finally:
        server.terminate()
        server.wait()


def timings(port, path, count):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    out = []
    for i in range(count + 10):
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            sys.exit(f"{path}: HTTP {response.status}")
        if i == 0:
            first = elapsed  # before this worker has the page's fragments in its cache
        if i >= 10:
            out.append(elapsed)
    connection.close()
    return first, out


if __name__ == "__main__":
    main()
