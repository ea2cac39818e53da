"""Full-text search over the archive's turns, in a tantivy index derived from PostgreSQL: one call for
the views, the API, the feeds and the exports.

    results = search(filters, "non-proliferation", sort="relevance", page=1)

    engine         the index: schema, analyzers, the one writer, readers that follow commits
    documents      one document per turn from PostgreSQL: updates after imports, rebuild, catch-up
    engine_query   web syntax and filters as one engine query; the page read back from PostgreSQL
    query          cleaning of the query text (length, operators)
    snippets       the matched words marked in a window of each speech
    index          the PostgreSQL vectors (kept for the Chinese character pairs and older tools)
"""
import time
from dataclasses import dataclass

import tantivy
from django.core.paginator import Page

from records import languages
from records.pagination import CountedPaginator
from records.search import engine
from records.search.documents import update_meetings
from records.search.engine_query import filter_queries, matched_language, speeches_for, text_query, versions_of
from records.search.index import index_missing, index_record, pairs_text
from records.search.query import MAX_QUERY, clean_query, pairs_query
from records.search.snippets import add_snippets, excerpt, marked_snippet

SORTS = {"relevance": "relevance", "date": "newest first"}
MAX_PAGE = 10_000

__all__ = ["MAX_QUERY", "Results", "SORTS", "add_snippets", "clean_query", "excerpt", "filters_of",
           "index_missing", "index_record", "marked_snippet", "pairs_query", "pairs_text", "search",
           "update_meetings"]


@dataclass
class Results:
    page: object  # a Page of speeches (one per turn); None when the query has no searchable word
    stopwords: bool = False  # no searchable word in any language searched ('the of', '!!!')
    common_words: bool = False  # some languages searched found no searchable word
    engine_ms: float = 0.0  # the time spent in the engine's calls (the search, reading its hits), for benchmarks


def filters_of(filterset):
    """A bound, valid SpeechSearchFilter's values, as search() takes them."""
    return dict(filterset.form.cleaned_data) if filterset.is_bound else {}


def search(filters, text, sort="relevance", page=1, *, per_page=20, export=False):
    """Turns matching `text` (already cleaned) and `filters`, as a page of Results: each turn once, in
    the language version asked for (the language filter), else the one that matched."""
    codes = [filters["language"]] if filters.get("language") else languages.CODES
    index, searcher = engine.searcher()
    query, found = text_query(index, text, codes)
    if query is None:
        return Results(page=None, stopwords=True)
    whole = tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in [query, *filter_queries(index, filters)]])
    number, result, found_docs, engine_ms = _hits(searcher, whole, _page_number(page), per_page, sort)
    hits = [(doc["turn"][0], doc["languages"]) for doc in found_docs]
    versions = {doc["turn"][0]: versions_of(doc) for doc in found_docs}
    chosen = ({turn: filters["language"] for turn, _ in hits} if filters.get("language")
              else matched_language(index, searcher, text, hits))
    rows = speeches_for(chosen, versions)
    paginator = CountedPaginator(range(result.count), per_page, result.count)
    results = Results(Page(rows, number, paginator), common_words=len(found) < len(codes), engine_ms=engine_ms)
    if not export:
        add_snippets(rows, text)
    return results


def _hits(searcher, query, number, per_page, sort):
    """(page number, the engine's result, its hits' stored fields, ms spent in the engine's calls)."""
    options = {"order_by_field": "date", "order": tantivy.Order.Desc} if sort == "date" else {}
    started = time.perf_counter()
    result = searcher.search(query, limit=per_page, offset=(number - 1) * per_page, count=True, **options)
    if not result.hits and result.count and number > 1:  # past the end: the last page, as elsewhere
        number = max(1, -(-result.count // per_page))
        result = searcher.search(query, limit=per_page, offset=(number - 1) * per_page, count=True, **options)
    docs = [searcher.doc(address).to_dict() for _, address in result.hits]
    return number, result, docs, (time.perf_counter() - started) * 1000


def _page_number(page):
    try:
        return min(max(1, int(page or 1)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1
