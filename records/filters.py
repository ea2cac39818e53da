"""FilterSets for the public lists. Each filter calls one chainable QuerySet method."""
import django_filters
from django import forms
from records import languages
from records.models import (VOTE_OUTCOMES, Country, Meeting, Position, Record, Resolution, Role, Speech, Subject,
                            Vote)
from records.parsing.countries import index_for
from records.parsing.lexicon import LEXICONS

ANY_VOTE = "any"
PROCEDURAL_SUBJECTS = [Subject.PROCEDURAL, Subject.AGENDA]
VOTE_CHOICES = [(ANY_VOTE, "any vote"), *VOTE_OUTCOMES]
SORT_CHOICES = [("newest", "newest first"), ("oldest", "oldest first")]
MAX_INT = 2**31 - 1  # the database's integer: larger numbers match nothing and are refused as input


class CountryField(forms.CharField):
    """A State by its ISO3 code ('CHN') or its name in any of the six languages ('China', '中国')."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        if Country.objects.filter(iso3=value.upper()).exists():
            return value.upper()
        for lexicon in LEXICONS.values():
            iso3 = index_for(lexicon.code).resolve(value)
            if iso3:
                return iso3
        # The value goes in as a parameter: a '%' in it must not be read as a placeholder.
        raise forms.ValidationError("No State is called %(value)s: use its name or its three-letter code, "
                                    "such as CHN (see Countries).", params={"value": repr(value)})


class WordsField(forms.CharField):
    """Words to find, each once, at most MAX_WORDS of them: every word is one more scan of the agenda."""

    MAX_WORDS = 8

    def clean(self, value):
        value = super().clean(value)
        words = list(dict.fromkeys(value.split())) if value else []
        if len(words) > self.MAX_WORDS:
            raise forms.ValidationError(f"At most {self.MAX_WORDS} different words, please.")
        return " ".join(words)


class WordsFilter(django_filters.CharFilter):
    field_class = WordsField


class CountryCodeFilter(django_filters.CharFilter):
    field_class = CountryField


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class DateRangeForm(forms.Form):
    def clean(self):
        data = super().clean()
        if data.get("date_after") and data.get("date_before") and data["date_after"] > data["date_before"]:
            raise forms.ValidationError("The date From comes after the date Until.")
        return data


class DateRangeFilterSet(django_filters.FilterSet):
    """From and Until, on querysets with between() (meetings, speeches, votes)."""

    date_after = django_filters.DateFilter(label="From", method="filter_after",
                                           widget=forms.DateInput(attrs={"type": "date"}))
    date_before = django_filters.DateFilter(label="Until", method="filter_before",
                                            widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        form = DateRangeForm

    def filter_after(self, qs, name, value):
        return qs.between(start=value)

    def filter_before(self, qs, name, value):
        return qs.between(end=value)


def number_filter(label, method, **bounds):
    bounds.setdefault("min_value", 1)
    bounds.setdefault("max_value", MAX_INT)
    return IntegerFilter(label=label, method=method, **bounds)


class MeetingFilter(DateRangeFilterSet):
    year = number_filter("Year", "filter_year", min_value=1946, max_value=2100)
    country = CountryCodeFilter(label="Country (name or ISO3 code)", method="filter_country")
    resolution = number_filter("Resolution number", "filter_resolution")
    agenda = WordsFilter(label="Agenda words", method="filter_agenda", max_length=200)
    language = django_filters.ChoiceFilter(label="Language", choices=languages.CHOICES, method="filter_language",
                                           empty_label="any language")
    vote = django_filters.ChoiceFilter(label="Votes", choices=VOTE_CHOICES, method="filter_vote",
                                       empty_label="with or without votes")
    sort = django_filters.ChoiceFilter(label="Order", choices=SORT_CHOICES, method="filter_sort", empty_label=None)

    class Meta(DateRangeFilterSet.Meta):
        model = Meeting
        fields = []

    def filter_year(self, qs, name, value):
        return qs.in_year(int(value))

    def filter_country(self, qs, name, value):
        return qs.for_country(value)

    def filter_resolution(self, qs, name, value):
        return qs.citing(int(value))

    def filter_agenda(self, qs, name, value):
        return qs.on_agenda(value.split())

    def filter_language(self, qs, name, value):
        return qs.in_language(value)

    def filter_vote(self, qs, name, value):
        return qs.with_vote(None if value == ANY_VOTE else value)

    def filter_sort(self, qs, name, value):
        return qs.oldest_first() if value == "oldest" else qs.newest_first()


class SpeechFilter(DateRangeFilterSet):
    """A country's or a speaker's speeches, narrowed by date and by a resolution they cite."""

    resolution = number_filter("Citing resolution", "filter_resolution")

    class Meta(DateRangeFilterSet.Meta):
        model = Speech
        fields = []

    def filter_resolution(self, qs, name, value):
        return qs.citing(int(value))


class SpeechSearchFilter(SpeechFilter):
    """The filters that narrow a full-text search; the query itself is handled by records.search."""

    country = CountryCodeFilter(label="Country (name or ISO3 code)", method="filter_country")
    role = django_filters.ChoiceFilter(label="Role", choices=Role.choices, method="filter_role", empty_label="any role")
    language = django_filters.ChoiceFilter(label="Language", choices=languages.CHOICES, method="filter_language",
                                           empty_label="any language")
    meeting = number_filter("Meeting number", "filter_meeting")

    def filter_country(self, qs, name, value):
        return qs.by_country(value)

    def filter_role(self, qs, name, value):
        return qs.with_role(value)

    def filter_language(self, qs, name, value):
        return qs.in_language(value)

    def filter_meeting(self, qs, name, value):
        return qs.in_meeting(int(value))


class RecordFilter(django_filters.FilterSet):
    """Language versions, by language and meeting number (the API's /records/)."""

    language = django_filters.ChoiceFilter(label="Language", choices=languages.CHOICES)
    meeting = number_filter("Meeting number", "filter_meeting")

    class Meta:
        model = Record
        fields = []

    def filter_meeting(self, qs, name, value):
        return qs.filter(meeting__number=int(value))


class VoteFilter(DateRangeFilterSet):
    """The votes of /votes/ and of the API: by date, subject, outcome (vetoed too) and a State's ballot."""

    year = number_filter("Year", "filter_year", min_value=1946, max_value=2100)
    meeting = number_filter("Meeting number", "filter_meeting")
    outcome = django_filters.ChoiceFilter(label="Outcome", choices=VOTE_OUTCOMES, method="filter_outcome")
    subject = django_filters.ChoiceFilter(label="Subject", choices=Subject.choices, method="filter_subject")
    resolution = number_filter("Adopting resolution", "filter_resolution")
    country = CountryCodeFilter(label="A State's ballot (name or ISO3 code)", method="filter_country")
    position = django_filters.ChoiceFilter(label="its position", choices=Position.choices, method="keep",
                                           empty_label="any position")
    vetoed_by = CountryCodeFilter(label="Vetoed by (name or ISO3 code)", method="filter_vetoed_by")
    sort = django_filters.ChoiceFilter(label="Order", choices=SORT_CHOICES, method="filter_sort", empty_label=None)

    class Meta(DateRangeFilterSet.Meta):
        model = Vote
        fields = []

    def filter_country(self, qs, name, value):
        return qs.with_ballot(value, self.form.cleaned_data.get("position") or None)

    def keep(self, qs, name, value):
        return qs  # read by filter_country: a position means nothing without a State

    def filter_vetoed_by(self, qs, name, value):
        return qs.vetoed_by(value)

    def filter_sort(self, qs, name, value):
        return qs.oldest_first() if value == "oldest" else qs.newest_first()

    def filter_year(self, qs, name, value):
        return qs.in_year(int(value))

    def filter_meeting(self, qs, name, value):
        return qs.in_meeting(int(value))

    def filter_outcome(self, qs, name, value):
        return qs.with_outcome(value)

    def filter_subject(self, qs, name, value):
        return qs.on(value)

    def filter_resolution(self, qs, name, value):
        return qs.adopting(int(value))


class ResolutionFilter(django_filters.FilterSet):
    year = number_filter("Year", "filter_year", min_value=1946, max_value=2100)

    class Meta:
        model = Resolution
        fields = []

    def filter_year(self, qs, name, value):
        return qs.in_year(int(value))


class AgreementFilter(DateRangeFilterSet):
    """The votes an agreement matrix counts: a year or a period, procedural votes or not."""

    year = number_filter("Year", "filter_year", min_value=1946, max_value=2100)
    procedural = django_filters.ChoiceFilter(label="Procedural votes", method="filter_procedural", empty_label=None,
                                             choices=[("include", "counted"), ("exclude", "left out")])

    class Meta(DateRangeFilterSet.Meta):
        model = Vote
        fields = []

    def filter_year(self, qs, name, value):
        return qs.in_year(int(value))

    def filter_procedural(self, qs, name, value):
        return qs.exclude(subject__in=PROCEDURAL_SUBJECTS) if value == "exclude" else qs


class PeriodForm(forms.Form):
    """The years a page of figures covers: /statistics/?start=1995&end=2007 (either may be left out)."""

    start = forms.IntegerField(label="From (year)", min_value=1946, max_value=2100, required=False)
    end = forms.IntegerField(label="Until (year)", min_value=1946, max_value=2100, required=False)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("The first year comes after the last.")
        return data
