"""Language versions of meetings: uploaded here (several files at once, many of them through the
worker), re-parsed with the current parser, and every version received kept; all go through
records.ingest.import_record."""
import logging

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from records import models
from records.admin.base import ReadOnly, ReadOnlyInline
from records.admin.harvest import queue_upload
from records.ingest import FAILED, HELD, IMPORTED, REPLACED, apply_version, import_record
from records.ingest.reading import megabytes
from records.uploads import RecordUploadForm, SizeLimitUploadHandler
from records.parsing.model import meeting_symbol

logger = logging.getLogger(__name__)


class AgendaItemInline(ReadOnlyInline):
    model = models.AgendaItem


class VersionInline(ReadOnlyInline):
    model = models.RecordVersion
    fields = ["state", "filename", "size", "parser_version", "received_at", "reasons"]
    show_change_link = True


@admin.register(models.Record)
class RecordAdmin(admin.ModelAdmin):
    list_display = ["__str__", "language", "filename", "status", "job_number", "parser_version", "imported_at",
                    "has_discrepancies"]
    list_filter = ["language", "status", "parser_version"]
    search_fields = ["filename", "sha256", "job_number", "meeting__number"]
    readonly_fields = ["sha256", "size", "imported_at", "parser_version", "discrepancy_list"]
    exclude = ["discrepancies"]
    raw_id_fields = ["meeting"]
    inlines = [VersionInline, AgendaItemInline]
    actions = ["reparse"]
    change_list_template = "admin/records/record/change_list.html"

    def has_add_permission(self, request):
        return False  # records come in by upload, which parses them; never as a bare form

    def get_readonly_fields(self, request, obj=None):
        # Every field is what its file says: edited here, it would no longer match its file and versions.
        return [f.name for f in self.model._meta.fields if f.name not in self.exclude] + ["discrepancy_list"]

    def may_upload(self, request):
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.add_{opts.model_name}")

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), "may_upload": self.may_upload(request)})

    @admin.display(boolean=True, description="differs")
    def has_discrepancies(self, obj):
        return bool(obj.discrepancies)

    @admin.display(description="differences from the meeting as first imported")
    def discrepancy_list(self, obj):
        return "\n".join(obj.discrepancies) or "none"

    def get_urls(self):
        # admin_view skips its own CSRF check for an exempt view; upload_view does the check itself.
        upload = self.admin_site.admin_view(csrf_exempt(self.upload_view))
        return [path("upload/", upload, name="records_record_upload")] + super().get_urls()

    def upload_view(self, request):
        # The size limit must be in place before anything reads the request body, CSRF included:
        # so the view is exempted from the middleware and protected here, after the handler is set.
        limiter = SizeLimitUploadHandler(request, settings.RECORD_UPLOAD_MAX_BYTES)
        request.upload_handlers.insert(0, limiter)
        return csrf_protect(self._upload)(request, limiter)

    def _upload(self, request, limiter):
        if not self.may_upload(request):
            raise PermissionDenied
        results, queued = [], None
        form = RecordUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST":
            limit = megabytes(settings.RECORD_UPLOAD_MAX_BYTES)
            results = [{"name": name, "status": FAILED, "message": f"the file is larger than the {limit} limit"}
                       for name in limiter.too_large]
            files = form.cleaned_data.get("files", []) if form.is_valid() else []
            if len(files) > settings.UPLOAD_QUEUE_THRESHOLD:
                queued = queue_upload(files, request.user)  # minutes of parsing: the worker's work
                files = []
            if form.is_valid() or limiter.too_large:
                results += [self._import_logged(request, uploaded) for uploaded in files]
                form = RecordUploadForm()
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
                   "results": results, "title": "Upload verbatim records", "queued": queued,
                   "queue_threshold": settings.UPLOAD_QUEUE_THRESHOLD,
                   "limit": megabytes(settings.RECORD_UPLOAD_MAX_BYTES)}
        return TemplateResponse(request, "admin/records/record/upload.html", context)

    def _import_logged(self, request, uploaded):
        """Import one upload; what it added or replaced appears in the admin's recent actions."""
        line, result = _import_one(uploaded)
        if result is not None and result.status == IMPORTED:
            self.log_addition(request, result.record, f"Uploaded {uploaded.name}")
        elif result is not None and result.status == REPLACED:
            self.log_change(request, result.record, f"Replaced by upload of {uploaded.name}")
        elif result is not None and result.status == HELD:
            self.log_change(request, result.record, f"Upload of {uploaded.name} held for review")
        return line

    @admin.action(description="Re-parse selected records with the current parser", permissions=["change"])
    def reparse(self, request, queryset):
        for record in queryset.select_related("meeting"):
            if not record.file:
                self.message_user(request, f"{record}: imported as a contract document, no file to re-parse",
                                  messages.WARNING)
                continue
            try:
                with record.file.open("rb") as handle:
                    result = import_record(handle.read(), source_name=record.filename, force=True)
            except OSError as exc:
                self.message_user(request, f"{record}: the stored file cannot be read ({exc})", messages.ERROR)
                continue
            level = messages.ERROR if result.status == FAILED else messages.SUCCESS
            self.message_user(request, f"{record}: {result.message}", level)


@admin.register(models.RecordVersion)
class RecordVersionAdmin(ReadOnly, admin.ModelAdmin):
    """Every file received: the applied one, those it replaced, and those held for review."""

    list_display = ["record", "state", "filename", "size", "parser_version", "received_at", "download"]
    list_filter = ["state", "record__language"]
    search_fields = ["filename", "sha256", "record__meeting__number"]
    list_select_related = ["record__meeting"]
    fields = ["record", "state", "reason_list", "filename", "sha256", "size", "parser_version", "received_at",
              "download"]
    readonly_fields = fields
    actions = ["apply"]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("records.view_record")

    @admin.display(description="why it was held")
    def reason_list(self, obj):
        return "\n".join(obj.reasons) or "-"

    @admin.display(description="file")
    def download(self, obj):
        if not obj.file:
            return "sent as a contract document"
        return format_html('<a href="{}">download</a>', reverse("admin:records_recordversion_file", args=[obj.pk]))

    def get_urls(self):
        download = self.admin_site.admin_view(self.file_view)
        return [path("<int:pk>/file/", download, name="records_recordversion_file")] + super().get_urls()

    def file_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        version = get_object_or_404(models.RecordVersion, pk=pk)
        try:
            handle = version.file.open("rb")
        except (OSError, ValueError):
            raise Http404("The file of this version is not available.") from None
        return FileResponse(handle, as_attachment=True, filename=version.file.name.rsplit("/", 1)[-1])

    @admin.action(description="Apply the selected versions (replaces what the record shows)")
    def apply(self, request, queryset):
        if not request.user.has_perm("records.change_record"):
            raise PermissionDenied
        for version in queryset.select_related("record__meeting"):
            result = apply_version(version)
            level = messages.ERROR if result.status == FAILED else messages.SUCCESS
            if result.ok:
                self.log_change(request, result.record, f"Applied version {version.sha256[:12]} ({version.filename})")
            self.message_user(request, f"{version.record}: {result.message}", level)


def _import_one(uploaded):
    """One file's result line. A failure of ours on one file is logged and reported on its line, so the
    files before and after it keep their results (each is imported in its own transaction)."""
    try:
        result = import_record(uploaded, source_name=uploaded.name)
    except Exception:
        logger.exception("import of uploaded file %s failed", uploaded.name)
        return {"name": uploaded.name, "status": FAILED,
                "message": "the archive failed to import this file; the error is logged and nothing was saved"}, None
    return {"name": uploaded.name, "status": result.status, "message": result.message, "meeting": result.meeting,
            "discrepancies": result.discrepancies, "found": found(result.record)}, result


def found(record):
    """What an upload brought in, for its result line: the meeting, language, turns, votes and warnings."""
    if record is None:
        return None
    contract = record.contract or {}
    return {"symbol": record.meeting.symbol, "language": record.language_name, "turns": record.speeches.count(),
            "votes": record.meeting.votes.count(), "warnings": contract.get("warnings", []),
            "page": record.meeting.get_absolute_url() + f"?lang={record.language}",
            "admin": reverse("admin:records_record_change", args=[record.pk])}


@admin.register(models.UnreadableVersion)
class UnreadableVersionAdmin(ReadOnly, admin.ModelAdmin):
    """Versions whose cover was read and whose turns were not: refused, and named on the meeting's page."""

    list_display = ["symbol", "language", "filename", "reason", "received_at"]
    list_filter = ["language"]
    search_fields = ["meeting_number", "filename"]
    fields = ["meeting_number", "resumption", "language", "filename", "sha256", "reason", "received_at"]
    readonly_fields = fields
    # Deletable: once a readable version has come, the note may go.
    has_delete_permission = admin.ModelAdmin.has_delete_permission

    @admin.display(description="meeting", ordering="meeting_number")
    def symbol(self, obj):
        return meeting_symbol(obj.meeting_number, obj.resumption)
