"""Full-text search over speeches, inside PostgreSQL: one call for the views, the API and exports.

    results = search(Speech.objects.filter(...), "non-proliferation", sort="relevance", page=1)

    index     the stored vectors (index_record after each import)
    query     web syntax read in each language, joined, ranked and paginated
    snippets  the matched words marked in a window of each speech
"""
import psycopg
from django.db import OperationalError, transaction

from records import languages
from records.search.index import index_missing, index_record, pairs_text
from records.search.query import CANDIDATES, MAX_QUERY, Results, analyse, clean_query, pairs_query, run, union_query
from records.search.snippets import add_snippets, excerpt, marked_snippet

SORTS = {"relevance": "relevance", "date": "newest first"}

__all__ = ["CANDIDATES", "MAX_QUERY", "Results", "SORTS", "add_snippets", "analyse", "clean_query", "excerpt",
           "index_missing", "index_record", "marked_snippet", "pairs_query", "pairs_text", "run", "search",
           "union_query"]


def search(queryset, text, sort="relevance", page=1, *, codes=None, per_page=20, export=False):
    """Speeches of `queryset` matching `text` (already cleaned), as a page of Results.

    codes: the record languages to read the query in (all six by default). An export takes
    every match up to per_page and needs no snippets.
    """
    codes = codes or languages.CODES
    try:
        with transaction.atomic():  # a savepoint: a query PostgreSQL cannot read leaves no broken transaction
            readings = analyse(text, codes)
    except OperationalError as exc:
        if not isinstance(exc.__cause__, psycopg.errors.ProgramLimitExceeded):
            raise
        readings = {}  # nested too deep to read ('tsquery stack too small'): no searchable word
    if not readings:
        return Results(page=None, stopwords=True)
    results = run(queryset, union_query(readings), sort, page, per_page, export=export)
    results.common_words = len(readings) < len(codes)
    if not export:
        add_snippets(results.page.object_list, text)
    return results
