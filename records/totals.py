"""The archive's totals for the home page and each State's counts for /countries/: counts over every
speech, kept per import (records/figures.py) instead of counted on every request."""
from django.db.models import Count, Max, Min

from records import figures, languages
from records.models import Meeting, Member, Record, Speech, Vote

HOLDINGS, STATES = "holdings", "states"


def _holdings():
    span = Meeting.objects.aggregate(first=Min("date"), last=Max("date"))
    codes = Record.objects.order_by().values_list("language", flat=True).distinct()
    return {
        "meeting_count": Meeting.objects.count(),
        "speech_count": Speech.objects.canonical().count(),
        "vote_count": Vote.objects.count(),
        "first_date": span["first"].isoformat() if span["first"] else None,
        "last_date": span["last"].isoformat() if span["last"] else None,
        "languages": sorted(languages.name(code) for code in codes),
    }


def _counts_by_country(queryset):
    return dict(queryset.order_by().values_list("country").annotate(n=Count("pk")))


def _states():
    """{ISO3: [speeches (each turn once, not the chair's), meetings seated]}."""
    speeches = _counts_by_country(Speech.objects.canonical().for_states())
    seats = _counts_by_country(Member.objects.all())
    return {code: [speeches.get(code, 0), seats.get(code, 0)] for code in set(speeches) | set(seats)}


figures.register(HOLDINGS, _holdings)
figures.register(STATES, _states)


def holdings():
    return figures.kept(HOLDINGS)


def states():
    return figures.kept(STATES)
