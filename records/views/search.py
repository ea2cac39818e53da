"""/search/?q=...: full text across speeches in six languages, filtered, ranked, with snippets."""
from django.shortcuts import render
from django.utils.html import escape
from django.utils.text import Truncator

from records import exports as tables
from records import search
from records.filters import SpeechSearchFilter
from records.models import Speech
from records.throttle import throttled
from records.views import exports
from records.views.caching import changes_on_import
from records.views.common import apply_filters, paginate

EXPORT_LIMIT = 5000
EXPORT_CHUNK = 100  # matches a search export reads at a time: the first rows leave at once
COLUMNS = [c for c in tables.SPEECHES.columns if c != "text"] + ["excerpt"]
NOT_FILTERS = {"q", "sort", "page", "format"}  # the query, its order and the page


@throttled("search")
@throttled("export", applies=exports.wanted)
@changes_on_import
def search_view(request):
    text, truncated = search.clean_query(request.GET.get("q"))
    sort = request.GET.get("sort") if request.GET.get("sort") in search.SORTS else "relevance"
    data = request.GET.copy()
    for key in NOT_FILTERS:
        data.pop(key, None)
    filtered = apply_filters(request, SpeechSearchFilter, Speech.objects.all(), data=data)
    context = {**filtered.context(), "q": text, "truncated": truncated, "sort": sort, "sorts": search.SORTS,
               "page": None, "state": "empty"}
    export = exports.wanted(request)
    if not filtered.valid:
        return render(request, "records/search.html", {**context, "state": "invalid"}, status=400)
    if not text:
        if not filtered.filterset.is_bound:
            return render(request, "records/search.html", context)
        return _filters_only(request, filtered.qs, context, export)
    chosen = search.filters_of(filtered.filterset)
    if export:
        return _export(request, _all_matches(chosen, text, sort), text, export)
    results = search.search(chosen, text, sort, request.GET.get("page"))
    if results.stopwords:
        return render(request, "records/search.html", {**context, "state": "stopwords"})
    return render(request, "records/search.html", {
        **context, "page": results.page, "state": "results", "common_words": results.common_words,
    })


def _filters_only(request, speeches, context, export):
    """Filters without words: the speeches they select, newest first."""
    speeches = speeches.newest_first().with_context()
    if export:
        return _export(request, speeches[:EXPORT_LIMIT], "", export)
    page = paginate(request, speeches, per_page=20)
    for speech in page.object_list:
        speech.snippet = escape(Truncator(speech.text).chars(280))
    return render(request, "records/search.html", {**context, "page": page, "state": "results"})


def _all_matches(filters, text, sort):
    """Every match up to EXPORT_LIMIT, a chunk at a time: the export streams from its first rows."""
    for number in range(1, EXPORT_LIMIT // EXPORT_CHUNK + 1):
        results = search.search(filters, text, sort, number, per_page=EXPORT_CHUNK, export=True)
        if results.page is None:
            return
        yield from results.page.object_list
        if not results.page.has_next():
            return


def _export(request, speeches, text, export):
    return exports.respond(request, tables.SPEECHES, speeches, export, filename="search", columns=COLUMNS,
                           extra=lambda speech: {"excerpt": search.excerpt(speech.text, text)})
