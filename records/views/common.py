"""What the list pages share: pagination and the list of active filters."""
from urllib.parse import urlencode

from django.core.paginator import Paginator

PER_PAGE = 25
CONTROL_PARAMETERS = {"page", "format"}


def paginate(request, queryset, per_page=PER_PAGE):
    """A page of results; out-of-range or malformed page numbers give the nearest page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def active_filters(request, filterset):
    """[{label, value, remove_url}] for each filter in use, so each can be removed on its own."""
    if filterset is None or not filterset.is_bound:
        return []
    out = []
    data = request.GET
    for name, field in filterset.form.fields.items():
        value = data.get(name)
        if not value or name == "sort":
            continue
        display = dict(getattr(field, "choices", [])).get(value, value) if hasattr(field, "choices") else value
        rest = [(k, v) for k, v in data.items() if k != name and k not in CONTROL_PARAMETERS]
        out.append({"label": field.label, "value": display, "remove_url": "?" + urlencode(rest)})
    return out


def query_without_page(request):
    """The current query string without the page number, for building page and export links."""
    return urlencode([(k, v) for k, v in request.GET.items() if k not in CONTROL_PARAMETERS])
