#!/usr/bin/env python
"""Search latency on a synthetic archive built from the real records' paragraphs (200,000 speeches, or
--speeches 1000000 for the archive's full size).

    .venv/bin/python bench/search.py [--speeches N] [--runs R] [--rebuild]

The corpus is generated at run time in its own database (unsc_bench_search) and
kept there for the next run (--rebuild makes it again): the development records
are imported, then meetings are made up whose speeches are 1 to 6 paragraphs drawn
from the real speeches of one language, with random speakers, dates, citations,
agenda items and votes. The engine's index (.bench/unsc_bench_search) is built from
it when it does not match, with its time and size printed. Then each query is run R
times through the search page, through search() for the engine's part of it, and as
a bare tantivy call; p50/p95 and the ratio are printed. Goal: page p95 <= 50 ms, the
engine's part within 2x of the bare call.
"""
import argparse
import datetime
import os
import random
import re
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from common import development_records, percentile, setup_django

QUERIES = [
    ("common word", {"q": "security"}),
    ("common, filtered", {"q": "security council", "language": "en", "date_after": "2010-01-01",
                          "date_before": "2015-12-31"}),
    ("rare word", {"q": "Yarubiyah"}),
    ("rare, by country", {"q": "Idlib", "country": "RUS"}),
    ("phrase", {"q": '"humanitarian assistance"'}),
    ("phrase, members only", {"q": '"humanitarian assistance"', "role": "member", "date_after": "2020-01-01"}),
    ("OR and exclusion", {"q": "sanctions OR embargo -Iran"}),
    ("Chinese", {"q": "大规模毁灭性武器"}),
    ("Chinese, filtered", {"q": "人工智能", "language": "zh", "date_after": "2000-01-01"}),
    ("number, cited resolution", {"q": "1540", "resolution": "1540"}),
    ("sorted by date", {"q": "humanitarian", "sort": "date"}),
]
MEETINGS_FROM = 20000  # synthetic meeting numbers start here, clear of real ones


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speeches", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    os.environ["DJANGO_PAGE_CACHE"] = "0"  # time the search itself, not the kept page
    os.environ["DJANGO_THROTTLE_SEARCH"] = "0"  # one client asking fast is the benchmark, not an abuser
    setup_django("unsc_bench_search", fresh=args.rebuild)
    from records.models import Speech

    have = Speech.objects.count()
    if have < args.speeches:
        build(args.speeches - have)
    print(f"{Speech.objects.count()} speeches in the archive")
    ensure_index()
    run_queries(args.runs)


def build(count):
    from django.db import connection

    from records.ingest import import_record
    from records.models import Speech

    if not Speech.objects.exists():
        for path in development_records():
            import_record(path)
    paragraphs = {}
    for language, text in Speech.objects.values_list("record__language", "text"):
        paragraphs.setdefault(language, []).extend(p for p in text.split("\n\n") if len(p) > 40)
    weights = {lang: len(items) for lang, items in paragraphs.items()}
    started = time.perf_counter()
    per_meeting = 100
    meetings = (count + per_meeting - 1) // per_meeting
    rng = random.Random(1540)
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(number), %s) FROM records_meeting WHERE number >= %s",
                       [MEETINGS_FROM, MEETINGS_FROM])
        first = cursor.fetchone()[0] + 1
        cursor.execute("SELECT iso3 FROM records_country")
        countries = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT id FROM records_resolution WHERE number IN (1540, 2504, 2254)")
        resolutions = [row[0] for row in cursor.fetchall()]
    for offset in range(meetings):
        language = rng.choices(list(weights), weights=list(weights.values()))[0]
        make_meeting(first + offset, language, paragraphs[language], countries, resolutions,
                     min(per_meeting, count - offset * per_meeting), rng)
        if offset % 200 == 199:
            print(f"  {offset + 1} of {meetings} meetings written", file=sys.stderr)
    print(f"  text written in {time.perf_counter() - started:.0f} s; indexing", file=sys.stderr)
    index_all()  # the PostgreSQL vectors, which the language filter of lists still reads
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"built {count} speeches in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def make_meeting(number, language, paragraphs, countries, resolutions, speeches, rng):
    from django.db import connection, transaction

    from records import languages
    from records.models import Role

    date = datetime.date(1995, 1, 1) + datetime.timedelta(days=rng.randrange(31 * 365))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO records_meeting (number, date, status, place, created_at) "
                       "VALUES (%s, %s, 'final', 'New York', now()) RETURNING id", [number, date])
        meeting = cursor.fetchone()[0]
        cursor.execute("INSERT INTO records_record (meeting_id, language, file, filename, sha256, size, job_number, "
                       "status, parser_version, imported_at, discrepancies) VALUES (%s, %s, '', 'synthetic', "
                       "md5(%s) || md5(%s), 0, '', 'final', 'bench', now(), '[]') RETURNING id",
                       [meeting, language, f"a{number}", f"b{number}"])
        record = cursor.fetchone()[0]
        cursor.execute("UPDATE records_meeting SET source_id = %s WHERE id = %s", [record, meeting])
        with cursor.copy("COPY records_speech (record_id, seq, label, name, country_id, organization, role, "
                         "national_capacity, spoken_language, text, search_config, date) FROM STDIN") as copy:
            for seq in range(1, speeches + 1):
                country = rng.choice(countries)
                text = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(1, 6)))
                role = rng.choice([Role.MEMBER, Role.MEMBER, Role.INVITED, Role.BRIEFER, Role.PRESIDENT])
                copy.write_row((record, seq, f"Speaker {seq} ({country})", f"Speaker {seq}", country, "", role,
                                False, language, text, languages.search_config(language), date))
        votes_and_agenda(cursor, meeting, record, date, countries, rng)
        if resolutions:
            cursor.execute("INSERT INTO records_resolutionmention (record_id, speech_id, resolution_id) "
                           "SELECT %s, id, %s FROM records_speech WHERE record_id = %s AND seq %% 20 = 0",
                           [record, rng.choice(resolutions), record])


TOPICS = ["The situation in the Middle East", "The situation in Afghanistan", "Maintenance of international peace "
          "and security", "Non-proliferation", "The situation in Somalia", "Reports of the Secretary-General on the "
          "Sudan and South Sudan", "Threats to international peace and security", "The question concerning Haiti",
          "The situation in the Democratic Republic of the Congo", "Children and armed conflict"]
PERMANENT = ["CHN", "FRA", "GBR", "RUS", "USA"]


def votes_and_agenda(cursor, meeting, record, date, countries, rng):
    """An agenda item, and for two meetings in five a vote by fifteen members (the year's, drawn once)."""
    cursor.execute("INSERT INTO records_agendaitem (record_id, position, text) VALUES (%s, 1, %s)",
                   [record, rng.choice(TOPICS)])
    if rng.random() > 0.4:
        return
    elected = random.Random(date.year).sample([c for c in countries if c not in PERMANENT], 10)
    members = PERMANENT + elected
    against = rng.sample(members, rng.choice([0, 0, 0, 1, 2]))
    abstaining = rng.sample([m for m in members if m not in against], rng.choice([0, 0, 1, 2, 4]))
    vetoed = [m for m in against if m in PERMANENT]
    outcome = "not adopted" if vetoed or len(members) - len(against) - len(abstaining) < 9 else "adopted"
    cursor.execute("INSERT INTO records_vote (meeting_id, seq, subject, draft, outcome, after_speech) "
                   "VALUES (%s, 1, 'draft resolution', %s, %s, 1) RETURNING id",
                   [meeting, f"S/{date.year}/{rng.randrange(1, 900)}", outcome])
    vote = cursor.fetchone()[0]
    with cursor.copy("COPY records_ballot (vote_id, country_id, position, veto) FROM STDIN") as copy:
        for member in members:
            position = "against" if member in against else "abstaining" if member in abstaining else "in_favour"
            copy.write_row((vote, member, position, member in vetoed))


def index_all():
    """Search vectors for the synthetic speeches, with the project's own indexing, on two connections."""
    from django.db import connection

    from records import search

    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id) FROM records_speech WHERE search_vector IS NULL")
        low, high = cursor.fetchone()
    if low is None:
        return
    middle = (low + high) // 2

    def work(start, end):
        from django.db import connection as own

        step = 20_000  # bounded statements: the Chinese rows are read into Python and paired
        for first in range(start, end + 1, step):
            search.index_missing(first, min(end, first + step - 1))
        own.close()

    threads = [threading.Thread(target=work, args=(low, middle)), threading.Thread(target=work, args=(middle + 1, high))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def ensure_index():
    """The engine's index of the generated archive: rebuilt (and timed) when it does not match the database."""
    from django.conf import settings

    from records.search import documents

    stale, gone, turns, indexed = documents.compare()
    if stale or gone:
        started = time.perf_counter()
        documents.rebuild()
        print(f"index built: {turns} turns in {time.perf_counter() - started:.0f} s")
    size = sum(f.stat().st_size for f in Path(settings.SEARCH_INDEX_DIR).rglob("*") if f.is_file())
    print(f"index: {indexed or turns} turns, {size / 2**20:.0f} MB in {settings.SEARCH_INDEX_DIR}")


def filters_of(params):
    from records.filters import SpeechSearchFilter
    from records.models import Speech

    data = {k: v for k, v in params.items() if k not in ("q", "sort")}
    filterset = SpeechSearchFilter(data or None, queryset=Speech.objects.all())
    assert not filterset.is_bound or filterset.is_valid(), filterset.errors
    return dict(filterset.form.cleaned_data) if filterset.is_bound else {}


def bare_engine(params, runs):
    """The same query straight to tantivy: the top 20 with their stored fields and the exact count."""
    import tantivy

    from records import languages
    from records.search import engine
    from records.search.engine_query import filter_queries, text_query

    filters = filters_of(params)
    codes = [filters["language"]] if filters.get("language") else languages.CODES
    index, searcher = engine.searcher()
    query, _ = text_query(index, params["q"], codes)
    whole = tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in [query, *filter_queries(index, filters)]])
    options = {"order_by_field": "date", "order": tantivy.Order.Desc} if params.get("sort") == "date" else {}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = searcher.search(whole, limit=20, count=True, **options)
        [searcher.doc(address).to_dict() for _, address in result.hits]  # the hits' stored fields, as any caller
        times.append((time.perf_counter() - start) * 1000)
    return times


def run_queries(runs):
    from django.test import Client

    from records import search

    client = Client(HTTP_HOST="localhost")
    print(f"{runs} runs per query: the page (/search/, in-process: view, engine, PostgreSQL rows, snippets, template),")
    print("the engine's part of it, and a bare tantivy call for the same query; ratio = engine part / bare call")
    print(f"{'query':<26} {'results':>8} {'page p50':>9} {'page p95':>9} {'engine p50':>11} {'bare p50':>9} "
          f"{'ratio':>6}")
    worst = 0.0
    for name, params in QUERIES:
        url = "/search/?" + urlencode(params)
        response = client.get(url)
        found = re.search(r'role="status">([\d,]+) speech', response.content.decode())
        count = int(found.group(1).replace(",", "")) if found else 0
        times, inside = [], []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
            inside.append(search.search(filters_of(params), params["q"], params.get("sort", "relevance"),
                                        export=True).engine_ms)
        bare = bare_engine(params, runs)
        worst = max(worst, percentile(times, 95))
        engine_p50, bare_p50 = percentile(inside, 50), percentile(bare, 50)
        print(f"{name:<26} {count:8d} {percentile(times, 50):9.1f} {percentile(times, 95):9.1f} {engine_p50:11.1f} "
              f"{bare_p50:9.1f} {engine_p50 / bare_p50 if bare_p50 else 0:6.1f}")
    print(f"worst page p95: {worst:.1f} ms (goal: 50 ms)")
    chinese_recall()


def chinese_recall(terms=300):
    """Random runs of 2 to 6 Chinese characters from the seed's speeches: is each speech found by its term?"""
    from records import search
    from records.models import Speech

    speeches = list(Speech.objects.filter(record__meeting__number=9589, record__language="zh")
                    .values_list("pk", "text"))
    if not speeches:
        return
    rng = random.Random(300)
    found = 0
    for _ in range(terms):
        pk, text = rng.choice(speeches)
        run = rng.choice(re.findall(r"[\u4e00-\u9fff]{2,}", text))
        size = rng.randint(2, min(6, len(run)))
        start = rng.randrange(len(run) - size + 1)
        term = run[start:start + size]
        results = search.search({"language": "zh", "meeting": 9589}, f'"{term}"', per_page=200, export=True)
        found += pk in {speech.pk for speech in results.page.object_list}
    print(f"Chinese recall: {found} of {terms} random terms find their speech ({100 * found / terms:.0f}%)")


if __name__ == "__main__":
    main()
