"""Every file received for a language version of a meeting, kept: the one applied, those it replaced,
and those held for review because applying them would lose what the archive holds."""
from django.db import models
from django.db.models import Q

from records import languages
from records.models.choices import VersionState
from records.parsing.model import meeting_symbol


def record_upload_path(instance, filename):
    # Content-addressed, so a corrected version never overwrites the file of an earlier one; the
    # name itself is ours (symbol, language), never the sender's.
    return f"records/{instance.sha256[:2]}/{instance.sha256}/{filename}"


class RecordVersion(models.Model):
    record = models.ForeignKey("records.Record", on_delete=models.CASCADE, related_name="versions")
    state = models.CharField(max_length=12, choices=VersionState.choices)
    file = models.FileField(upload_to=record_upload_path, max_length=300, blank=True)
    filename = models.CharField(max_length=255, help_text="The file's name as it was sent.")
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    parser_version = models.CharField(max_length=20)
    received_at = models.DateTimeField()
    contract = models.JSONField(null=True, blank=True, editable=False)
    reasons = models.JSONField(default=list, blank=True, help_text="Why the version was held for review.")
    # Provenance: where the file came from when the archive fetched it itself.
    source_url = models.URLField(max_length=500, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["record", "-received_at"]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=VersionState.values), name="version_state_valid"),
            models.UniqueConstraint(fields=["record"], condition=Q(state=VersionState.APPLIED),
                                    name="version_one_applied_per_record"),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="version_sha256_format"),
        ]

    def __str__(self):
        return f"{self.record} {self.get_state_display()} ({self.received_at:%Y-%m-%d %H:%M})"


class UnreadableVersion(models.Model):
    """A language version received whose cover could be read but whose turns could not (the Arabic
    extraction of S/PV.10124, say). Nothing of it enters the archive; the meeting's page says that
    such a version exists and why it is missing, and the admin lists it."""

    meeting_number = models.PositiveIntegerField()
    resumption = models.PositiveSmallIntegerField(null=True, blank=True)
    language = models.CharField(max_length=2, choices=languages.CHOICES)
    filename = models.CharField(max_length=255, help_text="The file's name as it was sent.")
    sha256 = models.CharField(max_length=64, unique=True)
    reason = models.TextField()
    received_at = models.DateTimeField()

    class Meta:
        ordering = ["meeting_number", "resumption", "language"]
        constraints = [
            models.CheckConstraint(condition=Q(language__in=languages.CODES), name="unreadable_language_valid"),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="unreadable_sha256_format"),
        ]
        indexes = [models.Index(fields=["meeting_number", "resumption"], name="unreadable_meeting_idx")]

    def __str__(self):
        return f"{meeting_symbol(self.meeting_number, self.resumption)} [{self.language}]: {self.reason}"

    @property
    def language_name(self):
        return languages.name(self.language)
