"""Speakers of a record's turns: the parser decided who each one is (a key); here the key is
looked up, or created; a turn without one borrows the Speaker of the same turn in an aligned version."""
from records import models
from records.ingest.lookups import fit


def speakers_for(record, meeting, contract, lookups):
    """{seq: Speaker} for the record's turns: each named as this version prints it (its own script);
    a turn this version names nobody for takes the Speaker of the same turn in an aligned version.
    That the names of the versions are one person is the People's business (people.py)."""
    parallel = _parallel_speakers(meeting, record, contract)
    wanted = {turn.seq: turn.speaker for turn in contract.speeches if turn.speaker is not None}
    keys = {ref.key for ref in wanted.values()}
    known = {s.slug: s for s in models.Speaker.objects.filter(slug__in=keys)}
    missing = {ref.key: ref for ref in wanted.values() if ref.key not in known}
    if missing:
        models.Speaker.objects.bulk_create(
            [models.Speaker(slug=key, name=fit(ref.name, models.Speaker, "name"),
                            country=lookups.country(ref.country),
                            organization=fit(ref.organization, models.Speaker, "organization"))
             for key, ref in missing.items()],
            ignore_conflicts=True,  # another import may create the same speaker meanwhile
        )
        known.update({s.slug: s for s in models.Speaker.objects.filter(slug__in=list(missing))})
    found = {seq: known[ref.key] for seq, ref in wanted.items() if ref.key in known}
    return {**parallel, **found}


def _parallel_speakers(meeting, record, contract):
    """Speakers of the same turns in the meeting's other language versions, by seq.

    Only versions that align turn for turn (same number of turns, same role and State at each)
    lend their speakers: one turn more or less in a version would shift every link after it.
    """
    found = aligned_speaker_ids(meeting, record, [(turn.role, turn.country) for turn in contract.speeches])
    speakers = models.Speaker.objects.in_bulk(set(found.values()))
    return {seq: speakers[pk] for seq, pk in found.items()}


def aligned_speaker_ids(meeting, record, shape):
    """{seq: Speaker id} of the meeting's other versions whose turns have this shape ([(role, State)]),
    turn for turn: the same turns, in another language."""
    found = {}
    for other in meeting.records.exclude(pk=record.pk):
        rows = list(other.speeches.order_by("seq").values_list("seq", "role", "country_id", "speaker_id"))
        if [(role, country) for _, role, country, _ in rows] != shape:
            continue
        for seq, _, _, speaker_id in rows:
            if speaker_id:
                found.setdefault(seq, speaker_id)
    return found
