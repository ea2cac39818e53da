"""Pages of results: tolerant of any page number, and able to take a count it is told."""
from django.core.paginator import Paginator

PER_PAGE = 25


class CountedPaginator(Paginator):
    """A paginator told its count, for results too large to count exactly."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self):
        return self._known_count


def paginate(request, queryset, per_page=PER_PAGE):
    """A page of results; out-of-range or malformed page numbers give the nearest page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
