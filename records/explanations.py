"""Explanations of vote: which turns of a meeting explain its votes.

The records do not mark them, but the Council's practice does: the President gives the floor to
members "who wish to make statements before the vote", puts the draft to the vote, then to those
"who wish to make statements after the vote". So, counted here (and stated on the pages):

- votes taken one after another, with no member speaking between them, are one round of voting;
- a member's turn (a State at the table, or the President speaking in national capacity) is an
  explanation of every vote of a round: *before* it if it comes before the meeting's first round,
  *after* it if it comes after the round and before the next one.

Invited States and briefers do not vote, so their turns explain nothing.
"""
from dataclasses import dataclass, field

from records.models.choices import Role

RULE = ("A turn is an explanation of vote when a member of the Council (or the President, speaking in "
        "national capacity) gives it between the votes: before the meeting's first round of voting, or after "
        "a round and before the next. Votes taken one after another with no member speaking between them "
        "are one round.")


@dataclass
class Explanations:
    before: list = field(default_factory=list)
    after: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.before or self.after)

    def sides(self):
        """[("before the vote", turns), ("after the vote", turns)], for the pages."""
        return [("before the vote", self.before), ("after the vote", self.after)]

    def by(self, iso3):
        """This State's explanations, before and after."""
        return [s for s in (*self.before, *self.after) if s.country_id == iso3]


def explains(speech):
    return speech.role == Role.MEMBER or (speech.role == Role.PRESIDENT and speech.national_capacity)


def rounds(votes, speeches):
    """The votes grouped into rounds: lists of votes with no member's turn between them."""
    members_at = sorted(s.seq for s in speeches if explains(s))
    grouped = []
    for vote in sorted(votes, key=lambda v: (v.after_speech or 0, v.seq)):
        previous = grouped[-1][-1] if grouped else None
        if previous and not any((previous.after_speech or 0) < seq <= (vote.after_speech or 0) for seq in members_at):
            grouped[-1].append(vote)
        else:
            grouped.append([vote])
    return grouped


def explanations(votes, speeches):
    """{vote seq: Explanations} for one meeting's votes and one language version's turns."""
    speeches = sorted(speeches, key=lambda s: s.seq)
    found = {vote.seq: Explanations() for vote in votes}
    grouped = rounds(votes, speeches)
    for index, group in enumerate(grouped):
        start = group[-1].after_speech or 0
        end = (grouped[index + 1][0].after_speech or 0) if index + 1 < len(grouped) else None
        after = [s for s in speeches if explains(s) and s.seq > start and (end is None or s.seq <= end)]
        before = [s for s in speeches if explains(s) and s.seq <= (group[0].after_speech or 0)] if index == 0 else []
        for vote in group:
            found[vote.seq] = Explanations(before=before, after=after)
    return found


def attach(votes, speeches=None):
    """Set vote.explanations on each vote; their meetings' turns read in one query unless given.

    `speeches`: one language version's turns of a single meeting (the meeting page); otherwise each
    meeting's canonical version is read, with the speakers' States, for links on lists.
    """
    from records.models import Speech  # the rule above needs no models; only fetching does

    votes = list(votes)
    if speeches is None:
        speeches = (Speech.objects.canonical().filter(record__meeting__in={v.meeting_id for v in votes})
                    .filter(role__in=[Role.MEMBER, Role.PRESIDENT]).select_related("country", "record__meeting")
                    .defer("text", "search_vector", "record__contract"))
    by_meeting = {}
    for speech in speeches:
        by_meeting.setdefault(speech.record.meeting_id, []).append(speech)
    for meeting, turns in by_meeting.items():
        meeting_votes = [v for v in votes if v.meeting_id == meeting]
        found = explanations(meeting_votes, turns)
        for vote in meeting_votes:
            vote.explanations = found[vote.seq]
    for vote in votes:
        if not hasattr(vote, "explanations"):
            vote.explanations = Explanations()
    return votes
