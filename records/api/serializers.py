"""How each object reads in the API. Every object carries `url` (its public page, for people) and
`api_url` (itself, for programs)."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from records import citations, models


@extend_schema_field({"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$", "nullable": True})
class Clock(serializers.TimeField):
    """A time of day as the records print it and the contract writes it: '15:05'."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", read_only=True, allow_null=True, **kwargs)


@extend_schema_field(OpenApiTypes.URI)
class PageUrl(serializers.Field):
    """The object's public page as an absolute URL."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class CountrySerializer(serializers.ModelSerializer):
    url = PageUrl()
    api_url = serializers.HyperlinkedIdentityField(view_name="api:country-detail", lookup_field="iso3")

    class Meta:
        model = models.Country
        fields = ["iso3", "m49", "status", "name_en", "name_fr", "name_es", "name_ru", "name_zh", "name_ar",
                  "url", "api_url"]


class BallotSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.Ballot
        fields = ["country", "position", "veto"]


class VoteSerializer(serializers.ModelSerializer):
    meeting = serializers.CharField(source="meeting.symbol", read_only=True)
    resolution = serializers.IntegerField(source="resolution.number", read_only=True, allow_null=True)
    ballots = BallotSerializer(many=True, read_only=True)
    api_url = serializers.HyperlinkedIdentityField(view_name="api:vote-detail")

    class Meta:
        model = models.Vote
        fields = ["id", "meeting", "seq", "subject", "draft", "outcome", "resolution", "after_speech", "ballots",
                  "api_url"]


class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.Member
        fields = ["country", "representative", "is_president", "names"]


class RecordSerializer(serializers.ModelSerializer):
    meeting = serializers.CharField(source="meeting.symbol", read_only=True)
    file_url = serializers.SerializerMethodField()
    api_url = serializers.HyperlinkedIdentityField(view_name="api:record-detail")
    versions = serializers.SerializerMethodField()

    class Meta:
        model = models.Record
        fields = ["id", "meeting", "language", "status", "job_number", "pages", "sha256", "size", "parser_version",
                  "imported_at", "discrepancies", "file_url", "versions", "api_url"]

    def get_file_url(self, record) -> str | None:
        return self.context["request"].build_absolute_uri(record.get_download_url()) if record.file else None

    def get_versions(self, record) -> list[dict]:
        """Provenance: every version received, where it came from and what became of it."""
        return [{"state": v.state, "sha256": v.sha256, "size": v.size, "received_at": v.received_at,
                 "parser_version": v.parser_version, "source_url": v.source_url or None, "fetched_at": v.fetched_at}
                for v in record.versions.all()]


class MeetingSerializer(serializers.ModelSerializer):
    url = PageUrl()
    api_url = serializers.HyperlinkedIdentityField(view_name="api:meeting-detail")
    president = serializers.CharField(source="president_country_id", read_only=True, allow_null=True)
    scheduled, opened, closed = Clock(), Clock(), Clock()
    languages = serializers.ListField(child=serializers.CharField(), read_only=True)
    agenda = serializers.ListField(source="agenda_titles", child=serializers.CharField(), read_only=True)
    members = MemberSerializer(many=True, read_only=True)
    votes = VoteSerializer(many=True, read_only=True)

    class Meta:
        model = models.Meeting
        fields = ["id", "symbol", "number", "resumption", "date", "scheduled", "opened", "closed", "place",
                  "council_year", "status", "president", "languages", "agenda", "members", "votes", "url", "api_url"]


class SpeechSerializer(serializers.ModelSerializer):
    url = PageUrl()
    api_url = serializers.HyperlinkedIdentityField(view_name="api:speech-detail")
    meeting = serializers.CharField(source="record.meeting.symbol", read_only=True)
    language = serializers.CharField(source="record.language", read_only=True)
    speaker = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    citation = serializers.SerializerMethodField()

    class Meta:
        model = models.Speech
        fields = ["id", "meeting", "date", "language", "seq", "label", "name", "speaker", "country", "organization",
                  "role", "national_capacity", "spoken_language", "page", "text", "citation", "url", "api_url"]

    def get_citation(self, speech) -> str:
        return citations.plain(citations.for_speech(speech, self.context["request"].build_absolute_uri))


class SearchResultSerializer(SpeechSerializer):
    snippet = serializers.CharField(read_only=True, help_text="HTML: the matched words in <mark>")

    class Meta(SpeechSerializer.Meta):
        fields = [f for f in SpeechSerializer.Meta.fields if f != "text"] + ["snippet"]


class ResolutionSerializer(serializers.ModelSerializer):
    url = PageUrl()
    api_url = serializers.HyperlinkedIdentityField(view_name="api:resolution-detail", lookup_field="number")
    adopted_at = serializers.SerializerMethodField()

    class Meta:
        model = models.Resolution
        fields = ["number", "year", "symbol", "adopted_at", "url", "api_url"]

    def get_adopted_at(self, resolution) -> list[dict]:
        return [{"meeting": v.meeting.symbol, "vote": v.seq, "outcome": v.outcome}
                for v in resolution.adopting_votes.all()]


class SpeakerSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(read_only=True, help_text="letters of any script, digits and hyphens")
    url = PageUrl()
    api_url = serializers.HyperlinkedIdentityField(view_name="api:speaker-detail", lookup_field="slug")

    class Meta:
        model = models.Speaker
        fields = ["slug", "name", "country", "organization", "url", "api_url"]
