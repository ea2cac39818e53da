"""Import a record file into the archive: one function, one transaction, idempotent.

    import_record(path_or_file, source_name="S_PV.8700_E.pdf") -> ImportResult

Every entry point (the admin upload, the admin's re-parse action, the
import_records and load_sample commands) calls import_record. It reads the
file (refusing it above the size limit before parsing), parses it, and saves
the parse in one transaction: a failure anywhere leaves the database as it was.

- The same bytes twice (same SHA-256) is a no-op: "already imported".
- A new version of a language version already stored (same meeting and
  language, other bytes) replaces its speeches, votes and mentions in place,
  keeping each speech's row and seq, so permalinks survive.
- Another language of a meeting attaches to the same Meeting. Meeting-level
  facts come from the first version imported; where a later one disagrees, the
  import succeeds and the difference is written on the new Record.
"""
import datetime
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from records import models, search
from records.parsing import PARSER_VERSION, ParseError, parse_bytes
from records.parsing.labels import name_key, strip_honorific
from records.parsing.lexicon import get as lexicon_for

logger = logging.getLogger(__name__)
IMPORTED, REPLACED, UNCHANGED, FAILED = "imported", "replaced", "unchanged", "failed"
LOCK_NAMESPACE = 958901  # first key of the advisory lock that serialises imports of one meeting


class ImportRejected(Exception):
    """The file cannot be imported; the message says why, for the person who uploaded it."""


@dataclass
class ImportResult:
    status: str
    source_name: str
    message: str = ""
    record: object = None
    discrepancies: list = field(default_factory=list)

    @property
    def meeting(self):
        return self.record.meeting if self.record is not None else None

    @property
    def ok(self):
        return self.status != FAILED


def import_record(source, *, source_name=None, parsed=None, force=False, max_bytes=None):
    """Import one record file (a path, a file object or bytes). Never raises for bad input."""
    name = source_name or _name_of(source)
    try:
        data = read_source(source, max_bytes=max_bytes)
        digest = hashlib.sha256(data).hexdigest()
        existing = models.Record.objects.filter(sha256=digest).select_related("meeting").first()
        if existing is not None and not force:
            return ImportResult(UNCHANGED, name, "already imported", record=existing)
        if parsed is None:
            parsed = parse_source(data)
        return save_parsed(parsed, data, digest, name, force=force)
    except ImportRejected as exc:
        return ImportResult(FAILED, name, str(exc))
    except DatabaseError as exc:
        logger.exception("import of %s failed in the database", name)
        return ImportResult(FAILED, name, f"the record could not be saved ({type(exc).__name__}); nothing was changed")


def read_source(source, max_bytes=None):
    """The file's bytes, refusing anything above the size limit before reading it whole."""
    limit = max_bytes or settings.RECORD_UPLOAD_MAX_BYTES
    size = _size_of(source)
    if size is not None and size > limit:
        raise ImportRejected(f"the file is {_megabytes(size)}, larger than the {_megabytes(limit)} limit")
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
    elif isinstance(source, (str, Path)):
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise ImportRejected(f"cannot read the file ({exc.strerror or exc})") from None
    else:
        source.seek(0)
        data = source.read(limit + 1)
    if len(data) > limit:
        raise ImportRejected(f"the file is larger than the {_megabytes(limit)} limit")
    return data


def parse_source(data):
    """Parse bytes into the parser's Record, or ImportRejected saying what is wrong."""
    try:
        parsed = parse_bytes(data)
    except ParseError as exc:
        raise ImportRejected(str(exc)) from None
    if not parsed.speeches:
        raise ImportRejected("no speaker turns found: the text may be damaged or not a complete record")
    return parsed


def save_parsed(parsed, data, digest, source_name, force=False):
    written = []  # files stored during the transaction, removed again if it fails
    try:
        with transaction.atomic():
            _lock_meeting(parsed.meeting, parsed.resumption)
            # Re-check under the lock: another process may have imported these bytes meanwhile.
            existing = models.Record.objects.filter(sha256=digest).select_related("meeting").first()
            if existing is not None and not force:
                return ImportResult(UNCHANGED, source_name, "already imported", record=existing)
            return _Saver(parsed, data, digest, source_name, written).save()
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise


def _lock_meeting(number, resumption):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, number * 100 + (resumption or 0)])


class _Saver:
    """Writes one parsed record; used inside save_parsed's transaction only."""

    def __init__(self, parsed, data, digest, source_name, written):
        self.written = written
        self.parsed = parsed
        self.data = data
        self.digest = digest
        self.source_name = source_name
        self.lexicon = lexicon_for(parsed.language)
        self.countries = {}
        self.resolutions = None

    def save(self):
        parsed = self.parsed
        meeting, created = models.Meeting.objects.get_or_create(
            number=parsed.meeting, resumption=parsed.resumption,
            defaults={"date": datetime.date.fromisoformat(parsed.date), "status": parsed.status},
        )
        record = models.Record.objects.filter(meeting=meeting, language=parsed.language).first()
        status = REPLACED if record is not None else IMPORTED
        if record is None:
            record = models.Record(meeting=meeting, language=parsed.language)
        self._fill_record(record)
        is_source = created or meeting.source_id in (None, record.id)
        if is_source:
            self._fill_meeting(meeting, record)
            discrepancies = []
        else:
            discrepancies = self._compare(meeting)
            self._add_member_names(meeting)
        record.discrepancies = discrepancies
        record.save()
        self._save_agenda(record)
        speeches = self._save_speeches(record, meeting)
        search.index_record(record)
        if is_source:
            self._save_votes(meeting, speeches)
        self._save_mentions(record, speeches)
        message = {IMPORTED: "imported", REPLACED: "replaced the earlier version"}[status]
        if discrepancies:
            message += f"; differs from the meeting as first imported in {len(discrepancies)} ways"
        return ImportResult(status, self.source_name, message, record=record, discrepancies=discrepancies)

    # The record and its file.

    def _fill_record(self, record):
        parsed = self.parsed
        old_file = record.file.name if record.pk else None
        record.filename = Path(self.source_name).name[:255]
        record.sha256 = self.digest
        record.size = len(self.data)
        record.job_number = parsed.job_number or ""
        record.status = parsed.status
        record.pages = parsed.pages
        record.parser_version = PARSER_VERSION
        record.imported_at = timezone.now()
        if old_file is None or not old_file.endswith(f"/{self.digest}/{record.filename}"):
            # Stored by checksum, so earlier versions' files stay as they were.
            record.file.save(record.filename, ContentFile(self.data), save=False)
            self.written.append((record.file.storage, record.file.name))

    # Meeting-level facts, from the source version.

    def _fill_meeting(self, meeting, record):
        parsed = self.parsed
        meeting.date = datetime.date.fromisoformat(parsed.date)
        meeting.scheduled = parsed.scheduled
        meeting.opened = parsed.opened
        meeting.closed = parsed.closed
        meeting.place = parsed.place or ""
        meeting.council_year = parsed.council_year
        meeting.status = parsed.status
        meeting.president_country = self._country(parsed.president.country)
        if meeting.source_id is None:
            record.save()
            meeting.source = record
        meeting.save()
        # Every language version's speeches carry the meeting's date.
        models.Speech.objects.filter(record__meeting=meeting).exclude(date=meeting.date).update(date=meeting.date)
        # Nothing refers to a seat, so the seating is rewritten whole; other languages' names are kept.
        names = {seat.country_id: seat.names for seat in meeting.members.all()}
        meeting.members.all().delete()
        seats = [(parsed.president, True)] + [(m, False) for m in parsed.members]
        models.Member.objects.bulk_create(
            models.Member(meeting=meeting, country=self._country(member.country),
                          representative=_fit(member.name, "representative", models.Member),
                          is_president=is_president,
                          names={**names.get(member.country, {}), parsed.language: member.name})
            for member, is_president in seats
        )

    def _add_member_names(self, meeting):
        parsed = self.parsed
        seats = {m.country_id: m for m in meeting.members.all()}
        changed = []
        for member in [parsed.president] + list(parsed.members):
            seat = seats.get(member.country)
            if seat is not None:
                seat.names = {**seat.names, parsed.language: member.name}
                changed.append(seat)
        models.Member.objects.bulk_update(changed, ["names"])

    def _compare(self, meeting):
        """What this version says differently from the meeting as stored; nothing is overwritten."""
        parsed = self.parsed
        source_language = meeting.source.language if meeting.source else "?"
        out = []

        def differ(what, here, there):
            if here != there:
                out.append(f"{what}: {here if here is not None else '-'} in this version, "
                           f"{there if there is not None else '-'} in the {source_language} version")

        differ("date", parsed.date, meeting.date.isoformat())
        for name in ("scheduled", "opened", "closed"):
            stored = getattr(meeting, name)
            differ(f"{name} time", getattr(parsed, name), stored.strftime("%H:%M") if stored else None)
        differ("council year", parsed.council_year, meeting.council_year)
        differ("president", parsed.president.country, meeting.president_country_id)
        differ("members", ", ".join(sorted(m.country for m in parsed.members)),
               ", ".join(sorted(meeting.members.filter(is_president=False).values_list("country_id", flat=True))))
        if meeting.source is not None:
            differ("speeches", len(parsed.speeches), meeting.source.speeches.count())
        votes = list(meeting.votes.prefetch_related("ballots").order_by("seq"))
        differ("votes", len(parsed.votes), len(votes))
        for vote, stored in zip(parsed.votes, votes):
            differ(f"vote {vote.seq} outcome", vote.outcome, stored.outcome)
            stored_positions = {"in_favour": [], "against": [], "abstaining": []}
            for ballot in stored.ballots.all():
                stored_positions[ballot.position].append(ballot.country_id)
            parsed_positions = {"in_favour": vote.in_favour, "against": vote.against, "abstaining": vote.abstaining}
            differ(f"vote {vote.seq} ballots", _ballot_text(parsed_positions), _ballot_text(stored_positions))
        return out

    # Agenda, speeches, votes, mentions.

    def _save_agenda(self, record):
        record.agenda_items.all().delete()
        models.AgendaItem.objects.bulk_create(
            models.AgendaItem(record=record, position=i, text=text) for i, text in enumerate(self.parsed.agenda, 1)
        )

    def _save_speeches(self, record, meeting):
        """Update speeches in place by seq, so a speech keeps its row (and its links) across versions."""
        existing = {s.seq: s for s in record.speeches.all()}
        parallel = self._parallel_speakers(meeting, record)
        speakers = self._speakers([p for p in self.parsed.speeches if p.seq not in parallel])
        saved, to_create, to_update = {}, [], []
        for parsed in self.parsed.speeches:
            speech = existing.pop(parsed.seq, None) or models.Speech(record=record, seq=parsed.seq)
            speech.label = parsed.label
            speech.name = _fit(parsed.name, "name")
            speech.country = self._country(parsed.country)
            speech.organization = _fit(parsed.organization, "organization")
            speech.role = parsed.role
            speech.national_capacity = parsed.national_capacity
            speech.spoken_language = parsed.spoken_language
            speech.text = parsed.text
            speech.page = parsed.page
            speech.date = meeting.date
            speech.speaker = parallel.get(parsed.seq) or speakers.get(parsed.seq)
            (to_update if speech.pk else to_create).append(speech)
            saved[parsed.seq] = speech
        if existing:
            models.Speech.objects.filter(pk__in=[s.pk for s in existing.values()]).delete()
        models.Speech.objects.bulk_update(to_update, ["label", "name", "country", "organization", "role",
                                                      "national_capacity", "spoken_language", "text", "page", "date", "speaker"])
        models.Speech.objects.bulk_create(to_create)
        return saved

    def _parallel_speakers(self, meeting, record):
        """Speakers of the same turns in the meeting's other language versions, by seq.

        Only versions that align turn for turn (same number of turns, same role and State at each)
        lend their speakers: one turn more or less in a version would shift every link after it.
        """
        wanted = [(p.role, p.country) for p in self.parsed.speeches]
        found = {}
        for other in meeting.records.exclude(pk=record.pk):
            rows = list(other.speeches.order_by("seq").values_list("seq", "role", "country_id", "speaker_id"))
            if [(role, country) for _, role, country, _ in rows] != wanted:
                continue
            for seq, _, _, speaker_id in rows:
                if speaker_id:
                    found.setdefault(seq, speaker_id)
        speakers = models.Speaker.objects.in_bulk(set(found.values()))
        return {seq: speakers[pk] for seq, pk in found.items()}

    def _speakers(self, parsed_speeches):
        """{seq: Speaker} for the turns, creating the speakers not seen before in one statement."""
        wanted = {}
        for parsed in parsed_speeches:
            identity = self._speaker_identity(parsed)
            if identity:
                wanted[parsed.seq] = identity
        known = {s.slug: s for s in models.Speaker.objects.filter(slug__in={i[0] for i in wanted.values()})}
        missing = {slug: (name, country, organization)
                   for slug, name, country, organization in wanted.values() if slug not in known}
        if missing:
            models.Speaker.objects.bulk_create(
                [models.Speaker(slug=slug, name=name, country=self._country(country), organization=organization)
                 for slug, (name, country, organization) in missing.items()],
                ignore_conflicts=True,  # another import may create the same speaker meanwhile
            )
            known.update({s.slug: s for s in models.Speaker.objects.filter(slug__in=list(missing))})
        return {seq: known[identity[0]] for seq, identity in wanted.items() if identity[0] in known}

    def _speaker_identity(self, parsed):
        """(slug, name, country, organization) of who speaks; None when nobody is named, or for the
        President's turns when two people shared the chair ('Mr. Landau/Mr. Waltz')."""
        name, country = parsed.name, parsed.country
        if parsed.role == "president":
            president = self.parsed.president.name
            if "/" in president:
                return None
            name = strip_honorific(president, self.lexicon)
        elif country is None and name:
            # A representative speaking as a committee's chair is still that representative.
            country = self._seated_by_name().get(name_key(name, self.lexicon))
        slug = slugify(f"{name} {country or ''}", allow_unicode=True)[:200] if name else ""
        return (slug, _fit(name, "name", models.Speaker), country,
                _fit(parsed.organization, "organization", models.Speaker)) if slug else None

    def _seated_by_name(self):
        seats = [self.parsed.president] + list(self.parsed.members)
        return {name_key(name, self.lexicon): seat.country for seat in seats for name in seat.name.split("/")}

    def _save_votes(self, meeting, speeches):
        existing = {v.seq: v for v in meeting.votes.all()}
        for parsed in self.parsed.votes:
            vote = existing.pop(parsed.seq, None) or models.Vote(meeting=meeting, seq=parsed.seq)
            vote.subject = parsed.subject
            vote.draft = parsed.draft or ""
            vote.outcome = parsed.outcome
            vote.after_speech = parsed.after_speech
            vote.resolution = self._resolution(parsed.resolution)
            vote.save()
            vote.ballots.all().delete()
            models.Ballot.objects.bulk_create(
                models.Ballot(vote=vote, country=self._country(code), position=position,
                              veto=code in parsed.vetoed_by)
                for position, codes in (("in_favour", parsed.in_favour), ("against", parsed.against),
                                        ("abstaining", parsed.abstaining))
                for code in codes
            )
        for stale in existing.values():
            stale.delete()

    def _save_mentions(self, record, speeches):
        record.resolution_mentions.all().delete()
        record.document_mentions.all().delete()
        resolution_rows, document_rows = [], []
        in_speeches_res, in_speeches_doc = set(), set()
        for parsed in self.parsed.speeches:
            speech = speeches[parsed.seq]
            for cited in parsed.resolutions_cited:
                resolution_rows.append(models.ResolutionMention(record=record, speech=speech,
                                                                resolution=self._resolution(cited)))
                in_speeches_res.add(cited)
            for symbol in dict.fromkeys(_fit(s, "symbol", models.DocumentMention) for s in parsed.documents_cited):
                document_rows.append(models.DocumentMention(record=record, speech=speech, symbol=symbol))
                in_speeches_doc.add(symbol)
        # Citations outside the turns (agenda, cover, vote announcements in headings) belong to the record.
        for cited in self.parsed.resolutions_cited:
            if cited not in in_speeches_res:
                resolution_rows.append(models.ResolutionMention(record=record, resolution=self._resolution(cited)))
        for symbol in dict.fromkeys(_fit(s, "symbol", models.DocumentMention) for s in self.parsed.documents_cited):
            if symbol not in in_speeches_doc:
                document_rows.append(models.DocumentMention(record=record, symbol=symbol))
        models.ResolutionMention.objects.bulk_create(resolution_rows)
        models.DocumentMention.objects.bulk_create(document_rows)

    # Lookups.

    def _country(self, iso3):
        if not iso3:
            return None
        if not self.countries:
            self.countries = models.Country.objects.in_bulk()  # 195 rows, once per import
        if iso3 not in self.countries:
            raise ImportRejected(f"the record names a country code the archive does not know: {iso3}")
        return self.countries[iso3]

    def _resolution(self, cited):
        """The Resolution for 'NNNN (YYYY)'; all those the record cites are fetched or made at once."""
        if not cited:
            return None
        if self.resolutions is None:
            self.resolutions = self._all_resolutions()
        return self.resolutions[int(cited.split(" ")[0])]

    def _all_resolutions(self):
        parsed = self.parsed
        cited = set(parsed.resolutions_cited) | {v.resolution for v in parsed.votes if v.resolution}
        for speech in parsed.speeches:
            cited.update(speech.resolutions_cited)
        # A resolution is known by its number; the first year cited for it is kept.
        numbers = {}
        for item in sorted(cited):
            number, year = item.split(" ")
            numbers.setdefault(int(number), int(year.strip("()")))
        models.Resolution.objects.bulk_create([models.Resolution(number=n, year=y) for n, y in numbers.items()],
                                              ignore_conflicts=True)
        return models.Resolution.objects.in_bulk(list(numbers), field_name="number")


def _ballot_text(positions):
    """{'in_favour': [...], ...} -> 'in favour: CHN, FRA; against: ; abstaining: RUS'."""
    return "; ".join(f"{key.replace('_', ' ')}: {', '.join(sorted(positions[key]))}"
                     for key in ("in_favour", "against", "abstaining"))


def _fit(value, field_name, model=None):
    """A value cut to its column's length: a garbled overlong name must not cost the whole record."""
    model = model or models.Speech
    if not value:
        return value or ""
    return value[: model._meta.get_field(field_name).max_length]


def _name_of(source):
    if isinstance(source, (str, Path)):
        return Path(source).name
    return getattr(source, "name", None) or "upload"


def _size_of(source):
    if isinstance(source, (bytes, bytearray)):
        return len(source)
    if isinstance(source, (str, Path)):
        try:
            return Path(source).stat().st_size
        except OSError:
            return None
    return getattr(source, "size", None)


def _megabytes(size):
    return f"{size / 1_000_000:.1f} MB"
