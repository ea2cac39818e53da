"""The admin: every model browsable, with list columns, filters and search that an archivist uses.

    meetings  States, resolutions, meetings
    records   language versions: upload, re-parse, versions held for review and applied
    derived   read-only rows derived from the files
    harvest   fetching from the UN's document system, and the runs of the worker
"""
from django.contrib import admin

from records.admin import derived, harvest, meetings, records  # noqa: F401  (each registers its models)

admin.site.site_header = "UN Security Council archive: administration"
admin.site.site_title = "UN Security Council archive"
admin.site.index_title = "Records, meetings and harvests"
