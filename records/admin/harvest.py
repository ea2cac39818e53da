"""Fetching from the UN's document system, and the worker's runs: what was asked, what became of
each document, and a retry for the failures. For staff who may add records."""
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from records import languages, models, tasks
from records.admin.base import ReadOnly, ReadOnlyInline
from records.harvest import run as runs
from records.harvest.symbols import SymbolError, split_request
from records.models import ItemState

ADD_RECORDS = "records.add_record"


class FetchForm(forms.Form):
    symbols = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False,
                              help_text="One per line: S/PV.9589, S/PV.8699 (Resumption 1), or a range S/PV.9500-9600.")
    new = forms.BooleanField(required=False, label="The new records",
                             help_text="From the highest meeting number in the archive onwards.")
    languages = forms.MultipleChoiceField(choices=languages.CHOICES, initial=languages.CODES,
                                          widget=forms.CheckboxSelectMultiple)

    def clean(self):
        data = super().clean()
        if not data.get("new") and not (data.get("symbols") or "").strip():
            raise forms.ValidationError("Give symbols or a range, or choose the new records.")
        return data


class HarvestItemInline(ReadOnlyInline):
    model = models.HarvestItem
    fields = ["symbol", "language", "filename", "state", "reason", "url", "fetched_at", "attempts", "record"]


@admin.register(models.HarvestRun)
class HarvestRunAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["__str__", "kind", "status", "outcomes", "created_at", "finished_at", "requested_by"]
    list_filter = ["status", "kind"]
    inlines = [HarvestItemInline]
    actions = ["retry"]
    change_list_template = "admin/records/harvestrun/change_list.html"

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(ADD_RECORDS)

    def has_module_permission(self, request):
        return request.user.has_perm(ADD_RECORDS)

    @admin.display(description="documents")
    def outcomes(self, obj):
        counts = {}
        for item in obj.items.all():
            counts[item.get_state_display()] = counts.get(item.get_state_display(), 0) + 1
        return ", ".join(f"{n} {state}" for state, n in sorted(counts.items())) or "-"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("items").select_related("requested_by")

    @admin.action(description="Retry the failed documents of the selected runs")
    def retry(self, request, queryset):
        if not request.user.has_perm(ADD_RECORDS):
            raise PermissionDenied
        for run in queryset:
            count = runs.retry_failures(run)
            if count:
                tasks.queue(run)
            self.message_user(request, f"{run}: {count} documents queued again", messages.SUCCESS)

    def get_urls(self):
        fetch = self.admin_site.admin_view(self.fetch_view)
        return [path("fetch/", fetch, name="records_harvestrun_fetch")] + super().get_urls()

    def fetch_view(self, request):
        if not request.user.has_perm(ADD_RECORDS):
            raise PermissionDenied
        form = FetchForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                run = self._plan(form.cleaned_data, request.user)
            except SymbolError as exc:
                form.add_error("symbols", str(exc))
            else:
                tasks.queue(run)
                self.message_user(request, f"{run} queued for the worker.", messages.SUCCESS)
                return redirect(reverse("admin:records_harvestrun_change", args=[run.pk]))
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
                   "title": "Fetch records from the UN"}
        return TemplateResponse(request, "admin/records/harvestrun/fetch.html", context)

    @staticmethod
    def _plan(data, user):
        if data["new"]:
            return runs.plan_new(data["languages"], user=user)
        return runs.plan_fetch(split_request(data["symbols"]), data["languages"], user=user)


def queue_upload(files, user):
    """A run for the worker that imports these uploaded files one by one; the run."""
    run = models.HarvestRun.objects.create(kind=models.RunKind.UPLOAD, request=f"{len(files)} uploaded files",
                                           requested_by=user)
    for uploaded in files:
        item = models.HarvestItem(run=run, filename=uploaded.name[:255], state=ItemState.PENDING)
        item.upload.save("upload", uploaded, save=False)
        item.save()
    tasks.queue(run)
    return run
