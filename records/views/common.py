"""What the list pages share: pagination and the list of active filters."""
from urllib.parse import urlencode

from records.pagination import paginate  # noqa: F401  (the list views' one way to paginate)

CONTROL_PARAMETERS = {"page", "format"}


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
