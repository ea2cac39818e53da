"""Speakers, their speeches (turns) and what the speeches cite."""
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q

from records import languages
from records.models.base import DatedQuerySet, reverse_cached
from records.models.choices import Role


class Person(models.Model):
    """One representative or official, whatever the script and the meeting: the Speakers (one per
    name key, in each language's script) whose turns are the same turns of a meeting, and the full
    name and title the members list prints. Derived at ingest (records/ingest/people.py)."""

    name = models.CharField(max_length=200, help_text="The fullest name printed, in English where there is one.")
    names = models.JSONField(default=dict, blank=True, help_text="The fullest name printed, per record language.")
    country = models.ForeignKey("records.Country", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="people")
    search_text = models.TextField(blank=True, editable=False, help_text="Every name, folded, for /speakers/?q=")

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"], name="person_name_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        first = self.speakers.order_by("pk").first()
        return first.get_absolute_url() if first else ""


class Speaker(models.Model):
    """A name in one script, identified by the key the parser gives (name and State); a Person has
    one Speaker for each way the records print them."""

    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    name = models.CharField(max_length=200)
    country = models.ForeignKey("records.Country", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="speakers")
    organization = models.CharField(max_length=200, blank=True)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="speakers")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.country_id})" if self.country_id else self.name

    def get_absolute_url(self):
        return reverse_cached("records:speaker", slug=self.slug)


class SpeechQuerySet(DatedQuerySet):
    def for_states(self):
        """Speeches of States: the President's procedural turns are the chair's, not its State's,
        unless the President spoke in national capacity."""
        return self.filter(country__isnull=False).exclude(role=Role.PRESIDENT, national_capacity=False)

    def by_country(self, iso3):
        return self.for_states().filter(country_id=iso3.upper())

    def by_person(self, person):
        return self.filter(speaker__person=person)

    def with_role(self, role):
        return self.filter(role=role)

    def citing(self, number):
        # The speeches from the mentions (IN, not a join and DISTINCT): PostgreSQL starts from the
        # 16,000 mentions of a resolution, not from a million speeches.
        mentions = ResolutionMention.objects.filter(resolution__number=number, speech__isnull=False)
        return self.filter(pk__in=mentions.values("speech_id"))

    def in_meeting(self, number):
        return self.filter(record__meeting__number=number)

    def in_language(self, code):
        # The speech's own search configuration says its language without a join, which lets
        # PostgreSQL estimate (and so plan) a search with this filter well.
        return self.filter(search_config=languages.search_config(code))

    def canonical(self):
        """One version of each turn: the one from the meeting's first imported record."""
        return self.filter(record=models.F("record__meeting__source"))

    def with_context(self):
        # Not the record's contract: a large document, decoded for every row, and shown by no list.
        return self.select_related("record__meeting", "country", "speaker").defer("record__contract", "search_vector")

    def newest_first(self):
        # Within one day, later meetings (higher ids) first; within one meeting, turns in order.
        return self.order_by("-date", "-record_id", "seq")


class Speech(models.Model):
    record = models.ForeignKey("records.Record", on_delete=models.CASCADE, related_name="speeches")
    seq = models.PositiveIntegerField()
    label = models.TextField()
    name = models.CharField(max_length=200, blank=True)
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="speeches")
    country = models.ForeignKey("records.Country", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="speeches")
    organization = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=10, choices=Role.choices)
    national_capacity = models.BooleanField(default=False)
    spoken_language = models.CharField(max_length=2)
    text = models.TextField()
    page = models.PositiveSmallIntegerField(null=True, blank=True, help_text="page where the turn begins")
    # The meeting's date, kept on the speech: searches over hundreds of thousands of speeches
    # filter and sort by it through an index, without a join. Set by ingest with the meeting's.
    date = models.DateField(editable=False)
    # Full-text search: each row indexed with its record language's configuration (records/search).
    search_config = models.CharField(max_length=20, default="simple", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SpeechQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "speeches"
        ordering = ["record", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["record", "seq"], name="speech_unique_record_seq"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="speech_role_valid"),
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
        return languages.name(self.spoken_language)

    @property
    def is_interpreted(self):
        return self.spoken_language != self.record.language

    def get_absolute_url(self):
        meeting = self.record.meeting
        return reverse_cached(meeting.route("speech"), **meeting.url_kwargs(), seq=self.seq)

    def get_permalink_in_record(self):
        """The speech in its meeting page, in this language: /meetings/9589/?lang=zh#s2."""
        return f"{self.record.meeting.get_absolute_url()}?lang={self.record.language}#{self.anchor}"


class ResolutionMention(models.Model):
    """A resolution cited in a record: in a speech, or (speech null) in its front matter."""

    record = models.ForeignKey("records.Record", on_delete=models.CASCADE, related_name="resolution_mentions")
    speech = models.ForeignKey(Speech, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="resolution_mentions")
    resolution = models.ForeignKey("records.Resolution", on_delete=models.CASCADE, related_name="mentions")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "speech", "resolution"], nulls_distinct=False,
                                    name="resolution_mention_unique"),
        ]


class DocumentMention(models.Model):
    """A UN document symbol (S/2023/1067, S/PV.9588) cited in a record, in a speech or its front matter."""

    record = models.ForeignKey("records.Record", on_delete=models.CASCADE, related_name="document_mentions")
    speech = models.ForeignKey(Speech, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="document_mentions")
    symbol = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "speech", "symbol"], nulls_distinct=False,
                                    name="document_mention_unique"),
        ]
        indexes = [models.Index(fields=["symbol"], name="document_mention_symbol_idx")]
