"""The database itself refuses what must never hold."""
import datetime

import pytest
from django.db import IntegrityError, transaction

from records.models import Ballot, Country, Meeting, Record, Vote

pytestmark = pytest.mark.django_db

LANGS = ["en", "fr", "es", "ru", "zh", "ar"]


@pytest.fixture
def meeting():
    return Meeting.objects.create(number=9589, date=datetime.date(2024, 3, 26), status="provisional")


def make_record(meeting, language, sha):
    return Record.objects.create(
        meeting=meeting, language=language, filename="x.txt", sha256=sha * 64, size=1,
        status="provisional", parser_version="1", imported_at=datetime.datetime.now(datetime.timezone.utc),
    )


def test_second_ballot_for_same_vote_and_country_is_refused(meeting):
    vote = Vote.objects.create(meeting=meeting, seq=1, subject="agenda", outcome="adopted")
    Ballot.objects.create(vote=vote, country_id="CHN", position="in_favour")
    with pytest.raises(IntegrityError, match="ballot_unique_vote_country"), transaction.atomic():
        Ballot.objects.create(vote=vote, country_id="CHN", position="against")
    assert vote.ballots.count() == 1


def test_unknown_ballot_position_is_refused(meeting):
    vote = Vote.objects.create(meeting=meeting, seq=1, subject="agenda", outcome="adopted")
    with pytest.raises(IntegrityError, match="ballot_position_valid"), transaction.atomic():
        Ballot.objects.create(vote=vote, country_id="CHN", position="present")
    assert not vote.ballots.exists()


def test_veto_must_be_a_vote_against(meeting):
    vote = Vote.objects.create(meeting=meeting, seq=1, subject="draft resolution", outcome="not adopted")
    with pytest.raises(IntegrityError, match="ballot_veto_is_against"), transaction.atomic():
        Ballot.objects.create(vote=vote, country_id="RUS", position="abstaining", veto=True)


def test_second_record_for_same_meeting_and_language_is_refused(meeting):
    make_record(meeting, "zh", "a")
    with pytest.raises(IntegrityError, match="record_unique_meeting_language"), transaction.atomic():
        make_record(meeting, "zh", "b")
    make_record(meeting, "en", "c")  # another language of the same meeting is fine
    assert meeting.records.count() == 2


def test_meeting_number_and_resumption_are_unique_even_without_resumption(meeting):
    with pytest.raises(IntegrityError, match="meeting_unique_number_resumption"), transaction.atomic():
        Meeting.objects.create(number=9589, date=datetime.date(2024, 3, 26), status="provisional")
    resumed = Meeting.objects.create(number=9589, resumption=1, date=datetime.date(2024, 3, 27), status="final")
    assert resumed.symbol == "S/PV.9589 (Resumption 1)"
    assert meeting.symbol == "S/PV.9589"


def test_country_table_has_the_member_and_observer_states():
    assert Country.objects.filter(status="member").count() == 193
    assert set(Country.objects.filter(status="observer").values_list("iso3", flat=True)) == {"PSE", "VAT"}
    for country in Country.objects.all():
        for lang in LANGS:
            assert country.name(lang).strip(), f"{country.iso3} has no {lang} name"
            assert getattr(country, f"name_{lang}") == country.name(lang)
    china = Country.objects.get(iso3="CHN")
    assert (china.name_en, china.name_zh, china.name_fr) == ("China", "中国", "Chine")
