"""Every list the site shows, as CSV and JSON: the columns, the rows the database holds, streamed."""
import csv
import io

import pytest
from django.http import StreamingHttpResponse

from records import exports as tables
from records import models
from tests.conftest import export_json
from tests.site.conftest import needs_pdfs

pytestmark = pytest.mark.django_db


def export_csv(client, path, **params):
    response = client.get(path, {**params, "format": "csv"})
    assert response.status_code == 200 and isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))


def both(client, path, **params):
    rows = export_csv(client, path, **params)
    data = export_json(client.get(path, {**params, "format": "json"}))
    assert data["count"] == len(data["results"]) == len(rows)
    return rows, data["results"]


def canonical_speeches(**filters):
    return models.Speech.objects.canonical().for_states().filter(**filters)  # the chair's turns are not the State's


def test_meetings_with_every_ballot_in_json(client):
    rows, results = both(client, "/meetings/")
    assert list(rows[0]) == list(tables.MEETINGS.columns)
    assert len(rows) == models.Meeting.objects.count()
    if models.Meeting.objects.filter(number=8700).exists():
        meeting = next(r for r in results if r["symbol"] == "S/PV.8700")
        assert [v["outcome"] for v in meeting["ballots"]] == ["not adopted", "adopted"]
        assert meeting["ballots"][1]["abstaining"] == "CHN GBR RUS USA"


def test_a_countrys_speeches(client):
    rows, results = both(client, "/countries/RUS/")
    assert list(rows[0]) == list(tables.SPEECHES.columns)
    assert len(rows) == canonical_speeches(country_id="RUS").count()
    assert {r["country"] for r in rows} == {"RUS"} and results[0]["url"].startswith("http://testserver/meetings/")


def test_a_countrys_ballots_one_row_per_vote(client):
    needs_pdfs()
    rows = export_csv(client, "/countries/RUS/ballots/")
    assert list(rows[0]) == list(tables.BALLOTS.columns)
    assert len(rows) == models.Ballot.objects.filter(country_id="RUS").count()
    assert {(r["meeting"], r["vote"], r["position"]) for r in rows if r["meeting"] == "S/PV.8700"} == {
        ("S/PV.8700", "1", "in_favour"), ("S/PV.8700", "2", "abstaining")}
    assert len(export_json(client.get("/countries/RUS/ballots/", {"format": "json"}))["results"]) == len(rows)


def test_a_resolutions_votes_with_every_ballot(client):
    needs_pdfs()
    rows, _ = both(client, "/resolutions/2504/")
    assert len(rows) == 15 and {r["resolution"] for r in rows} == {"2504"}
    assert sorted(r["country"] for r in rows if r["position"] == "abstaining") == ["CHN", "GBR", "RUS", "USA"]


def test_resolutions_countries_and_a_speaker(client):
    rows, _ = both(client, "/resolutions/")
    assert len(rows) == models.Resolution.objects.count()
    rows, _ = both(client, "/countries/")
    assert len(rows) == models.Country.objects.count()
    assert "speeches" in rows[0] and "meetings_seated" in rows[0]
    speaker = models.Speaker.objects.filter(speeches__isnull=False).first()
    rows, _ = both(client, speaker.get_absolute_url())
    own = models.Speech.objects.filter(speaker=speaker)
    assert len(rows) == (own.canonical().count() or own.count())


def test_search_results_in_both_formats(client):
    rows, results = both(client, "/search/", q="不扩散")
    assert rows and "excerpt" in rows[0] and "text" not in rows[0]
    assert all(r["meeting"] == "S/PV.9589" for r in rows)


def test_an_empty_list_exports_its_header(client):
    rows = export_csv(client, "/meetings/", year=1950)
    assert rows == []
    assert export_json(client.get("/meetings/", {"year": 1950, "format": "json"})) == {"results": [], "count": 0}
