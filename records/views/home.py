"""The home page: the archive's holdings (kept per import) and the latest meetings."""
import datetime

from django.shortcuts import render

from records import totals
from records.models import Meeting
from records.views.caching import changes_on_import


@changes_on_import
def home(request):
    held = dict(totals.holdings())
    for key in ("first_date", "last_date"):
        held[key] = datetime.date.fromisoformat(held[key]) if held[key] else None
    return render(request, "records/home.html", {
        **held, "latest": Meeting.objects.newest_first().for_listing()[:10],
    })
