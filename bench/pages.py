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
    ("meeting list, a year", "/meetings/?year=2010"),
    ("meeting list, agenda words", "/meetings/?agenda=Somalia"),
    ("meeting list, a language", "/meetings/?language=fr"),
    ("meeting list, a resolution", "/meetings/?resolution=1540"),
    ("meeting list, CSV (first 64 KB)", "/meetings/?format=csv"),
    ("search, CSV (first 64 KB)", "/search/?q=humanitarian&format=csv"),
    ("speakers", "/speakers/?q=nebenzia"),
    ("meeting, 101 speeches", "/meetings/8699/"),
    ("meeting, 404 speeches", "/meetings/99400/"),
    ("meeting with votes", "/meetings/8700/"),
    ("meeting, Chinese", "/meetings/9589/"),
    ("speech, every language", "/meetings/10124/speeches/2/"),
    ("country", "/countries/RUS/"),
    ("country list", "/countries/"),
    ("resolution", "/resolutions/2504/"),
    ("resolution list", "/resolutions/"),
    ("votes", "/votes/"),
    ("votes, a State against", "/votes/?country=RUS&position=against"),
    ("votes, vetoed", "/votes/?outcome=vetoed"),
    ("agreement, a year", "/votes/agreement/?year=2020"),
    ("agreement, everything", "/votes/agreement/"),
    ("statistics", "/statistics/"),
    ("statistics, a decade", "/statistics/?start=2000&end=2009"),
    ("search, English", "/search/?q=humanitarian+assistance"),
    ("search, Chinese", "/search/?q=" + quote("大规模毁灭性武器")),
    ("search, a State", "/search/?q=security&country=RUS"),
    ("search, members in a period", "/search/?q=humanitarian&role=member&date_after=2010-01-01&date_before=2015-12-31"),
    ("search, French", "/search/?q=" + quote("sécurité") + "&language=fr"),
    ("search, newest first", "/search/?q=security&sort=date"),
    ("search, one meeting", "/search/?q=security&meeting=8699"),
    ("search, cited resolution", "/search/?q=1540&resolution=1540"),
    ("search, filters only", "/search/?country=RUS"),
    ("API meetings", "/api/v1/meetings/"),
    ("API meetings, by country", "/api/v1/meetings/?country=CHN"),
    ("API meeting", "/api/v1/meetings/{meeting_id}/"),
    ("API speeches, by country", "/api/v1/speeches/?country=RUS"),
    ("API votes", "/api/v1/votes/"),
    ("API countries", "/api/v1/countries/"),
    ("API resolutions", "/api/v1/resolutions/"),
    ("API search", "/api/v1/search/?q=humanitarian+assistance"),
    ("feed of meetings", "/feed/"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-page-cache", action="store_true", help="time the work behind each page")
    parser.add_argument("--only", default="", help="the page types whose name contains this, e.g. 'CSV'")
    parser.add_argument("--database", default="unsc_bench_pages",
                        help="a benchmark database; unsc_bench_search is the generated archive of bench/search.py")
    args = parser.parse_args()
    url = setup_django(args.database)
    from records.ingest import import_record
    from records.models import Meeting

    if args.database == "unsc_bench_pages":
        for path in development_records():
            import_record(path)
    long_meeting()
    meeting_id = Meeting.objects.filter(number=8700).values_list("pk", flat=True).first() or 1
    server, port = serve(url, workers=args.workers,
                         extra_env={"DJANGO_PAGE_CACHE": "0"} if args.no_page_cache else None)
    try:
        print(f"gunicorn, {args.workers} workers; {args.requests} sequential requests per page after 10 warm-up")
        print(f"{'page':<32} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        worst = 0.0
        for name, path in [(n, p) for n, p in PAGES if args.only in n]:
            first, times = timings(port, path.format(meeting_id=meeting_id), args.requests)
            worst = max(worst, percentile(times, 95))
            print(f"{name:<32} {first:9.1f} {percentile(times, 50):8.1f} {percentile(times, 95):8.1f} "
                  f"{max(times):8.1f}")
        print(f"worst p95: {worst:.1f} ms (goal: under 50 ms)")
    finally:
        server.terminate()
        server.wait()


def long_meeting():
    """S/PV.99400: S/PV.8699's 101 turns four times over, the longest meetings' size ("first" is cold)."""
    import copy

    from records.ingest import import_contract
    from records.models import Meeting
    from records.parsing import parse_file, to_contract

    if Meeting.objects.filter(number=99400).exists():
        return
    path = next(p for p in development_records() if p.name == "S_PV.8699_E.pdf")
    document = to_contract(parse_file(path))
    turns = [copy.deepcopy(turn) for _ in range(4) for turn in document["speeches"]]
    for seq, turn in enumerate(turns, 1):
        turn["seq"] = seq
    document.update(meeting=99400, symbol="S/PV.99400", speeches=turns)
    assert import_contract(document, source_name="S_PV.99400_long.json").ok


FIRST_BYTES = 65536  # an export streams: the time to its first rows is what a reader waits for


def timings(port, path, count):
    export = "format=csv" in path
    connection = http.client.HTTPConnection("127.0.0.1", port)
    out = []
    for i in range(count + 10):
        if export:  # a new connection each time: the rest of the stream is not read
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port)
        start = time.perf_counter()
        connection.request("GET", path, headers={"Accept-Language": "en"})
        response = connection.getresponse()
        response.read(FIRST_BYTES) if export else response.read()
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
