"""What the model modules share: remembered URL reversal and the date-range query."""
from functools import lru_cache

from django.db import models
from django.urls import reverse


@lru_cache(maxsize=16384)
def reverse_cached(name, **kwargs):
    """reverse() remembered: a meeting page links every speech, country and speaker, and the URL
    configuration does not change while the process runs."""
    return reverse(name, kwargs=kwargs)


class DatedQuerySet(models.QuerySet):
    """Meetings and speeches carry a date (a speech has its meeting's); votes have their meeting's."""

    date_field = "date"

    def between(self, start=None, end=None):
        qs = self
        if start:
            qs = qs.filter(**{f"{self.date_field}__gte": start})
        if end:
            qs = qs.filter(**{f"{self.date_field}__lte": end})
        return qs
