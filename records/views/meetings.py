"""Meetings: the filtered list (with CSV and JSON), one meeting, one speech in every language, the file."""
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject

from records.filters import MeetingFilter
from records import citations, contents, explanations, languages
from records import exports as tables
from records.models import Meeting, Record, Resolution, Speech, UnreadableVersion
from records.models.choices import Role
from records.parsing.model import meeting_symbol
from records.throttle import throttled
from records.views import exports
from records.views.caching import changes_on_import
from records.views.common import apply_filters, get_or_404, paginate


@throttled("export", applies=lambda request: request.GET.get("format") in exports.FORMATS)
@changes_on_import
def meeting_list(request):
    filtered = apply_filters(request, MeetingFilter, Meeting.objects.newest_first())
    meetings = filtered.qs.for_listing()
    export = exports.wanted(request)
    if export == "json" and filtered.valid:  # with every vote and its ballots
        with_votes = meetings.prefetch_related("votes__ballots", "votes__resolution")
        return exports.respond(request, tables.MEETINGS, with_votes, export, columns=[*tables.MEETINGS.columns,
                                                                                      "ballots"],
                               extra=lambda m: {"ballots": [tables.VOTES.row(v, request.build_absolute_uri)
                                                            for v in m.votes.all()]})
    if export and filtered.valid:
        return exports.respond(request, tables.MEETINGS, meetings, export)
    return render(request, "records/meeting_list.html", {**filtered.context(), "page": paginate(request, meetings)},
                  status=filtered.status)


def _meeting(number, resumption):
    queryset = (Meeting.objects.select_related("president_country", "source").defer("source__contract")
                .prefetch_related(Prefetch("records", queryset=Record.objects.defer("contract"))))
    return get_or_404(queryset, f"There is no meeting {meeting_symbol(number, resumption)} in the archive.",
                      number=number, resumption=resumption)


@changes_on_import
def meeting_detail(request, number, resumption=None):
    meeting = _meeting(number, resumption)
    asked = (request.GET.get("lang") or "").lower() or None
    record = meeting.display_record(asked, browser=languages.accepted(request.headers.get("Accept-Language", "")))
    if record is None:
        raise Http404("This meeting has no record yet.")
    citation = citations.for_meeting(meeting, record, request.build_absolute_uri)
    if request.GET.get("format") in CITATION_FORMATS:
        return citation_file(citation, request.GET["format"])
    # Read once, and only when the page's transcript is not in the fragment cache.
    speeches = SimpleLazyObject(lambda: list(record.speeches.select_related("country", "speaker").order_by("seq")))
    votes = explanations.attach(meeting.votes.for_listing().order_by("seq"), speeches=_explaining(record))
    response = render(request, "records/meeting_detail.html", {
        "meeting": meeting,
        "record": record,
        "records": sorted(meeting.records.all(), key=lambda r: r.language),
        "unknown_language": asked if asked and asked != record.language else None,
        "agenda": record.agenda_items.all(),
        "members": _members(meeting, record.language),
        "transcript": transcript(speeches, votes),  # read only when the rendered fragment is not cached
        "contents": SimpleLazyObject(lambda: contents.contents(transcript(speeches, votes))),
        "states": SimpleLazyObject(lambda: contents.states(speeches)),
        "speech_count": record.speeches.count(),
        "votes": votes,
        "resolutions": Resolution.objects.filter(mentions__record=record).distinct().order_by("number"),
        "documents": record.document_mentions.order_by("symbol").values_list("symbol", flat=True).distinct(),
        "parts": Meeting.objects.filter(number=meeting.number).order_by("resumption"),
        "unreadable": UnreadableVersion.objects.filter(meeting_number=meeting.number, resumption=meeting.resumption)
        .exclude(language__in=meeting.languages).order_by("language").distinct("language"),
        **citation_context(citation),
    })
    patch_vary_headers(response, ["Accept-Language"])  # without ?lang=, the reader's language chooses
    return response


def _explaining(record):
    """The turns that can explain a vote, without their text: the vote blocks link to them."""
    return (record.speeches.filter(role__in=[Role.MEMBER, Role.PRESIDENT]).select_related("country", "record")
            .only("seq", "role", "national_capacity", "label", "record__meeting_id", "record__language",
                  "country__iso3", "country__name_en"))


def _members(meeting, language):
    members = list(meeting.members.select_related("country"))
    for member in members:
        member.display_name = member.name_in(language)
    return members


@changes_on_import
def speech_detail(request, number, seq, resumption=None):
    meeting = _meeting(number, resumption)
    versions = list(Speech.objects.filter(record__meeting=meeting, seq=seq)
                    .with_context().order_by("record__language"))
    if not versions:
        raise Http404("No such speech in this meeting.")
    # Cited in the site's language where that version exists, else in the first imported one.
    main = next((v for v in versions if v.record.language == languages.PREFERRED), None) or \
        next((v for v in versions if v.record_id == meeting.source_id), versions[0])
    citation = citations.for_speech(main, request.build_absolute_uri)
    if request.GET.get("format") in CITATION_FORMATS:
        return citation_file(citation, request.GET["format"])
    return render(request, "records/speech_detail.html", {
        **citation_context(citation),
        "meeting": meeting,
        "speech": main,
        "versions": versions,
        "previous": _speech_url(meeting, seq - 1) if seq > 1 else None,
        "next": _speech_url(meeting, seq + 1) if Speech.objects.filter(record=main.record, seq=seq + 1).exists()
        else None,
    })


def _speech_url(meeting, seq):
    return reverse(meeting.route("speech"), kwargs={**meeting.url_kwargs(), "seq": seq})


def record_file(request, number, language, resumption=None):
    record = get_or_404(Record.objects.select_related("meeting"),
                        f"The archive has no {languages.name(language)} version of {meeting_symbol(number, resumption)}.",
                        meeting__number=number,
                               meeting__resumption=resumption, language=language)
    try:
        handle = record.file.open("rb")
    except (OSError, ValueError):
        raise Http404("The original file of this record is not available.") from None
    return FileResponse(handle, as_attachment=True, filename=record.filename)


CITATION_FORMATS = {"bibtex", "ris", "csl-json"}


def citation_context(citation):
    return {"citation": citation, "cite_plain": citations.plain(citation), "cite_bibtex": citations.bibtex(citation),
            "cite_ris": citations.ris(citation), "cite_meta": citations.meta_tags(citation)}


def citation_file(citation, style):
    """The citation as a file a reference manager imports: BibTeX, RIS or CSL-JSON."""
    if style == "csl-json":
        return JsonResponse([citations.csl_json(citation)], safe=False, json_dumps_params={"ensure_ascii": False})
    content_type, extension, write = citations.STYLES[style]
    response = HttpResponse(write(citation), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{citation.key}.{extension}"'
    return response


def transcript(speeches, votes):
    """("speech", s) and ("vote", v) in the order of the meeting: each vote after the speech it follows."""
    after = {}
    for vote in votes:
        after.setdefault(vote.after_speech, []).append(vote)
    yield from (("vote", vote) for vote in after.pop(None, []))
    for speech in speeches:
        yield "speech", speech
        yield from (("vote", vote) for vote in after.pop(speech.seq, []))
    for remaining in after.values():  # a vote after a turn this version does not have
        yield from (("vote", vote) for vote in remaining)
