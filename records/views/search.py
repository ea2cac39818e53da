"""/search/?q=...: full text across speeches in six languages, filtered, ranked, with snippets."""
from django.shortcuts import render

from records import search
from records.filters import SpeechSearchFilter
from records.models import LANGUAGE_CODES, Speech
from records.views import exports
from records.views.common import active_filters, paginate, query_without_page

SORTS = {"relevance": "relevance", "date": "newest first"}
CSV_LIMIT = 5000
SEARCH_FIELDS = ["meeting", "date", "seq", "speaker", "country", "role", "language", "url", "excerpt"]
IGNORED_IN_FILTERS = {"q", "sort"}


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
    if not text or not valid:
        return render(request, "records/search.html", {**context, "state": "empty" if valid else "invalid"},
                      status=200 if valid else 400)
    chosen = filterset.form.cleaned_data.get("language") if filterset.is_bound else None
    languages = [chosen] if chosen else LANGUAGE_CODES
    searched = search.languages_with_terms(text, languages)
    if not searched:
        return render(request, "records/search.html", {**context, "state": "stopwords"})
    context["common_words"] = len(searched) < len(languages)  # a hint if nothing is found
    by_config = search.queries(text, searched)
    results = search.matching(filterset.qs, by_config).select_related("record__meeting", "country", "speaker")
    if sort == "date":
        results = results.newest_first()
    else:
        results = search.ranked(results, by_config).order_by("-rank", "-record__meeting__date", "seq")
    if request.GET.get("format") == "csv":
        return exports.csv_response("search.csv", SEARCH_FIELDS,
                                    (_row(request, s) for s in results[:CSV_LIMIT].iterator(chunk_size=500)))
    page = paginate(request, results, per_page=20)
    search.add_snippets(page.object_list, text, by_config)
    return render(request, "records/search.html", {**context, "page": page, "state": "results"})


def _row(request, speech):
    meeting = speech.record.meeting
    return {"meeting": meeting.symbol, "date": meeting.date.isoformat(), "seq": speech.seq, "speaker": speech.label,
            "country": speech.country_id or "", "role": speech.role, "language": speech.record.language,
            "url": request.build_absolute_uri(speech.get_permalink_in_record()),
            "excerpt": speech.text[:300]}
