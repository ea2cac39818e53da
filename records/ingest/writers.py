"""The rows derived from a contract: the record's own fields and file, agenda, speeches, votes
with their ballots, and citations. Each replaces what an earlier version wrote, in place where
rows are linked to (speeches keep their row and seq, so permalinks survive)."""
from django.utils import timezone

from records import models
from records.ingest import versions
from records.ingest.lookups import fit
from records.parsing import PARSER_VERSION

SPEECH_FIELDS = ["label", "name", "country", "organization", "role", "national_capacity", "spoken_language",
                 "text", "page", "date", "speaker"]


def fill_record(record, contract, file_name, digest, size, source_name):
    """The record's provenance and its current file (kept by its version, see versions.py)."""
    record.filename = versions.display_name(source_name)
    record.sha256 = digest
    record.size = size
    record.job_number = contract.job_number or ""
    record.status = contract.status
    record.pages = contract.pages
    record.ocr = contract.ocr_confidence is not None
    record.ocr_confidence = contract.ocr_confidence
    record.parser_version = PARSER_VERSION
    record.imported_at = timezone.now()
    record.contract = contract.document
    record.file = file_name  # empty where the record was sent as a contract document, without a file


def save_agenda(record, contract):
    record.agenda_items.all().delete()
    models.AgendaItem.objects.bulk_create(
        models.AgendaItem(record=record, position=i, text=text) for i, text in enumerate(contract.agenda, 1)
    )


def save_speeches(record, meeting, contract, lookups, speakers):
    """Update speeches in place by seq, so a speech keeps its row (and its links) across versions."""
    existing = {s.seq: s for s in record.speeches.all()}
    saved, to_create, to_update = {}, [], []
    for turn in contract.speeches:
        speech = existing.pop(turn.seq, None) or models.Speech(record=record, seq=turn.seq)
        speech.label = turn.label
        speech.name = fit(turn.name, models.Speech, "name")
        speech.country = lookups.country(turn.country)
        speech.organization = fit(turn.organization, models.Speech, "organization")
        speech.role = turn.role
        speech.national_capacity = turn.national_capacity
        speech.spoken_language = turn.spoken_language
        speech.text = turn.text
        speech.page = turn.page
        speech.date = meeting.date
        speech.speaker = speakers.get(turn.seq)
        (to_update if speech.pk else to_create).append(speech)
        saved[turn.seq] = speech
    if existing:
        models.Speech.objects.filter(pk__in=[s.pk for s in existing.values()]).delete()
    models.Speech.objects.bulk_update(to_update, SPEECH_FIELDS)
    models.Speech.objects.bulk_create(to_create)
    return saved


def save_votes(meeting, contract, lookups):
    existing = {v.seq: v for v in meeting.votes.all()}
    for parsed in contract.votes:
        vote = existing.pop(parsed.seq, None) or models.Vote(meeting=meeting, seq=parsed.seq)
        vote.subject = parsed.subject
        vote.draft = fit(parsed.draft, models.Vote, "draft")
        vote.outcome = parsed.outcome
        vote.after_speech = parsed.after_speech
        vote.resolution = lookups.resolution(parsed.resolution)
        vote.save()
        vote.ballots.all().delete()
        models.Ballot.objects.bulk_create(
            models.Ballot(vote=vote, country=lookups.country(code), position=position,
                          veto=code in parsed.vetoed_by)
            for position, codes in parsed.positions().items()
            for code in codes
        )
    for stale in existing.values():
        stale.delete()


def save_mentions(record, contract, speeches, lookups):
    """Citations in each speech; those outside the turns (agenda, headings) belong to the record."""
    record.resolution_mentions.all().delete()
    record.document_mentions.all().delete()
    resolutions, documents = {}, {}  # (speech seq or None, resolution id or symbol) -> row
    for turn in contract.speeches:
        speech = speeches[turn.seq]
        for ref in turn.resolutions_cited:
            resolution = lookups.resolution(ref)
            resolutions.setdefault((turn.seq, resolution.pk), models.ResolutionMention(
                record=record, speech=speech, resolution=resolution))
        for symbol in _symbols(turn.documents_cited):
            documents.setdefault((turn.seq, symbol), models.DocumentMention(
                record=record, speech=speech, symbol=symbol))
    cited_in_turns = {pk for _, pk in resolutions}
    for ref in contract.resolutions_cited:
        resolution = lookups.resolution(ref)
        if resolution.pk not in cited_in_turns:
            resolutions.setdefault((None, resolution.pk), models.ResolutionMention(
                record=record, resolution=resolution))
    named_in_turns = {symbol for _, symbol in documents}
    for symbol in _symbols(contract.documents_cited):
        if symbol not in named_in_turns:
            documents.setdefault((None, symbol), models.DocumentMention(record=record, symbol=symbol))
    models.ResolutionMention.objects.bulk_create(resolutions.values())
    models.DocumentMention.objects.bulk_create(documents.values())


def _symbols(symbols):
    return dict.fromkeys(fit(s, models.DocumentMention, "symbol") for s in symbols)
