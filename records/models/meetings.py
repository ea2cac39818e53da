"""Meetings, their language versions (Records) with agenda, and the seating of members.

One Meeting (S/PV.NNNN, or one of its resumptions) has up to six Records, one per language
version. Votes, ballots and the seating of members are facts of the meeting, not of one
language version.
"""
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce

from records import languages
from records.models.base import DatedQuerySet, reverse_cached
from records.models.choices import Outcome, RecordStatus
from records.models.speeches import ResolutionMention, Speech
from records.models.versions import record_upload_path
from records.models.votes import Ballot, Vote
from records.parsing.model import meeting_symbol

VETOED = "vetoed"  # with_vote()'s third outcome: not adopted because a permanent member voted against


class MeetingQuerySet(DatedQuerySet):
    def in_year(self, year):
        return self.filter(date__year=year)

    def for_country(self, iso3):
        """Meetings where the country sat at the table or spoke."""
        iso3 = iso3.upper()
        seated = Member.objects.filter(meeting=OuterRef("pk"), country_id=iso3)
        spoke = Speech.objects.filter(record__meeting=OuterRef("pk"), country_id=iso3)
        return self.filter(Exists(seated) | Exists(spoke))

    def citing(self, number):
        """Meetings that cited resolution `number` or adopted it."""
        cited = ResolutionMention.objects.filter(record__meeting=OuterRef("pk"), resolution__number=number)
        adopted = Vote.objects.filter(meeting=OuterRef("pk"), resolution__number=number)
        return self.filter(Exists(cited) | Exists(adopted))

    def on_agenda(self, words):
        """Meetings whose agenda, in any language version, contains every one of the words."""
        qs = self
        for word in words:
            qs = qs.filter(Exists(AgendaItem.objects.filter(record__meeting=OuterRef("pk"), text__icontains=word)))
        return qs

    def in_language(self, language):
        return self.filter(Exists(Record.objects.filter(meeting=OuterRef("pk"), language=language)))

    def with_vote(self, outcome=None):
        """Meetings with a vote; outcome narrows to an Outcome or VETOED."""
        if outcome == VETOED:
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
        return self.select_related("president_country").prefetch_related(
            models.Prefetch("records", queryset=Record.objects.only("id", "meeting_id", "language")),
            models.Prefetch("records__agenda_items", queryset=AgendaItem.objects.order_by("position")),
        ).annotate(vote_count=Coalesce(models.Subquery(
            # a count per row, not a GROUP BY over every meeting: an export streams from its first rows
            Vote.objects.filter(meeting=OuterRef("pk")).order_by().values("meeting")
            .annotate(n=models.Count("pk")).values("n")), 0))


VOTE_OUTCOMES = [*Outcome.choices, (VETOED, "vetoed")]


class Meeting(models.Model):
    number = models.PositiveIntegerField()
    resumption = models.PositiveSmallIntegerField(null=True, blank=True)
    date = models.DateField()
    scheduled = models.TimeField(null=True, blank=True)
    opened = models.TimeField(null=True, blank=True)
    closed = models.TimeField(null=True, blank=True)
    place = models.CharField(max_length=100, blank=True)
    council_year = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=RecordStatus.choices)
    president_country = models.ForeignKey(
        "records.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="presidencies"
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
            models.CheckConstraint(condition=Q(status__in=RecordStatus.values), name="meeting_status_valid"),
        ]
        indexes = [models.Index(fields=["date"], name="meeting_date_idx")]

    def __str__(self):
        return self.symbol

    @property
    def symbol(self) -> str:
        return meeting_symbol(self.number, self.resumption)

    def get_absolute_url(self):
        return reverse_cached(self.route("meeting"), **self.url_kwargs())

    def route(self, name):
        """The URL name of one of this meeting's pages: resumptions have their own patterns."""
        return f"records:{name}-resumption" if self.resumption else f"records:{name}"

    def url_kwargs(self):
        kwargs = {"number": self.number}
        if self.resumption:
            kwargs["resumption"] = self.resumption
        return kwargs

    def display_record(self, language=None, browser=()):
        """The language version to show: the one asked for, else the first of the reader's browser
        languages (`browser`, in order of preference) that it has, else English, else the first imported.

        Uses prefetched records where there are some, so lists cost no query per row.
        """
        records = list(self.records.all())
        by_language = {r.language: r for r in records}
        for wanted in (language, *browser, languages.PREFERRED):
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


class Record(models.Model):
    """One language version of a meeting's verbatim record, with its provenance."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="records")
    language = models.CharField(max_length=2, choices=languages.CHOICES)
    file = models.FileField(upload_to=record_upload_path, max_length=300, blank=True)  # empty: sent as a contract
    filename = models.CharField(max_length=255, help_text="The file's name as it was sent.")
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    job_number = models.CharField(max_length=8, blank=True)
    status = models.CharField(max_length=12, choices=RecordStatus.choices)
    pages = models.PositiveIntegerField(null=True, blank=True)
    # A scanned record, read by OCR: its text may have the engine's errors, and says so on its page.
    ocr = models.BooleanField(default=False)
    ocr_confidence = models.FloatField(null=True, blank=True, help_text="The OCR engine's mean word confidence, 0-1.")
    parser_version = models.CharField(max_length=20)
    imported_at = models.DateTimeField()
    # The validated unsc-record/1 document the rows were written from: rows can be derived again,
    # the search index rebuilt and parser versions compared without the file.
    contract = models.JSONField(null=True, blank=True, editable=False)
    discrepancies = models.JSONField(
        default=list, blank=True,
        help_text="Where this version disagrees with the meeting as first imported.",
    )

    class Meta:
        ordering = ["meeting", "language"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "language"], name="record_unique_meeting_language"),
            models.CheckConstraint(condition=Q(language__in=languages.CODES), name="record_language_valid"),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="record_sha256_format"),
            models.CheckConstraint(condition=Q(ocr=False, ocr_confidence__isnull=True) | Q(
                ocr=True, ocr_confidence__gte=0, ocr_confidence__lte=1), name="record_ocr_confidence"),
        ]
        indexes = [models.Index(fields=["imported_at"], name="record_imported_at_idx")]  # the pages' ETag

    def __str__(self):
        return f"{self.meeting.symbol} [{self.language}]"

    @property
    def language_info(self):
        return languages.get(self.language)

    @property
    def is_rtl(self):
        return self.language_info.rtl

    @property
    def language_name(self):
        return self.language_info.name

    def get_download_url(self):
        return reverse_cached(self.meeting.route("record-file"), **self.meeting.url_kwargs(), language=self.language)


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
    country = models.ForeignKey("records.Country", on_delete=models.PROTECT, related_name="seats")
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
