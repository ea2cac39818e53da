"""/search/?q=...: full text across speeches in six languages, filtered, ranked, with snippets."""
from django.shortcuts import render
from django.utils.html import escape
from django.utils.text import Truncator

from records import search
from records.filters import SpeechSearchFilter
from records.models import LANGUAGE_CODES, Speech
from records.views import exports
from records.views.common import active_filters, paginate, query_without_page

SORTS = {"relevance": "relevance", "date": "newest first"}
CSV_LIMIT = 5000
SEARCH_FIELDS = ["meeting", "date", "seq", "speaker", "country", "role", "language", "url", "excerpt"]
IGNORED_IN_FILTERS = {"q", "sort", "page", "format"}  # not filters: the query and the page


def search_view(request):
    text, truncated = search.clean_query(request.GET.get("q"))
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance"
    filter_data = request.GET.copy()
    for key in IGNORED_IN_FILTERS:
        filter_data.pop(key, None)
    filterset = SpeechSearchFilter(filter_data or None, queryset=Speech.objects.all())
    valid = not filterset.is_bound or filterset.is_valid()
    context = {"q": text, "truncated": truncated, "sort": sort, "sorts": SORTS, "filter": filterset,
               "active": active_filters(request, filterset) if valid else [], "page": None,
               "query": query_without_page(request), "state": "empty"}
    if not valid:
        return render(request, "records/search.html", {**context, "state": "invalid"}, status=400)
    if not text:
        if not filterset.is_bound:
            return render(request, "records/search.html", context)
        # Filters without words: the speeches they select, newest first.
        speeches = filterset.qs.newest_first().select_related("record__meeting", "country", "speaker")
        if request.GET.get("format") == "csv":
            return exports.csv_response("search.csv", SEARCH_FIELDS,
                                        (_row(request, s, "") for s in speeches[:CSV_LIMIT].iterator(chunk_size=500)))
        page = paginate(request, speeches, per_page=20)
        for speech in page.object_list:
            speech.snippet = escape(Truncator(speech.text).chars(280))
        return render(request, "records/search.html", {**context, "page": page, "state": "results"})
    chosen = filterset.form.cleaned_data.get("language") if filterset.is_bound else None
    languages = [chosen] if chosen else LANGUAGE_CODES
    readings = search.analyse(text, languages)
    if not readings:
        return render(request, "records/search.html", {**context, "state": "stopwords"})
    context["common_words"] = len(readings) < len(languages)  # a hint if nothing is found
    query = search.union_query(readings)
    if request.GET.get("format") == "csv":
        rows = search.run(filterset.qs, query, sort, 1, CSV_LIMIT, export=True).page.object_list
        return exports.csv_response("search.csv", SEARCH_FIELDS, (_row(request, s, text) for s in rows))
    results = search.run(filterset.qs, query, sort, request.GET.get("page"), per_page=20)
    search.add_snippets(results.page.object_list, text)
    return render(request, "records/search.html", {
        **context, "page": results.page, "state": "results", "large": results.large,
        "estimated": about(results.estimated), "candidates": search.CANDIDATES,
    })


def about(number):
    """130229 -> 130000: an estimate shown with two significant digits."""
    if number < 100:
        return number
    digits = len(str(number)) - 2
    return round(number, -digits)


def _row(request, speech, text):
    meeting = speech.record.meeting
    return {"meeting": meeting.symbol, "date": meeting.date.isoformat(), "seq": speech.seq, "speaker": speech.label,
            "country": speech.country_id or "", "role": speech.role, "language": speech.record.language,
            "url": request.build_absolute_uri(speech.get_absolute_url()),
            "excerpt": search.excerpt(speech.text, text)}
