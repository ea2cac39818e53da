"""Read-only endpoints. Filters are the pages' FilterSets (django-filter's DRF backend), the
querysets the pages' chainable methods, search the pages' search."""
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers as drf_serializers
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from records import filters, models, search
from records.api import serializers


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class ReadOnly(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    filter_backends = [DjangoFilterBackend]


class MeetingViewSet(ReadOnly):
    """Meetings, newest first, with their members, agenda and votes; the filters of /meetings/."""

    queryset = models.Meeting.objects.newest_first().for_listing().prefetch_related(
        "members", "votes__ballots", "votes__resolution")
    serializer_class = serializers.MeetingSerializer
    filterset_class = filters.MeetingFilter


class RecordViewSet(ReadOnly):
    """Language versions of meetings, with their provenance."""

    queryset = models.Record.objects.select_related("meeting").prefetch_related("versions").order_by("-id")
    serializer_class = serializers.RecordSerializer
    filterset_class = filters.RecordFilter


class SpeechViewSet(ReadOnly):
    """Speeches (turns), newest first; the filters of /search/."""

    queryset = models.Speech.objects.with_context().newest_first()
    serializer_class = serializers.SpeechSerializer
    filterset_class = filters.SpeechSearchFilter


class VoteViewSet(ReadOnly):
    """Votes with every ballot."""

    queryset = models.Vote.objects.select_related("meeting", "resolution").prefetch_related("ballots").order_by(
        "-meeting__date", "-meeting__number", "seq")
    serializer_class = serializers.VoteSerializer
    filterset_class = filters.VoteFilter


class CountryViewSet(ReadOnly):
    queryset = models.Country.objects.order_by("name_en")
    serializer_class = serializers.CountrySerializer
    lookup_field = "iso3"


class ResolutionViewSet(ReadOnly):
    """Resolutions with the votes that adopted them; the filters of /resolutions/."""

    queryset = models.Resolution.objects.prefetch_related("adopting_votes__meeting").order_by("-number")
    serializer_class = serializers.ResolutionSerializer
    filterset_class = filters.ResolutionFilter
    lookup_field = "number"


class SpeakerViewSet(ReadOnly):
    queryset = models.Speaker.objects.order_by("name", "slug")
    serializer_class = serializers.SpeakerSerializer
    lookup_field = "slug"


class SearchResults(drf_serializers.Serializer):
    count = drf_serializers.IntegerField(allow_null=True)
    estimated = drf_serializers.BooleanField()
    page = drf_serializers.IntegerField()
    pages = drf_serializers.IntegerField(allow_null=True)
    results = serializers.SearchResultSerializer(many=True)


class SearchView(APIView):
    """Full-text search: the same engine, filters and ranking as /search/."""

    @extend_schema(parameters=[
        OpenApiParameter("q", OpenApiTypes.STR, required=True, description="web syntax: \"phrase\", OR, -word"),
        OpenApiParameter("sort", OpenApiTypes.STR, enum=list(search.SORTS)),
        OpenApiParameter("page", OpenApiTypes.INT),
    ], responses=SearchResults)
    def get(self, request):
        text, _ = search.clean_query(request.query_params.get("q"))
        if not text:
            raise ValidationError({"q": "Give the words to search for."})
        sort = request.query_params.get("sort", "relevance")
        if sort not in search.SORTS:
            raise ValidationError({"sort": f"One of {', '.join(search.SORTS)}."})
        data = request.query_params.copy()
        for key in ("q", "sort", "page", "format"):
            data.pop(key, None)
        filterset = filters.SpeechSearchFilter(data or None, queryset=models.Speech.objects.all())
        if filterset.is_bound and not filterset.is_valid():
            raise ValidationError(filterset.errors)
        results = search.search(search.filters_of(filterset), text, sort, request.query_params.get("page"))
        if results.stopwords:
            raise ValidationError({"q": "Only words too common to search for in the languages searched."})
        page = results.page
        return Response({
            "count": page.paginator.count, "estimated": False, "page": page.number,
            "pages": page.paginator.num_pages,
            "results": serializers.SearchResultSerializer(page.object_list, many=True,
                                                          context={"request": request}).data,
        })
