"""Reference tables: the States and the resolutions that records name."""
from django.db import models
from django.db.models import Q

from records import languages
from records.parsing.countries import name_in as historical_name
from records.models.base import reverse_cached
from records.models.choices import CountryStatus


class Country(models.Model):
    iso3 = models.CharField(max_length=3, primary_key=True)
    m49 = models.PositiveSmallIntegerField(unique=True)
    status = models.CharField(max_length=8, choices=CountryStatus.choices)
    name_en = models.CharField("name (English)", max_length=120)
    name_fr = models.CharField("name (French)", max_length=120)
    name_es = models.CharField("name (Spanish)", max_length=120)
    name_ru = models.CharField("name (Russian)", max_length=120)
    name_zh = models.CharField("name (Chinese)", max_length=120)
    name_ar = models.CharField("name (Arabic)", max_length=120)
    formal_en = models.CharField("formal name (English)", max_length=200)
    formal_fr = models.CharField("formal name (French)", max_length=200)
    formal_es = models.CharField("formal name (Spanish)", max_length=200)
    formal_ru = models.CharField("formal name (Russian)", max_length=200)
    formal_zh = models.CharField("formal name (Chinese)", max_length=200)
    formal_ar = models.CharField("formal name (Arabic)", max_length=200)
    # Former States (the USSR, Yugoslavia): the years they were Members, and who continued them.
    existed_from = models.PositiveSmallIntegerField(null=True, blank=True)
    existed_until = models.PositiveSmallIntegerField(null=True, blank=True)
    successors = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="predecessors")
    note = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "countries"
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(condition=Q(iso3__regex=r"^[A-Z]{3}$"), name="country_iso3_format"),
            models.CheckConstraint(condition=Q(status__in=CountryStatus.values), name="country_status_valid"),
            models.CheckConstraint(condition=Q(existed_until__isnull=True) | Q(existed_from__lte=models.F("existed_until")),
                                   name="country_existed_in_order"),
        ]

    def __str__(self):
        return self.name_en

    def name(self, language=languages.PREFERRED):
        return getattr(self, f"name_{language}", None) or self.name_en

    def other_names(self):
        """[(Language, name)] in the official languages other than the site's, for the State's page."""
        return [(language, self.name(code)) for code, language in languages.OFFICIAL.items()
                if code != languages.PREFERRED]

    def get_absolute_url(self):
        return reverse_cached("records:country", iso3=self.iso3)

    @property
    def is_former(self):
        return self.status == CountryStatus.FORMER

    def name_in(self, year, language=languages.PREFERRED):
        """The name the records of that year gave the State ('Zaire' in 1995), else today's: from the
        registry of former names (records/parsing/data/former_states.json), no query."""
        return historical_name(self.iso3, year, language) or self.name(language)


class FormerName(models.Model):
    """A name a State bore and the records printed: 'the former Yugoslav Republic of Macedonia', 1993-2019."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="former_names")
    start = models.PositiveSmallIntegerField()
    end = models.PositiveSmallIntegerField()
    name_en = models.CharField(max_length=120)
    name_fr = models.CharField(max_length=120)
    name_es = models.CharField(max_length=120)
    name_ru = models.CharField(max_length=120)
    name_zh = models.CharField(max_length=120)
    name_ar = models.CharField(max_length=120)

    class Meta:
        ordering = ["country", "start"]
        constraints = [
            models.UniqueConstraint(fields=["country", "start"], name="former_name_unique_start"),
            models.CheckConstraint(condition=Q(start__lte=models.F("end")), name="former_name_in_order"),
        ]

    def __str__(self):
        return f"{self.name_en} ({self.start}-{self.end})"

    def name(self, language=languages.PREFERRED):
        return getattr(self, f"name_{language}", None) or self.name_en


class ResolutionQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(year=year)


class Resolution(models.Model):
    number = models.PositiveIntegerField(unique=True)
    year = models.PositiveSmallIntegerField()

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]

    def __str__(self):
        return f"{self.number} ({self.year})"

    @property
    def symbol(self) -> str:
        return f"S/RES/{self.number}({self.year})"

    def get_absolute_url(self):
        return reverse_cached("records:resolution", number=self.number)
