"""What the list pages share: one way to apply a FilterSet, pagination, the active filters."""
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404

from records.pagination import paginate  # noqa: F401  (the list views' one way to paginate)

CONTROL_PARAMETERS = {"page", "format"}


@dataclass
class Filtered:
    """A FilterSet applied to a request: the rows if its values are valid, else none (status 400)."""

    filterset: object
    valid: bool
    qs: object
    active: list  # [{label, value, remove_url}]
    query: str  # the query string without the page, for page and export links

    @property
    def status(self):
        return 200 if self.valid else 400

    def context(self):
        return {"filter": self.filterset, "active": self.active, "query": self.query}


def apply_filters(request, filterset_class, queryset, data=None):
    """Bind the FilterSet to the request's parameters (or to `data`), validate it, and say what is active."""
    data = request.GET if data is None else data
    filterset = filterset_class(data or None, queryset=queryset)
    valid = not filterset.is_bound or filterset.is_valid()
    return Filtered(filterset=filterset, valid=valid, qs=filterset.qs if valid else queryset.none(),
                    active=active_filters(request, filterset) if valid else [], query=query_without_page(request))


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


def get_or_404(queryset, message, **lookup):
    """The one object, or a 404 whose page says what was asked for (not "No Meeting matches the given query")."""
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404(message) from None
