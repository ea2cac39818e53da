from django.core.cache import cache
from django.db.models import Max, Min
from django.shortcuts import render

from records import languages
from records.models import Meeting, Record, Speech, Vote

STATS_SECONDS = 300  # the holdings change with imports only; counting them on every visit is waste


def home(request):
    return render(request, "records/home.html", {
        **cache.get_or_set("home-stats", holdings, STATS_SECONDS),
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
