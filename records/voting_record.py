"""A State's voting record: its ballots counted per year and position, its vetoes with what it said."""
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractYear

from records import agreement, explanations
from records.models import Ballot, Vote
from records.models.choices import Position


@dataclass
class Year:
    year: int
    counts: dict = field(default_factory=lambda: dict.fromkeys(Position.values, 0))
    vetoes: int = 0

    @property
    def total(self):
        return sum(self.counts.values())

    def cells(self):
        """[(position, count)] in the order the records print them."""
        return [(position, self.counts[position]) for position in Position.values]


def by_year(country):
    """[Year], newest first: one grouped query over the State's ballots."""
    rows = (Ballot.objects.filter(country=country).order_by()
            .values_list(ExtractYear("vote__meeting__date"), "position", "veto").annotate(n=Count("pk")))
    years = {}
    for year, position, veto, n in rows:
        entry = years.setdefault(year, Year(year))
        entry.counts[position] += n
        entry.vetoes += n if veto else 0
    return sorted(years.values(), key=lambda y: -y.year)


def totals(years):
    """The whole record's counts, as one Year without a year."""
    whole = Year(None)
    for year in years:
        for position, n in year.counts.items():
            whole.counts[position] += n
        whole.vetoes += year.vetoes
    return whole


VETOES_SHOWN = 20  # the latest; /votes/?vetoed_by=ISO3 lists them all


def vetoes(country):
    """The latest votes the State vetoed, each with .explanations and .given (its own explanations)."""
    votes = explanations.attach(Vote.objects.vetoed_by(country.iso3).newest_first().for_listing()[:VETOES_SHOWN])
    for vote in votes:
        vote.given = vote.explanations.by(country.iso3)
    return votes


def agreement_with_others(country):
    """How often each other State voted as this one, over every vote both cast a ballot in."""
    return agreement.with_state(country, Vote.objects.with_ballot(country.iso3))
