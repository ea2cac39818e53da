"""The rows derived from record files: seating, speeches, votes, ballots, citations. Read-only: a
re-parse would overwrite any edit."""
from django.contrib import admin

from records import models
from records.admin.base import ReadOnly, ReadOnlyInline


@admin.register(models.Member)
class MemberAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["meeting", "country", "representative", "is_president"]
    list_filter = ["is_president", "country"]
    search_fields = ["representative", "country__name_en", "meeting__number"]
    raw_id_fields = ["meeting"]
    autocomplete_fields = ["country"]


@admin.register(models.Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "organization", "slug"]
    search_fields = ["name", "slug", "organization"]
    autocomplete_fields = ["country"]


@admin.register(models.Speech)
class SpeechAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["record", "seq", "label", "role", "country", "spoken_language", "national_capacity"]
    list_filter = ["role", "spoken_language", "record__language", "national_capacity"]
    search_fields = ["label", "name", "text"]
    raw_id_fields = ["record", "speaker"]
    autocomplete_fields = ["country"]
    list_select_related = ["record__meeting", "country"]


class BallotInline(ReadOnlyInline):
    model = models.Ballot
    fields = ["country", "position", "veto"]


@admin.register(models.Vote)
class VoteAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["meeting", "seq", "subject", "draft", "outcome", "resolution"]
    list_filter = ["subject", "outcome"]
    search_fields = ["draft", "meeting__number", "resolution__number"]
    raw_id_fields = ["meeting", "resolution"]
    inlines = [BallotInline]


@admin.register(models.Ballot)
class BallotAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["vote", "country", "position", "veto"]
    list_filter = ["position", "veto"]
    search_fields = ["country__name_en", "vote__meeting__number"]
    raw_id_fields = ["vote"]
    autocomplete_fields = ["country"]


@admin.register(models.ResolutionMention)
class ResolutionMentionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["resolution", "record", "speech"]
    search_fields = ["resolution__number"]
    raw_id_fields = ["record", "speech", "resolution"]


@admin.register(models.DocumentMention)
class DocumentMentionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["symbol", "record", "speech"]
    search_fields = ["symbol"]
    raw_id_fields = ["record", "speech"]
