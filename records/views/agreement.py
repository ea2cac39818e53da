"""/votes/agreement/: how often each pair of members voted the same, as a heat map and a ranked list."""
from django.shortcuts import render

from records import agreement
from records.filters import AgreementFilter
from records.models import Vote
from records.views.caching import changes_on_import
from records.views.common import apply_filters


@changes_on_import
def agreement_view(request):
    filtered = apply_filters(request, AgreementFilter, Vote.objects.all())
    members, pairs, count = agreement.agreement(filtered.qs)
    return render(request, "records/agreement.html", {
        **filtered.context(), "members": members, "rows": agreement.matrix(members, pairs),
        "ranked": agreement.ranked(pairs), "vote_count": count,
    }, status=filtered.status)
