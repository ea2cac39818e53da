"""A speaker's speeches across meetings."""
from django.shortcuts import get_object_or_404, render

from records.filters import SpeechFilter
from records.models import Speaker, Speech
from records.views.caching import changes_on_import
from records.views.common import apply_filters, paginate


@changes_on_import
def speaker_detail(request, slug):
    speaker = get_object_or_404(Speaker.objects.select_related("country"), slug=slug)
    # Each turn once, in whichever version carries this speaker first.
    base = (Speech.objects.filter(speaker=speaker).canonical().with_context().newest_first())
    if not base.exists():
        base = Speech.objects.filter(speaker=speaker).with_context().newest_first()
    filtered = apply_filters(request, SpeechFilter, base)
    return render(request, "records/speaker_detail.html", {
        **filtered.context(), "speaker": speaker, "page": paginate(request, filtered.qs),
    }, status=filtered.status)
