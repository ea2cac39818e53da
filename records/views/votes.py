"""/votes/: every vote in the archive, filtered and sorted, with exports."""
from django.shortcuts import render

from records import explanations
from records import exports as tables
from records.filters import VoteFilter
from records.models import Vote
from records.throttle import throttled
from records.views import exports
from records.views.caching import changes_on_import
from records.views.common import apply_filters, paginate


@throttled("export", applies=exports.wanted)
@changes_on_import
def vote_list(request):
    filtered = apply_filters(request, VoteFilter, Vote.objects.newest_first())
    votes = filtered.qs.for_listing()
    export = exports.wanted(request)
    if export and filtered.valid:
        return exports.respond(request, tables.VOTES, votes, export)
    page = paginate(request, votes)
    page.object_list = explanations.attach(page.object_list)
    return render(request, "records/vote_list.html", {**filtered.context(), "page": page}, status=filtered.status)
