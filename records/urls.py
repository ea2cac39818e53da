"""The public URLs. People cite these: keep them stable."""
from django.urls import path, register_converter

from records import feeds, views
from records.throttle import throttled
from records.views.data import data_file, data_page
from records.views.countries import country_ballots
from records.views.search import search_view
from records.views.agreement import agreement_view
from records.views.speakers import speaker_list
from records.views.statistics import statistics_view
from records.views.votes import vote_list


class ISO3Converter:
    regex = "[A-Za-z]{3}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ISO3Converter, "iso3")

app_name = "records"


def meeting_routes(prefix, suffix):
    return [
        path(f"{prefix}/", views.meeting_detail, name=f"meeting{suffix}"),
        path(f"{prefix}/speeches/<int:seq>/", views.speech_detail, name=f"speech{suffix}"),
        path(f"{prefix}/file/<str:language>/", views.record_file, name=f"record-file{suffix}"),
    ]


urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", views.meeting_list, name="meetings"),
    *meeting_routes("meetings/<int:number>", ""),
    *meeting_routes("meetings/<int:number>/r<int:resumption>", "-resumption"),
    path("countries/", views.country_list, name="countries"),
    path("countries/<iso3:iso3>/", views.country_detail, name="country"),
    path("countries/<iso3:iso3>/ballots/", country_ballots, name="country-ballots"),
    path("resolutions/", views.resolution_list, name="resolutions"),
    path("votes/", vote_list, name="votes"),
    path("votes/agreement/", agreement_view, name="agreement"),
    path("statistics/", statistics_view, name="statistics"),
    path("resolutions/<int:number>/", views.resolution_detail, name="resolution"),
    path("speakers/", speaker_list, name="speakers"),
    path("speakers/<str:slug>/", views.speaker_detail, name="speaker"),
    path("search/", search_view, name="search"),
    path("search/feed/", throttled("search")(feeds.SearchFeed()), name="search-feed"),
    path("search/feed/atom/", throttled("search")(feeds.SearchAtomFeed()), name="search-feed-atom"),
    path("meetings/feed/", feeds.MeetingsFeed(), name="meetings-feed"),
    path("meetings/feed/atom/", feeds.MeetingsAtomFeed(), name="meetings-feed-atom"),
    path("feed/", feeds.MeetingsFeed(), name="feed"),
    path("countries/<iso3:iso3>/feed/", feeds.CountryFeed(), name="country-feed"),
    path("resolutions/<int:number>/feed/", feeds.ResolutionFeed(), name="resolution-feed"),
    path("data/", data_page, name="data"),
    path("data/<str:name>", data_file, name="data-file"),
]
