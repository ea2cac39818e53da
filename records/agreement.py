"""Agreement between members: on how many of a set of votes each pair of States voted the same.

Counting rules (stated on the page too): a vote counts for a pair when both cast a ballot in it;
'the same' is the same position (in favour, against, abstaining); a State that did not vote, or
was not a member, is left out of that vote, not counted as disagreeing. Procedural votes (on
procedure and on the agenda) are counted unless left out on purpose.
"""
from dataclasses import dataclass

from django.db import connection

from records.models import Country


@dataclass(frozen=True)
class Pair:
    first: object  # Country
    second: object
    same: int
    both: int

    @property
    def share(self):
        return self.same / self.both if self.both else None

    @property
    def percent(self):
        return f"{100 * self.share:.0f}%" if self.both else "–"

    @property
    def level(self):
        """0 to 10: the heat map's shade."""
        return round(10 * self.share) if self.both else 0


def agreement(votes):
    """(members, {(iso3, iso3): Pair}, vote count) over a Vote queryset; one grouped query."""
    vote_ids = list(votes.values_list("pk", flat=True))
    if not vote_ids:
        return [], {}, 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.country_id, b.country_id, count(*) FILTER (WHERE a.position = b.position), count(*) "
            "FROM records_ballot a JOIN records_ballot b ON a.vote_id = b.vote_id AND a.country_id < b.country_id "
            "WHERE a.vote_id = ANY(%s) GROUP BY 1, 2", [vote_ids])
        rows = cursor.fetchall()
    codes = sorted({code for row in rows for code in row[:2]})
    countries = Country.objects.in_bulk(codes)
    members = sorted(countries.values(), key=lambda c: c.name_en)
    pairs = {}
    for first, second, same, both in rows:
        pair = Pair(countries[first], countries[second], same, both)
        pairs[(first, second)] = pairs[(second, first)] = pair
    return members, pairs, len(vote_ids)


def matrix(members, pairs):
    """Rows of (member, [Pair or None for each member]) for the heat map; None on the diagonal."""
    return [(row, [None if row.iso3 == column.iso3 else pairs.get((row.iso3, column.iso3)) for column in members])
            for row in members]


def ranked(pairs):
    """Each pair once, most in agreement first."""
    unique = {tuple(sorted(key)): pair for key, pair in pairs.items()}
    return sorted(unique.values(), key=lambda p: (-(p.share or 0), p.first.name_en, p.second.name_en))



def with_state(country, votes):
    """[Pair(country, other)] for each State that voted beside `country` in `votes`, most in agreement first."""
    subquery, params = votes.values("pk").query.sql_with_params()  # the filtered votes, kept in the database
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT b.country_id, count(*) FILTER (WHERE a.position = b.position), count(*) "
            "FROM records_ballot a JOIN records_ballot b ON a.vote_id = b.vote_id AND b.country_id <> a.country_id "
            f"WHERE a.country_id = %s AND a.vote_id IN ({subquery}) GROUP BY 1", [country.iso3, *params])
        rows = cursor.fetchall()
    others = Country.objects.in_bulk([row[0] for row in rows])
    pairs = [Pair(country, others[code], same, both) for code, same, both in rows]
    return sorted(pairs, key=lambda p: (-(p.share or 0), -p.both, p.second.name_en))
