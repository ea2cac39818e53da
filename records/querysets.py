"""Chainable query methods: the FilterSets and views call these, templates never filter.

    Meeting.objects.with_vote().for_country("CHN").citing(1540)
"""
from django.db import models
from django.db.models import Exists, OuterRef


class DatedQuerySet(models.QuerySet):
    """Meetings and speeches both carry a date (a speech has its meeting's)."""

    def between(self, start=None, end=None):
        qs = self
        if start:
            qs = qs.filter(date__gte=start)
        if end:
            qs = qs.filter(date__lte=end)
        return qs


class MeetingQuerySet(DatedQuerySet):
    def in_year(self, year):
        return self.filter(date__year=year)

    def for_country(self, iso3):
        """Meetings where the country sat at the table or spoke."""
        from records.models import Member, Speech

        iso3 = iso3.upper()
        seated = Member.objects.filter(meeting=OuterRef("pk"), country_id=iso3)
        spoke = Speech.objects.filter(record__meeting=OuterRef("pk"), country_id=iso3)
        return self.filter(Exists(seated) | Exists(spoke))

    def citing(self, number):
        """Meetings that cited resolution `number` or adopted it."""
        from records.models import ResolutionMention, Vote

        cited = ResolutionMention.objects.filter(record__meeting=OuterRef("pk"), resolution__number=number)
        adopted = Vote.objects.filter(meeting=OuterRef("pk"), resolution__number=number)
        return self.filter(Exists(cited) | Exists(adopted))

    def on_agenda(self, words):
        """Meetings whose agenda, in any language version, contains every one of the words."""
        from records.models import AgendaItem

        qs = self
        for word in words.split():
            qs = qs.filter(Exists(AgendaItem.objects.filter(record__meeting=OuterRef("pk"), text__icontains=word)))
        return qs

    def in_language(self, language):
        from records.models import Record

        return self.filter(Exists(Record.objects.filter(meeting=OuterRef("pk"), language=language)))

    def with_vote(self, outcome=None):
        """Meetings with a vote; outcome narrows to 'adopted', 'not adopted' or 'vetoed'."""
        from records.models import Ballot, Vote

        if outcome == "vetoed":
            return self.filter(Exists(Ballot.objects.filter(vote__meeting=OuterRef("pk"), veto=True)))
        votes = Vote.objects.filter(meeting=OuterRef("pk"))
        if outcome:
            votes = votes.filter(outcome=outcome)
        return self.filter(Exists(votes))

    def newest_first(self):
        return self.order_by("-date", "-number", "-resumption")

    def oldest_first(self):
        return self.order_by("date", "number", "resumption")

    def for_listing(self):
        """What a list of meetings shows per row, fetched in a fixed number of queries."""
        from records.models import AgendaItem, Record

        return self.select_related("president_country").prefetch_related(
            models.Prefetch("records", queryset=Record.objects.only("id", "meeting_id", "language")),
            models.Prefetch("records__agenda_items", queryset=AgendaItem.objects.order_by("position")),
        ).annotate(vote_count=models.Count("votes", distinct=True))


class SpeechQuerySet(DatedQuerySet):
    def by_country(self, iso3):
        return self.filter(country_id=iso3.upper())

    def citing(self, number):
        return self.filter(resolution_mentions__resolution__number=number).distinct()

    def in_meeting(self, number):
        return self.filter(record__meeting__number=number)

    def canonical(self):
        """One version of each turn: the one from the meeting's first imported record."""
        return self.filter(record=models.F("record__meeting__source"))

    def with_context(self):
        return self.select_related("record__meeting", "country", "speaker")

    def newest_first(self):
        # Within one day, later meetings (higher ids) first; within one meeting, turns in order.
        return self.order_by("-date", "-record_id", "seq")
