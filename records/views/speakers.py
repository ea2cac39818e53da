"""Speakers: the index with a search by name in any script, and one person's turns in every language."""
from django.db.models import Count, Exists, Max, Min, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.shortcuts import render

from records import exports as tables
from records.filters import SpeechFilter
from records.models import Person, Speaker, Speech
from records.parsing.lexicon import fold
from records.throttle import throttled
from records.views import exports
from records.views.caching import changes_on_import
from records.views.common import apply_filters, get_or_404, paginate

QUERY_LENGTH = 100


@changes_on_import
def speaker_list(request):
    """/speakers/?q=nebenzia (or 涅边贾, Небензя): people whose names, as any version prints them, contain q."""
    text = (request.GET.get("q") or "").strip()[:QUERY_LENGTH]
    people = Person.objects.select_related("country").annotate(turns=Count("speakers__speeches")).order_by("name")
    if text:
        # EXISTS, not a join: a join on the speakers would multiply the counted turns
        named = Speaker.objects.filter(person=OuterRef("pk"), name__icontains=text)
        people = people.filter(Q(search_text__contains=fold(text)) | Q(Exists(named)))
    return render(request, "records/speaker_list.html", {"q": text, "page": paginate(request, people, per_page=50)})


@throttled("export", applies=exports.wanted)
@changes_on_import
def speaker_detail(request, slug):
    speaker = get_or_404(Speaker.objects.select_related("country", "person"),
                         f"There is no speaker '{slug}' in the archive.", slug=slug)
    person = speaker.person
    # Every turn of the person, in every language version: each version is the same turn in another script.
    base = (Speech.objects.by_person(person) if person else Speech.objects.filter(speaker=speaker))
    base = base.with_context().order_by("-date", "-record__meeting_id", "seq", "record__language")
    filtered = apply_filters(request, SpeechFilter, base)
    export = exports.wanted(request)
    if export and filtered.valid:
        return exports.respond(request, tables.SPEECHES, filtered.qs, export, filename=f"speeches-{speaker.pk}")
    return render(request, "records/speaker_detail.html", {
        **filtered.context(), "speaker": speaker, "person": person,
        "names": person.speakers.order_by("name") if person else [speaker],
        "service": _service(base), "page": paginate(request, filtered.qs),
    }, status=filtered.status)


def _service(speeches):
    """[{country, role, first, last, turns}]: for which State, in which role, over which years."""
    return list(speeches.order_by().values("country__name_en", "role").annotate(
        first=Min(ExtractYear("date")), last=Max(ExtractYear("date")), turns=Count("pk")).order_by("first", "role"))
