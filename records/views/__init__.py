from records.views.countries import country_detail, country_list
from records.views.home import home
from records.views.meetings import meeting_detail, meeting_list, record_file, speech_detail
from records.views.resolutions import resolution_detail, resolution_list
from records.views.speakers import speaker_detail

__all__ = ["home", "meeting_list", "meeting_detail", "speech_detail", "record_file", "country_list",
           "country_detail", "resolution_list", "resolution_detail", "speaker_detail"]
