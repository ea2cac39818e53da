"""The archive's data model.

One Meeting (S/PV.NNNN, or one of its resumptions) has up to six Records, one
per language version. Speeches belong to a Record; the same turn in another
language has the same seq, so `seq` is the speech's identity across
languages and across re-imports (its permalink is /meetings/N/#s<seq>).
Votes, ballots and the seating of members are facts of the meeting, not of
one language version. The database enforces what must hold: named unique and
check constraints below.
"""
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from functools import lru_cache

from django.urls import reverse

from records.querysets import MeetingQuerySet, SpeechQuerySet

@lru_cache(maxsize=16384)
def _reverse(name, **kwargs):
    """reverse() remembered: a meeting page links every speech, country and speaker, and the URL
    configuration does not change while the process runs."""
    return reverse(name, kwargs=kwargs)


LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("ru", "Russian"),
    ("zh", "Chinese"),
    ("ar", "Arabic"),
]
LANGUAGE_CODES = [code for code, _ in LANGUAGES]
RTL_LANGUAGES = {"ar"}
# Languages speeches were delivered in, beyond the six (from '(spoke in Portuguese)').
LANGUAGE_NAMES = {**dict(LANGUAGES), "pt": "Portuguese", "de": "German", "it": "Italian", "ja": "Japanese",
                  "ko": "Korean", "tr": "Turkish", "fa": "Persian", "he": "Hebrew", "uk": "Ukrainian",
                  "id": "Indonesian", "sw": "Swahili", "nl": "Dutch", "pl": "Polish", "el": "Greek"}
PREFERRED_LANGUAGE = "en"  # the site's own language: its version is shown first where there is one


class Country(models.Model):
    MEMBER, OBSERVER = "member", "observer"

    iso3 = models.CharField(max_length=3, primary_key=True)
    m49 = models.PositiveSmallIntegerField(unique=True)
    status = models.CharField(max_length=8, choices=[(MEMBER, "Member State"), (OBSERVER, "Observer State")])
    name_en = models.CharField("name (English)", max_length=120)
    name_fr = models.CharField("name (French)", max_length=120)
    name_es = models.CharField("name (Spanish)", max_length=120)
    name_ru = models.CharField("name (Russian)", max_length=120)
    name_zh = models.CharField("name (Chinese)", max_length=120)
    name_ar = models.CharField("name (Arabic)", max_length=120)
    formal_en = models.CharField("formal name (English)", max_length=200)
    formal_fr = models.CharField("formal name (French)", max_length=200)
    formal_es = models.CharField("formal name (Spanish)", max_length=200)
    formal_ru = models.CharField("formal name (Russian)", max_length=200)
    formal_zh = models.CharField("formal name (Chinese)", max_length=200)
    formal_ar = models.CharField("formal name (Arabic)", max_length=200)

    class Meta:
        verbose_name_plural = "countries"
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(condition=Q(iso3__regex=r"^[A-Z]{3}$"), name="country_iso3_format"),
            models.CheckConstraint(condition=Q(status__in=["member", "observer"]), name="country_status_valid"),
        ]

    def __str__(self):
        return self.name_en

    def name(self, language="en"):
        return getattr(self, f"name_{language}", None) or self.name_en

    def get_absolute_url(self):
        return _reverse("records:country", iso3=self.iso3)


class Resolution(models.Model):
    number = models.PositiveIntegerField(unique=True)
    year = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["-number"]

    def __str__(self):
        return f"{self.number} ({self.year})"

    @property
    def symbol(self):
        return f"S/RES/{self.number}({self.year})"

    def get_absolute_url(self):
        return _reverse("records:resolution", number=self.number)


class Meeting(models.Model):
    PROVISIONAL, FINAL = "provisional", "final"

    number = models.PositiveIntegerField()
    resumption = models.PositiveSmallIntegerField(null=True, blank=True)
    date = models.DateField()
    scheduled = models.TimeField(null=True, blank=True)
    opened = models.TimeField(null=True, blank=True)
    closed = models.TimeField(null=True, blank=True)
    place = models.CharField(max_length=100, blank=True)
    council_year = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=[(PROVISIONAL, "provisional"), (FINAL, "final")])
    president_country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="presidencies"
    )
    # The language version the meeting-level facts (times, members, votes) were taken from.
    source = models.ForeignKey("Record", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-number", "-resumption"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "resumption"], nulls_distinct=False, name="meeting_unique_number_resumption"
            ),
            models.CheckConstraint(condition=Q(resumption__isnull=True) | Q(resumption__gte=1),
                                   name="meeting_resumption_positive"),
            models.CheckConstraint(condition=Q(status__in=["provisional", "final"]), name="meeting_status_valid"),
        ]
        indexes = [models.Index(fields=["date"], name="meeting_date_idx")]

    def __str__(self):
        return self.symbol

    @property
    def symbol(self):
        base = f"S/PV.{self.number}"
        return f"{base} (Resumption {self.resumption})" if self.resumption else base

    def get_absolute_url(self):
        return _reverse(self.route("meeting"), **self.url_kwargs())

    def route(self, name):
        """The URL name of one of this meeting's pages: resumptions have their own patterns."""
        return f"records:{name}-resumption" if self.resumption else f"records:{name}"

    def url_kwargs(self):
        kwargs = {"number": self.number}
        if self.resumption:
            kwargs["resumption"] = self.resumption
        return kwargs

    def display_record(self, language=None):
        """The language version to show: the one asked for, else English, else the first imported.

        Uses prefetched records where there are some, so lists cost no query per row.
        """
        records = list(self.records.all())
        by_language = {r.language: r for r in records}
        for wanted in (language, PREFERRED_LANGUAGE):
            if wanted in by_language:
                return by_language[wanted]
        for record in records:
            if record.pk == self.source_id:
                return record
        return records[0] if records else None

    @property
    def languages(self):
        return sorted(r.language for r in self.records.all())

    @property
    def agenda_titles(self):
        """The agenda items' first lines, in the displayed language."""
        record = self.display_record()
        return [item.text.splitlines()[0] for item in record.agenda_items.all()] if record else []


def record_upload_path(record, filename):
    # Content-addressed, so a corrected version never overwrites the file of an earlier one.
    return f"records/{record.sha256[:2]}/{record.sha256}/{filename}"


class Record(models.Model):
    """One language version of a meeting's verbatim record, with its provenance."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="records")
    language = models.CharField(max_length=2, choices=LANGUAGES)
    file = models.FileField(upload_to=record_upload_path, max_length=300)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    job_number = models.CharField(max_length=8, blank=True)
    status = models.CharField(max_length=12, choices=Meeting._meta.get_field("status").choices)
    pages = models.PositiveIntegerField(null=True, blank=True)
    parser_version = models.CharField(max_length=20)
    imported_at = models.DateTimeField()
    discrepancies = models.JSONField(
        default=list, blank=True,
        help_text="Where this version disagrees with the meeting as first imported.",
    )

    class Meta:
        ordering = ["meeting", "language"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "language"], name="record_unique_meeting_language"),
            models.CheckConstraint(condition=Q(language__in=LANGUAGE_CODES), name="record_language_valid"),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="record_sha256_format"),
        ]

    def __str__(self):
        return f"{self.meeting.symbol} [{self.language}]"

    @property
    def is_rtl(self):
        return self.language in RTL_LANGUAGES

    @property
    def language_name(self):
        return LANGUAGE_NAMES[self.language]

    def get_download_url(self):
        return _reverse(self.meeting.route("record-file"), **self.meeting.url_kwargs(), language=self.language)


class AgendaItem(models.Model):
    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["record", "position"]
        constraints = [
            models.UniqueConstraint(fields=["record", "position"], name="agenda_unique_record_position"),
        ]

    def __str__(self):
        return self.text.splitlines()[0] if self.text else ""


class Member(models.Model):
    """A country's seat at a meeting, with its representative as printed in each language."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="members")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="seats")
    representative = models.CharField(max_length=200)
    names = models.JSONField(default=dict, blank=True, help_text="The representative's name per record language.")
    is_president = models.BooleanField(default=False)

    class Meta:
        ordering = ["meeting", "-is_president", "country__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "country"], name="member_unique_meeting_country"),
            models.UniqueConstraint(fields=["meeting"], condition=Q(is_president=True),
                                    name="member_one_president_per_meeting"),
        ]

    def __str__(self):
        return f"{self.country_id} at {self.meeting}"

    def name_in(self, language):
        return self.names.get(language) or self.representative


class Speaker(models.Model):
    """A person who speaks in the Council, identified by name and the State they represent."""

    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    name = models.CharField(max_length=200)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, related_name="speakers")
    organization = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.country_id})" if self.country_id else self.name

    def get_absolute_url(self):
        return _reverse("records:speaker", slug=self.slug)


class Speech(models.Model):
    PRESIDENT, MEMBER, INVITED, BRIEFER = "president", "member", "invited", "briefer"
    ROLES = [(PRESIDENT, "President"), (MEMBER, "Council member"), (INVITED, "Invited State (rule 37)"),
             (BRIEFER, "Briefer")]

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="speeches")
    seq = models.PositiveIntegerField()
    label = models.TextField()
    name = models.CharField(max_length=200, blank=True)
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="speeches")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, related_name="speeches")
    organization = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=10, choices=ROLES)
    national_capacity = models.BooleanField(default=False)
    spoken_language = models.CharField(max_length=2)
    text = models.TextField()
    page = models.PositiveSmallIntegerField(null=True, blank=True, help_text="page where the turn begins")
    # The meeting's date, kept on the speech: searches over hundreds of thousands of speeches
    # filter and sort by it through an index, without a join. Set by ingest with the meeting's.
    date = models.DateField(editable=False)
    # Full-text search: each row indexed with its record language's configuration (records/search.py).
    search_config = models.CharField(max_length=20, default="simple", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SpeechQuerySet.as_manager()

    class Meta:
        ordering = ["record", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["record", "seq"], name="speech_unique_record_seq"),
            models.CheckConstraint(condition=Q(role__in=["president", "member", "invited", "briefer"]),
                                   name="speech_role_valid"),
            models.CheckConstraint(condition=Q(seq__gte=1), name="speech_seq_positive"),
        ]
        indexes = [
            models.Index(fields=["country", "record"], name="speech_country_idx"),
            models.Index(fields=["-date", "-id"], name="speech_date_idx"),
            GinIndex(fields=["search_vector"], name="speech_search_gin"),
        ]

    def __str__(self):
        return f"{self.record} #{self.seq} {self.label}"

    @property
    def anchor(self):
        return f"s{self.seq}"

    @property
    def spoken_language_name(self):
        return LANGUAGE_NAMES.get(self.spoken_language, self.spoken_language)

    @property
    def is_interpreted(self):
        return self.spoken_language != self.record.language

    def get_absolute_url(self):
        return _reverse(self.record.meeting.route("speech"), **self.record.meeting.url_kwargs(), seq=self.seq)

    def get_permalink_in_record(self):
        """The speech in its meeting page, in this language: /meetings/9589/?lang=zh#s2."""
        return f"{self.record.meeting.get_absolute_url()}?lang={self.record.language}#{self.anchor}"

    def citation(self):
        """'S/PV.9589, 26 March 2024, p. 3, speech 2: Mr. Polyanskiy (Russian Federation)'."""
        meeting = self.record.meeting
        parts = [meeting.symbol, f"{meeting.date.day} {meeting.date:%B %Y}"]
        if self.page:
            parts.append(f"p. {self.page}")
        parts.append(f"speech {self.seq}: {self.label}")
        return ", ".join(parts)


class Vote(models.Model):
    SUBJECTS = ["agenda", "draft resolution", "amendment", "procedural", "other"]
    ADOPTED, NOT_ADOPTED = "adopted", "not adopted"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="votes")
    seq = models.PositiveSmallIntegerField()
    subject = models.CharField(max_length=20, choices=[(s, s) for s in SUBJECTS])
    draft = models.CharField(max_length=40, blank=True)
    outcome = models.CharField(max_length=12, choices=[(ADOPTED, "adopted"), (NOT_ADOPTED, "not adopted")])
    after_speech = models.PositiveIntegerField(null=True, blank=True, help_text="seq of the speech the vote follows")
    resolution = models.ForeignKey(
        Resolution, null=True, blank=True, on_delete=models.SET_NULL, related_name="adopting_votes"
    )

    class Meta:
        ordering = ["meeting", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "seq"], name="vote_unique_meeting_seq"),
            models.CheckConstraint(condition=Q(subject__in=["agenda", "draft resolution", "amendment",
                                                            "procedural", "other"]),
                                   name="vote_subject_valid"),
            models.CheckConstraint(condition=Q(outcome__in=["adopted", "not adopted"]), name="vote_outcome_valid"),
        ]

    def __str__(self):
        return f"{self.meeting} vote {self.seq}"

    def tally(self):
        """Counts per position from the (prefetched) ballots."""
        counts = {Ballot.IN_FAVOUR: 0, Ballot.AGAINST: 0, Ballot.ABSTAINING: 0}
        for ballot in self.ballots.all():
            counts[ballot.position] += 1
        return counts

    @property
    def vetoes(self):
        return [b.country for b in self.ballots.all() if b.veto]


class Ballot(models.Model):
    IN_FAVOUR, AGAINST, ABSTAINING = "in_favour", "against", "abstaining"
    POSITIONS = [(IN_FAVOUR, "in favour"), (AGAINST, "against"), (ABSTAINING, "abstaining")]

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="ballots")
    position = models.CharField(max_length=10, choices=POSITIONS)
    veto = models.BooleanField(default=False)

    class Meta:
        ordering = ["vote", "country__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "country"], name="ballot_unique_vote_country"),
            models.CheckConstraint(condition=Q(position__in=["in_favour", "against", "abstaining"]),
                                   name="ballot_position_valid"),
            models.CheckConstraint(condition=Q(veto=False) | Q(position="against"), name="ballot_veto_is_against"),
        ]

    def __str__(self):
        return f"{self.country_id}: {self.get_position_display()}"


class ResolutionMention(models.Model):
    """A resolution cited in a record: in a speech, or (speech null) in its front matter."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="resolution_mentions")
    speech = models.ForeignKey(Speech, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="resolution_mentions")
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="mentions")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "speech", "resolution"], nulls_distinct=False,
                                    name="resolution_mention_unique"),
        ]


class DocumentMention(models.Model):
    """A UN document symbol (S/2023/1067, S/PV.9588) cited in a record, in a speech or its front matter."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="document_mentions")
    speech = models.ForeignKey(Speech, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="document_mentions")
    symbol = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "speech", "symbol"], nulls_distinct=False,
                                    name="document_mention_unique"),
        ]
        indexes = [models.Index(fields=["symbol"], name="document_mention_symbol_idx")]
