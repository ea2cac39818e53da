"""A speaker's speeches across meetings."""
from django.shortcuts import get_object_or_404, render

from records.filters import SpeechFilter
from records.models import Speaker, Speech
from records import exports as tables
from records.throttle import throttled
from records.views import exports
from records.views.caching import changes_on_import
from records.views.common import apply_filters, paginate


@throttled("export", applies=exports.wanted)
@changes_on_import
def speaker_detail(request, slug):
    speaker = get_object_or_404(Speaker.objects.select_related("country"), slug=slug)
    # Each turn once, in whichever version carries this speaker first.
    base = (Speech.objects.filter(speaker=speaker).canonical().with_context().newest_first())
    if not base.exists():
        base = Speech.objects.filter(speaker=speaker).with_context().newest_first()
    filtered = apply_filters(request, SpeechFilter, base)
    export = exports.wanted(request)
    if export and filtered.valid:
        return exports.respond(request, tables.SPEECHES, filtered.qs, export, filename=f"speeches-{speaker.pk}")
    return render(request, "records/speaker_detail.html", {
        **filtered.context(), "speaker": speaker, "page": paginate(request, filtered.qs),
    }, status=filtered.status)
