"""A speaker's speeches across meetings."""
from django.shortcuts import get_object_or_404, render

from records.filters import SpeechFilter
from records.models import Speaker, Speech
from records.views.common import active_filters, paginate, query_without_page


def speaker_detail(request, slug):
    speaker = get_object_or_404(Speaker.objects.select_related("country"), slug=slug)
    # Each turn once, in whichever version carries this speaker first.
    base = (Speech.objects.filter(speaker=speaker).canonical().with_context().newest_first())
    if not base.exists():
        base = Speech.objects.filter(speaker=speaker).with_context().newest_first()
    filterset = SpeechFilter(request.GET or None, queryset=base)
    valid = not filterset.is_bound or filterset.is_valid()
    return render(request, "records/speaker_detail.html", {
        "speaker": speaker,
        "filter": filterset,
        "page": paginate(request, filterset.qs if valid else base.none()),
        "active": active_filters(request, filterset) if valid else [],
        "query": query_without_page(request),
    }, status=200 if valid else 400)
