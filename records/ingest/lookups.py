"""Rows an import refers to, fetched once per import: States and resolutions."""
from records import models
from records.ingest.results import ImportRejected


class Lookups:
    def __init__(self, contract):
        self.contract = contract
        self._countries = None
        self._resolutions = None

    def country(self, iso3):
        if not iso3:
            return None
        if self._countries is None:
            self._countries = models.Country.objects.in_bulk()  # 195 rows, once per import
        if iso3 not in self._countries:
            raise ImportRejected(f"the record names a country code the archive does not know: {iso3}")
        return self._countries[iso3]

    def resolution(self, ref):
        """The Resolution of a ResolutionRef; all those the record names are fetched or made at once."""
        if ref is None:
            return None
        if self._resolutions is None:
            self._resolutions = self._fetch_resolutions()
        return self._resolutions[ref.number]

    def _fetch_resolutions(self):
        # A resolution is known by its number; the first year cited for it is kept.
        years = {}
        for ref in sorted(self.contract.all_resolutions(), key=lambda r: (r.number, r.year)):
            years.setdefault(ref.number, ref.year)
        models.Resolution.objects.bulk_create([models.Resolution(number=n, year=y) for n, y in years.items()],
                                              ignore_conflicts=True)
        return models.Resolution.objects.in_bulk(list(years), field_name="number")


def fit(value, model, field_name):
    """A value cut to its column's length: a garbled overlong name must not cost the whole record."""
    if not value:
        return ""
    return value[: model._meta.get_field(field_name).max_length]
