"""Resolutions: the list, and one resolution with its adoption and the meetings citing it."""
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render

from records.filters import ResolutionFilter
from records.models import Ballot, Meeting, Resolution, Speech, Vote
from records import exports as tables
from records.throttle import throttled
from records.views import exports
from records.views.caching import changes_on_import
from records.views.common import apply_filters, paginate


@throttled("export", applies=exports.wanted)
@changes_on_import
def resolution_list(request):
    resolutions = Resolution.objects.annotate(
        meeting_count=Count("mentions__record__meeting", distinct=True),  # adopting meetings cite it too
    ).prefetch_related(Prefetch("adopting_votes", queryset=Vote.objects.select_related("meeting")))
    filtered = apply_filters(request, ResolutionFilter, resolutions.order_by("-number"))
    export = exports.wanted(request)
    if export and filtered.valid:
        return exports.respond(request, tables.RESOLUTIONS, filtered.qs, export)
    year = filtered.filterset.form.cleaned_data.get("year") if filtered.valid and filtered.filterset.is_bound else ""
    return render(request, "records/resolution_list.html", {
        **filtered.context(), "page": paginate(request, filtered.qs, per_page=50), "year": year or "",
    }, status=filtered.status)


@throttled("export", applies=exports.wanted)
@changes_on_import
def resolution_detail(request, number):
    resolution = get_object_or_404(Resolution, number=number)
    export = exports.wanted(request)
    if export:  # the ballots of the votes that adopted it
        ballots = Ballot.objects.filter(vote__resolution=resolution).select_related(
            "vote__meeting", "vote__resolution").order_by("vote__meeting__date", "vote__seq", "country_id")
        return exports.respond(request, tables.BALLOTS, ballots, export, filename=f"votes-resolution-{number}")
    votes = list(resolution.adopting_votes.select_related("meeting").prefetch_related(
        Prefetch("ballots", queryset=Ballot.objects.select_related("country").order_by("country__name_en"))))
    adopted_at = [vote.meeting_id for vote in votes]
    speeches = (Speech.objects.canonical().filter(record__meeting__in=adopted_at)
                .select_related("country", "record__meeting").order_by("seq"))
    citing = Meeting.objects.citing(number).oldest_first().for_listing()
    return render(request, "records/resolution_detail.html", {
        "resolution": resolution,
        "votes": votes,
        "speeches": speeches,
        "citing": paginate(request, citing),
    })
