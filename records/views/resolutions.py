"""Resolutions: the list, and one resolution with its adoption and the meetings citing it."""
from django.db.models import Count, F, Prefetch
from django.shortcuts import render

from records.filters import ResolutionFilter
from records import explanations
from records.models import AgendaItem, Ballot, Meeting, Resolution, ResolutionMention, Speech, Vote
from records import exports as tables
from records.throttle import throttled
from records.views import exports
from records.views.caching import changes_on_import
from records.views.common import apply_filters, get_or_404, paginate


CITING_SHOWN = 20  # the latest; /search/?resolution=N lists them all


def _adopting_votes():
    """Votes with their meeting and the agenda of the version the meeting's facts come from."""
    return Vote.objects.for_listing().select_related("meeting__source").prefetch_related(
        Prefetch("meeting__source__agenda_items", queryset=AgendaItem.objects.order_by("position")))


@throttled("export", applies=exports.wanted)
@changes_on_import
def resolution_list(request):
    resolutions = Resolution.objects.annotate(
        meeting_count=Count("mentions__record__meeting", distinct=True),  # adopting meetings cite it too
    ).prefetch_related(Prefetch("adopting_votes", queryset=_adopting_votes()))
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
    resolution = get_or_404(Resolution.objects, f"Resolution {number} is neither adopted nor cited in the archive's "
                            "records.", number=number)
    export = exports.wanted(request)
    if export:  # the ballots of the votes that adopted it
        ballots = Ballot.objects.filter(vote__resolution=resolution).select_related(
            "vote__meeting", "vote__resolution").order_by("vote__meeting__date", "vote__seq", "country_id")
        return exports.respond(request, tables.BALLOTS, ballots, export, filename=f"votes-resolution-{number}")
    votes = explanations.attach(_adopting_votes().filter(resolution=resolution))
    adopted_at = [vote.meeting_id for vote in votes]
    shown, count = _citing_speeches(resolution, adopted_at)
    citing = Meeting.objects.citing(number).exclude(pk__in=adopted_at).oldest_first().for_listing()
    return render(request, "records/resolution_detail.html", {
        "resolution": resolution,
        "votes": votes,
        "explanation_rule": explanations.RULE,
        "citing_speeches": shown,
        "citing_speech_count": count,
        "citing": paginate(request, citing),
    })


def _citing_speeches(resolution, adopted_at):
    """The latest speeches citing it (each turn once) and their number, read from its mentions: the
    planner then starts from the resolution's mentions, not from every speech."""
    mentions = (ResolutionMention.objects.filter(resolution=resolution, speech__isnull=False,
                                                 record=F("record__meeting__source"))
                .exclude(record__meeting__in=adopted_at))
    latest = list(mentions.order_by("-speech__date", "-speech__record_id", "speech__seq")
                  .values_list("speech_id", flat=True)[:CITING_SHOWN])
    speeches = Speech.objects.filter(pk__in=latest).with_context().order_by("-date", "-record_id", "seq")
    return list(speeches), mentions.count()
