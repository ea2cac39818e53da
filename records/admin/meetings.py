"""States, resolutions and meetings, with their language versions and what they hold."""
from django.contrib import admin

from records import models
from records.admin.base import ReadOnlyInline


@admin.register(models.Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["iso3", "name_en", "name_fr", "name_zh", "m49", "status"]
    list_filter = ["status"]
    search_fields = ["iso3", "name_en", "name_fr", "name_es", "name_ru", "name_zh", "name_ar", "formal_en"]


@admin.register(models.Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "number", "year"]
    list_filter = ["year"]
    search_fields = ["number"]


class MemberInline(ReadOnlyInline):
    model = models.Member
    fields = ["country", "representative", "is_president"]


class RecordInline(admin.TabularInline):
    model = models.Record
    extra = 0
    fields = ["language", "filename", "status", "job_number", "parser_version", "imported_at"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False


class VoteInline(ReadOnlyInline):
    model = models.Vote
    fields = ["seq", "subject", "draft", "outcome", "resolution", "after_speech"]
    show_change_link = True


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["symbol", "date", "scheduled", "president_country", "status", "council_year"]
    list_filter = ["status", "date", "records__language"]
    search_fields = ["number", "records__agenda_items__text"]
    date_hierarchy = "date"
    autocomplete_fields = ["president_country"]
    inlines = [RecordInline, MemberInline, VoteInline]

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return queryset, True if search_term else may_have_duplicates
