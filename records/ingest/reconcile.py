"""Language versions of one meeting: the first imported sets the meeting's facts, later ones are
compared with it (differences written on their Record) and lend their names of the members."""
from records import models
from records.ingest.lookups import fit
from records.models import Position


def fill_meeting(meeting, record, contract, lookups):
    """Meeting-level facts from the source version, and the seating rewritten whole."""
    meeting.date = contract.date
    meeting.scheduled = contract.scheduled
    meeting.opened = contract.opened
    meeting.closed = contract.closed
    meeting.place = contract.place or ""
    meeting.council_year = contract.council_year
    meeting.status = contract.status
    meeting.president_country = lookups.country(contract.president.country)
    if meeting.source_id is None:
        record.save()
        meeting.source = record
    meeting.save()
    # Every language version's speeches carry the meeting's date.
    models.Speech.objects.filter(record__meeting=meeting).exclude(date=meeting.date).update(date=meeting.date)
    # Nothing refers to a seat, so the seating is rewritten whole; other languages' names are kept.
    names = {seat.country_id: seat.names for seat in meeting.members.all()}
    meeting.members.all().delete()
    seats = [(contract.president, True)] + [(m, False) for m in contract.members]
    models.Member.objects.bulk_create(
        models.Member(meeting=meeting, country=lookups.country(seat.country),
                      representative=fit(seat.name, models.Member, "representative"),
                      is_president=is_president,
                      names={**names.get(seat.country, {}), contract.language: seat.name})
        for seat, is_president in seats
    )


def add_member_names(meeting, contract):
    """This version's spelling of each representative's name, beside the other languages'."""
    seats = {m.country_id: m for m in meeting.members.all()}
    changed = []
    for seat in (contract.president, *contract.members):
        stored = seats.get(seat.country)
        if stored is not None:
            stored.names = {**stored.names, contract.language: seat.name}
            changed.append(stored)
    models.Member.objects.bulk_update(changed, ["names"])


def compare(meeting, contract):
    """What this version says differently from the meeting as stored; nothing is overwritten."""
    source_language = meeting.source.language if meeting.source else "?"
    out = []

    def differ(what, here, there):
        if here != there:
            out.append(f"{what}: {here if here is not None else '-'} in this version, "
                       f"{there if there is not None else '-'} in the {source_language} version")

    differ("date", contract.date.isoformat(), meeting.date.isoformat())
    for name in ("scheduled", "opened", "closed"):
        differ(f"{name} time", _clock(getattr(contract, name)), _clock(getattr(meeting, name)))
    differ("council year", contract.council_year, meeting.council_year)
    differ("president", contract.president.country, meeting.president_country_id)
    differ("members", ", ".join(sorted(m.country for m in contract.members)),
           ", ".join(sorted(meeting.members.filter(is_president=False).values_list("country_id", flat=True))))
    if meeting.source is not None:
        differ("speeches", len(contract.speeches), meeting.source.speeches.count())
    votes = list(meeting.votes.prefetch_related("ballots").order_by("seq"))
    differ("votes", len(contract.votes), len(votes))
    for vote, stored in zip(contract.votes, votes):
        differ(f"vote {vote.seq} outcome", vote.outcome, stored.outcome)
        stored_positions = {position: [] for position in Position.values}
        for ballot in stored.ballots.all():
            stored_positions[ballot.position].append(ballot.country_id)
        differ(f"vote {vote.seq} ballots", ballot_text(vote.positions()), ballot_text(stored_positions))
    return out


def _clock(value):
    return value.strftime("%H:%M") if value else None


def ballot_text(positions):
    """{'in_favour': [...], ...} -> 'in favour: CHN, FRA; against: ; abstaining: RUS'."""
    return "; ".join(f"{Position(key).label}: {', '.join(sorted(positions[key]))}" for key in Position.values)
