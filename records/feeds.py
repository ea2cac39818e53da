"""Feeds (RSS and Atom) to follow a subject: the newest meetings, filtered as the list is (by
country, cited resolution, agenda words, ...), and the newest speeches matching a search."""
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from records import search
from records.filters import MeetingFilter, SpeechSearchFilter
from records.models import Meeting, Speech

ITEMS = 50
NOT_FILTERS = {"q", "sort", "page", "format"}


class MeetingsFeed(Feed):
    """/meetings/feed/?country=RUS&agenda=Syria: the meetings the list would show, newest first."""

    preset = {}  # filters fixed by the URL (/countries/RUS/feed/)

    def get_object(self, request, **kwargs):
        data = {**request.GET.dict(), **{name: kwargs[name] for name in self.preset if name in kwargs}}
        filterset = MeetingFilter({k: v for k, v in data.items() if k not in NOT_FILTERS} or None,
                                  queryset=Meeting.objects.newest_first())
        self.request = request
        return filterset

    def title(self, filterset):
        chosen = ", ".join(f"{k} {v}" for k, v in (filterset.data or {}).items() if v)
        return "Security Council meetings" + (f": {chosen}" if chosen else "")

    def link(self, filterset):
        return "/meetings/"

    def description(self, filterset):
        return "The newest meetings of the United Nations Security Council in the archive."

    def items(self, filterset):
        if filterset.is_bound and not filterset.is_valid():
            return []
        return filterset.qs.for_listing()[:ITEMS]

    def item_title(self, meeting):
        titles = meeting.agenda_titles
        return f"{meeting.symbol}, {meeting.date:%d %B %Y}" + (f": {titles[0]}" if titles else "")

    def item_description(self, meeting):
        return " | ".join(meeting.agenda_titles)

    def item_pubdate(self, meeting):
        return meeting.created_at

    def item_updateddate(self, meeting):
        return meeting.created_at


class MeetingsAtomFeed(MeetingsFeed):
    feed_type = Atom1Feed
    subtitle = MeetingsFeed.description


class CountryFeed(MeetingsFeed):
    preset = {"country"}

    def get_object(self, request, iso3):
        return super().get_object(request, country=iso3)


class ResolutionFeed(MeetingsFeed):
    preset = {"resolution"}

    def get_object(self, request, number):
        return super().get_object(request, resolution=str(number))


class SearchFeed(Feed):
    """/search/feed/?q=...: the newest speeches matching a search, with its filters."""

    def get_object(self, request):
        text, _ = search.clean_query(request.GET.get("q"))
        data = {k: v for k, v in request.GET.dict().items() if k not in NOT_FILTERS}
        return text, SpeechSearchFilter(data or None, queryset=Speech.objects.all())

    def title(self, obj):
        return f"Security Council speeches: {obj[0] or 'newest'}"

    def link(self, obj):
        return "/search/"

    def description(self, obj):
        return "The newest speeches in the archive matching this search."

    def items(self, obj):
        text, filterset = obj
        if filterset.is_bound and not filterset.is_valid():
            return []
        if not text:
            return filterset.qs.with_context().newest_first()[:ITEMS]
        results = search.search(search.filters_of(filterset), text, "date", 1, per_page=ITEMS, export=True)
        return [] if results.stopwords else results.page.object_list

    def item_title(self, speech):
        return f"{speech.label}, {speech.record.meeting.symbol} ({speech.date:%d %B %Y})"

    def item_description(self, speech):
        return speech.text[:600]

    def item_pubdate(self, speech):
        return speech.record.imported_at


class SearchAtomFeed(SearchFeed):
    feed_type = Atom1Feed
    subtitle = SearchFeed.description
