"""Harvests from the UN's document system, and uploads imported by the worker: what was asked for,
what happened to each document, and where every file came from."""
from django.conf import settings
from django.db import models
from django.db.models import Q

from records.models.choices import ItemState, RunKind, RunStatus


class HarvestRun(models.Model):
    """One request to fetch records (symbols, a range or 'the new ones'), or one queued upload."""

    kind = models.CharField(max_length=8, choices=RunKind.choices)
    request = models.TextField(blank=True, help_text="The symbols or range asked for.")
    languages = models.JSONField(default=list)
    status = models.CharField(max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RunStatus.values), name="harvest_run_status_valid"),
            models.CheckConstraint(condition=Q(kind__in=RunKind.values), name="harvest_run_kind_valid"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}: {self.request or ''}".strip()


class HarvestItem(models.Model):
    """One document of a run: a symbol in a language (or one uploaded file), and its outcome."""

    run = models.ForeignKey(HarvestRun, on_delete=models.CASCADE, related_name="items")
    symbol = models.CharField(max_length=60, blank=True)
    language = models.CharField(max_length=2, blank=True)
    upload = models.FileField(upload_to="uploads/%Y/%m/", blank=True, max_length=300)
    filename = models.CharField(max_length=255, blank=True)
    state = models.CharField(max_length=10, choices=ItemState.choices, default=ItemState.PENDING)
    reason = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True, help_text="Where the file was fetched from.")
    fetched_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    record = models.ForeignKey("records.Record", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["run", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=ItemState.values), name="harvest_item_state_valid"),
        ]
        indexes = [models.Index(fields=["symbol", "language"], name="harvest_item_document_idx")]

    def __str__(self):
        return f"{self.symbol or self.filename} [{self.language}]: {self.get_state_display()}"


class SourceDocument(models.Model):
    """What the document system last answered for a symbol in a language: a later fetch asks
    whether it changed (ETag, Last-Modified) instead of downloading it again."""

    symbol = models.CharField(max_length=60)
    language = models.CharField(max_length=2)
    url = models.URLField(max_length=500)
    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    fetched_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["symbol", "language"], name="source_document_unique")]

    def __str__(self):
        return f"{self.symbol} [{self.language}]"
