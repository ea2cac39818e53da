from django.core.cache import cache
from django.db.models import Max, Min
from django.shortcuts import render

from records import languages
from records.models import Meeting, Record, Speech, Vote
from records.views.caching import changes_on_import, last_import

STATS_SECONDS = 24 * 3600  # keyed by the latest import: every worker counts anew right after one


@changes_on_import
def home(request):
    latest = last_import(request)
    key = f"home-stats-{latest.timestamp() if latest else 0}"
    return render(request, "records/home.html", {
        **cache.get_or_set(key, holdings, STATS_SECONDS),
        "latest": Meeting.objects.newest_first().for_listing()[:10],
    })


def holdings():
    span = Meeting.objects.aggregate(first=Min("date"), last=Max("date"))
    codes = Record.objects.order_by().values_list("language", flat=True).distinct()
    return {
        "meeting_count": Meeting.objects.count(),
        "speech_count": Speech.objects.canonical().count(),
        "vote_count": Vote.objects.count(),
        "first_date": span["first"],
        "last_date": span["last"],
        "languages": sorted(languages.name(code) for code in codes),
    }
