"""The figures of /statistics/: counts per year, computed once per import and summed per period.

Every figure the page shows is a count per year (and per role, language, outcome, State, speaker
or agenda topic). They are read in a handful of grouped queries and kept in the cache under the
archive's version (the latest import), so a period is a sum over a few thousand kept rows, never
another pass over a million speeches. A new import changes the version and so the figures, in
every worker at once.
"""
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, F, Func, TextField, Value
from django.db.models.functions import ExtractYear

from records import figures as derived, languages
from records.models import AgendaItem, Ballot, Country, Meeting, Speaker, Speech, Vote
from records.models.choices import Outcome, Role
from records.parsing.countries import PERMANENT_MEMBERS

TOP = 15  # rows of the rankings
VETOED = "vetoed"
FIGURES = "statistics"


def yearly(version):
    """{name: {(year, key): count}} for the whole archive, computed once per archive version."""
    return derived.kept(FIGURES, version)


def _encode(counts):
    return {name: [[year, key, n] for (year, key), n in rows.items()] for name, rows in counts.items()}


def _decode(data):
    return {name: {(year, key): n for year, key, n in rows} for name, rows in data.items()}


def _grouped(queryset, year_field, key_field):
    rows = queryset.order_by().values_list(ExtractYear(year_field), key_field).annotate(n=Count("pk"))
    return {(year, key): n for year, key, n in rows}


def _count_everything():
    speeches = Speech.objects.canonical()  # each turn once, whatever its number of language versions
    meetings = Meeting.objects.order_by().values_list(ExtractYear("date")).annotate(n=Count("pk"))
    first_lines = AgendaItem.objects.filter(record=F("record__meeting__source")).annotate(
        topic=Func(F("text"), Value("\n"), Value(1), function="split_part", output_field=TextField()))
    return {
        "meetings": {(year, None): n for year, n in meetings},
        "roles": _grouped(speeches, "date", "role"),
        "languages": _grouped(speeches, "date", "spoken_language"),
        "outcomes": _outcomes(),
        "vetoes": _grouped(Ballot.objects.filter(veto=True), "vote__meeting__date", "country_id"),
        "states": _grouped(speeches.for_states(), "date", "country_id"),
        "speakers": _grouped(speeches.filter(speaker__isnull=False), "date", "speaker_id"),
        "topics": {(year, topic.strip()): n for year, topic, n in first_lines.order_by().values_list(
            ExtractYear("record__meeting__date"), "topic").annotate(n=Count("record__meeting", distinct=True))},
    }


def _outcomes():
    """{(year, outcome)}: adopted, not adopted, and vetoed apart from the other drafts not adopted."""
    counts = _grouped(Vote.objects.all(), "meeting__date", "outcome")
    vetoed = Vote.objects.with_outcome(VETOED).order_by().values_list(ExtractYear("meeting__date")).annotate(
        n=Count("pk"))
    for year, n in vetoed:
        counts[(year, VETOED)] = n
        counts[(year, Outcome.NOT_ADOPTED.value)] -= n
    return counts


derived.register(FIGURES, lambda: _count_everything(), _encode, _decode)
current_version = derived.current_version


@dataclass
class Series:
    """One chart's data: a label per column (years, or ranked names) and one row of values per series."""

    title: str
    columns: list
    rows: list  # [(series label, [values])]
    unit: str

    @property
    def empty(self):
        return not any(any(values) for _, values in self.rows)

    def table(self):
        """[(column, [value per series])]: the chart's data table, a row per column."""
        return [(column, [values[i] for _, values in self.rows]) for i, column in enumerate(self.columns)]


def _years(counts, first, last):
    years = sorted({year for year, _ in counts if first <= year <= last})
    return list(range(years[0], years[-1] + 1)) if years else []


def per_year(title, counts, keys, labels, first, last, unit):
    """A Series with a column per year of the period and a row per key."""
    years = _years(counts, first, last)
    rows = [(labels.get(key, key), [counts.get((year, key), 0) for year in years]) for key in keys]
    return Series(title, years, [(label, values) for label, values in rows if any(values)], unit)


def ranked(title, counts, first, last, names, unit, top=TOP):
    """A Series of the `top` keys over the period, most first."""
    totals = Counter()
    for (year, key), n in counts.items():
        if first <= year <= last:
            totals[key] += n
    best = totals.most_common(top)
    shown = names([key for key, _ in best])
    return Series(title, [shown.get(key, str(key)) for key, _ in best], [(unit, [n for _, n in best])], unit)


def figures(version, first, last):
    """The page's Series for the years first..last."""
    counts = yearly(version)
    roles = {r.value: r.label for r in Role}
    outcomes = {**{o.value: o.label for o in Outcome}, VETOED: "vetoed"}
    return {
        "meetings": per_year("Meetings per year", counts["meetings"], [None], {None: "meetings"}, first, last,
                             "meetings"),
        "roles": per_year("Speeches per year, by the speaker's role", counts["roles"], Role.values, roles, first,
                          last, "speeches"),
        "languages": ranked("The languages spoken", counts["languages"], first, last,
                            lambda codes: {c: languages.name(c) for c in codes}, "speeches"),
        "outcomes": per_year("Votes per year, by outcome", counts["outcomes"], [*Outcome.values, VETOED], outcomes,
                             first, last, "votes"),
        "vetoes": per_year("Vetoes per permanent member", counts["vetoes"], sorted(PERMANENT_MEMBERS),
                           _country_names(PERMANENT_MEMBERS), first, last, "vetoes"),
        "states": ranked("The States that spoke most", counts["states"], first, last, _country_names, "speeches"),
        "speakers": ranked("The most active speakers", counts["speakers"], first, last, _speaker_names, "speeches"),
        "topics": ranked("The agenda topics with most meetings", counts["topics"], first, last,
                         lambda topics: {t: t for t in topics}, "meetings"),
    }


def span(version):
    """(first year, last year) of the archive's meetings, or None when it is empty."""
    years = [year for year, _ in yearly(version)["meetings"]]
    return (min(years), max(years)) if years else None


def _country_names(codes):
    return dict(Country.objects.filter(iso3__in=list(codes)).values_list("iso3", "name_en"))


def _speaker_names(ids):
    return {s.pk: str(s) for s in Speaker.objects.filter(pk__in=ids)}
