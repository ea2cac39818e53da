"""Votes of a meeting and each member's ballot in them."""
from django.db import models
from django.db.models import Exists, OuterRef, Q

from records.models.base import DatedQuerySet
from records.models.choices import Outcome, Position, Subject

VETOED = "vetoed"  # an outcome beside Outcome's: not adopted because a permanent member voted against


class VoteQuerySet(DatedQuerySet):
    date_field = "meeting__date"  # the date-range filters call between(), as for meetings and speeches

    def in_year(self, year):
        return self.filter(meeting__date__year=year)

    def in_meeting(self, number):
        return self.filter(meeting__number=number)

    def with_outcome(self, outcome):
        """Votes of an Outcome, or VETOED."""
        if outcome == VETOED:
            return self.filter(Exists(Ballot.objects.filter(vote=OuterRef("pk"), veto=True)))
        return self.filter(outcome=outcome)

    def on(self, subject):
        return self.filter(subject=subject)

    def adopting(self, number):
        return self.filter(resolution__number=number)

    def with_ballot(self, iso3, position=None):
        """Votes in which the State cast a ballot (of that position, if given)."""
        ballots = Ballot.objects.filter(vote=OuterRef("pk"), country_id=iso3.upper())
        if position:
            ballots = ballots.filter(position=position)
        return self.filter(Exists(ballots))

    def vetoed_by(self, iso3):
        return self.filter(Exists(Ballot.objects.filter(vote=OuterRef("pk"), country_id=iso3.upper(), veto=True)))

    def newest_first(self):
        return self.order_by("-meeting__date", "-meeting__number", "-meeting__resumption", "seq")

    def oldest_first(self):
        return self.order_by("meeting__date", "meeting__number", "meeting__resumption", "seq")

    def for_listing(self):
        return self.select_related("meeting", "resolution").prefetch_related(
            models.Prefetch("ballots", queryset=Ballot.objects.select_related("country").order_by("country__name_en")))


class Vote(models.Model):
    meeting = models.ForeignKey("records.Meeting", on_delete=models.CASCADE, related_name="votes")
    seq = models.PositiveSmallIntegerField()
    subject = models.CharField(max_length=20, choices=Subject.choices)
    draft = models.CharField(max_length=40, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    after_speech = models.PositiveIntegerField(null=True, blank=True, help_text="seq of the speech the vote follows")
    resolution = models.ForeignKey(
        "records.Resolution", null=True, blank=True, on_delete=models.SET_NULL, related_name="adopting_votes"
    )

    objects = VoteQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "seq"], name="vote_unique_meeting_seq"),
            models.CheckConstraint(condition=Q(subject__in=Subject.values), name="vote_subject_valid"),
            models.CheckConstraint(condition=Q(outcome__in=Outcome.values), name="vote_outcome_valid"),
        ]

    def __str__(self):
        return f"{self.meeting} vote {self.seq}"

    def tally(self):
        """Counts per position from the (prefetched) ballots."""
        counts = dict.fromkeys(Position.values, 0)
        for ballot in self.ballots.all():
            counts[ballot.position] += 1
        return counts

    @property
    def vetoes(self):
        return [b.country for b in self.ballots.all() if b.veto]

    def groups(self):
        """[(label, [ballots])] by position, in the order the records print them; empty ones left out."""
        by_position = {position: [] for position in Position.values}
        for ballot in self.ballots.all():
            by_position[ballot.position].append(ballot)
        return [(Position(p).label, ballots) for p, ballots in by_position.items() if ballots]

    @property
    def figures(self):
        """'11-0-4': in favour, against, abstaining."""
        counts = self.tally()
        return "-".join(str(counts[p]) for p in Position.values)

    @property
    def agenda_titles(self):
        """The first lines of the meeting's agenda items, in the version its facts come from."""
        source = self.meeting.source
        return [str(item) for item in source.agenda_items.all()] if source else []

    @property
    def anchor(self):
        return f"v{self.seq}"

    @property
    def list_anchor(self):
        """The vote's id on pages that list votes of several meetings."""
        return f"m{self.meeting_id}-{self.anchor}"

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#{self.anchor}"


class Ballot(models.Model):
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    country = models.ForeignKey("records.Country", on_delete=models.PROTECT, related_name="ballots")
    position = models.CharField(max_length=10, choices=Position.choices)
    veto = models.BooleanField(default=False)

    class Meta:
        ordering = ["vote", "country__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "country"], name="ballot_unique_vote_country"),
            models.CheckConstraint(condition=Q(position__in=Position.values), name="ballot_position_valid"),
            models.CheckConstraint(condition=Q(veto=False) | Q(position=Position.AGAINST),
                                   name="ballot_veto_is_against"),
        ]

    def __str__(self):
        return f"{self.country_id}: {self.get_position_display()}"
