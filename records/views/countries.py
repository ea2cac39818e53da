"""States: the list, and one State's speeches, ballots, vetoes and Council terms."""
import json
from functools import lru_cache
from pathlib import Path

from django.shortcuts import redirect, render

from records.filters import SpeechFilter
from records.models import Ballot, Country, Member, Speech
from records.parsing.countries import PERMANENT_MEMBERS, former_names
from records import exports as tables, totals, voting_record
from records.models.choices import Position
from records.throttle import throttled
from records.views import exports
from records.views.caching import changes_on_import
from records.views.common import apply_filters, get_or_404, paginate

TERMS = Path(__file__).resolve().parent.parent / "data" / "council_terms.json"
BALLOTS_SHOWN = 100  # the latest; every meeting's page has them all


@lru_cache(maxsize=1)
def council_terms():
    """{ISO3: [terms]}, and a note naming the source and the years it covers."""
    data = json.loads(TERMS.read_text(encoding="utf-8"))
    by_country = {}
    for term in data["terms"]:
        by_country.setdefault(term["country"], []).append(term)
    # The years the data covers whole: those with all fifteen seats (a term that began before them,
    # or ends after, is still shown as the data gives it).
    seats = {}
    for term in data["terms"]:
        for year in range(term["start"], term["end"] + 1):
            seats[year] = seats.get(year, 0) + 1
    whole = [year for year, count in seats.items() if count >= 15]
    return by_country, {"source": data["source"], "first": min(whole), "last": max(whole)}


@throttled("export", applies=exports.wanted)
@changes_on_import
def country_list(request):
    counts = totals.states()  # kept per import: two counts over every speech and seat
    countries = list(Country.objects.order_by("name_en"))
    for country in countries:
        country.speech_count, country.meeting_count = counts.get(country.iso3, (0, 0))
    export = exports.wanted(request)
    if export:
        return exports.respond(request, tables.COUNTRIES, countries, export, extra=lambda c: {
            "speeches": c.speech_count, "meetings_seated": c.meeting_count},
            columns=[*tables.COUNTRIES.columns, "speeches", "meetings_seated"])
    return render(request, "records/country_list.html", {"countries": countries})


@throttled("export", applies=exports.wanted)
@changes_on_import
def country_detail(request, iso3):
    if iso3 != iso3.upper():
        return redirect("records:country", iso3=iso3.upper(), permanent=True)
    country = get_or_404(Country.objects, f"There is no State with the code {iso3} in the archive.", iso3=iso3)
    base = Speech.objects.canonical().by_country(country.iso3).with_context().newest_first()
    filtered = apply_filters(request, SpeechFilter, base)
    export = exports.wanted(request)
    if export and filtered.valid:
        return exports.respond(request, tables.SPEECHES, filtered.qs, export, filename=f"speeches-{country.iso3}")
    ballots = _ballots(country)
    years = voting_record.by_year(country)
    terms, source = council_terms()
    seated_years = sorted(set(Member.objects.filter(country=country).values_list("meeting__date__year", flat=True)))
    return render(request, "records/country_detail.html", {
        **filtered.context(),
        "country": country,
        "page": paginate(request, filtered.qs),
        "ballots": ballots[:BALLOTS_SHOWN],
        "ballot_years": years,
        "ballot_totals": voting_record.totals(years),
        "ballots_shown": BALLOTS_SHOWN,
        "vetoes": voting_record.vetoes(country),
        "agreement": voting_record.agreement_with_others(country),
        "positions": Position.choices,
        "terms": [t for t in terms.get(country.iso3, []) if t["seat"] == "elected"],
        "permanent": country.iso3 in PERMANENT_MEMBERS,
        "terms_source": source,  # {source, first, last}
        "seated_years": seated_years,
        "successors": list(country.successors.all()), "predecessors": list(country.predecessors.all()),
        "former_names": former_names(country.iso3),
    }, status=filtered.status)


def _ballots(country):
    return (Ballot.objects.filter(country=country).select_related("vote__meeting", "vote__resolution")
            .order_by("-vote__meeting__date", "-vote__meeting__number", "vote__seq"))


@throttled("export")
@changes_on_import
def country_ballots(request, iso3):
    """Every ballot of a State, one row per vote: ?format=csv (the default) or json."""
    country = get_or_404(Country.objects, f"There is no State with the code {iso3.upper()} in the archive.",
                         iso3=iso3.upper())
    return exports.respond(request, tables.BALLOTS, _ballots(country), exports.wanted(request) or "csv",
                           filename=f"ballots-{country.iso3}")
