"""/meetings/: every filter, sorting, paging, removable active filters, form errors, CSV and JSON."""
import csv
import io

import pytest

from records.models import Meeting, RecordStatus
from tests.conftest import export_json
from tests.site.conftest import needs_pdfs

pytestmark = pytest.mark.django_db


def symbols(client, query):
    response = client.get("/meetings/?format=json&" + query)
    assert response.status_code == 200, response.content
    return [row["symbol"] for row in export_json(response)["results"]]


def test_default_list_is_newest_first_with_a_count(client):
    page = client.get("/meetings/").content.decode()
    total = Meeting.objects.count()
    assert f"{total} meeting" in page
    rows = export_json(client.get("/meetings/?format=json"))["results"]
    assert len(rows) == total
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates, reverse=True)
    oldest = [row["date"] for row in export_json(client.get("/meetings/?format=json&sort=oldest"))["results"]]
    assert oldest == sorted(dates)


def test_filter_by_country_and_date(client):
    needs_pdfs()
    assert "S/PV.9589" in symbols(client, "country=CHN")
    in_january = symbols(client, "country=CHN&date_after=2020-01-10&date_before=2020-01-13")
    assert set(in_january) == {"S/PV.8700", "S/PV.8699 (Resumption 1)", "S/PV.8701", "S/PV.8702",
                               "S/PV.8699 (Resumption 2)"}
    # A State that only spoke (rule 37) counts too: Syria at S/PV.8700.
    assert "S/PV.8700" in symbols(client, "country=SYR")
    assert symbols(client, "country=syr") == symbols(client, "country=SYR")
    # A State's name works as well as its code, in any of the six languages.
    assert symbols(client, "country=Syrian Arab Republic") == symbols(client, "country=SYR")
    assert symbols(client, "country=中国") == symbols(client, "country=CHN")


def test_filter_by_year_resolution_agenda_language_vote(client):
    needs_pdfs()
    assert symbols(client, "year=2024") == ["S/PV.9589"]
    assert symbols(client, "resolution=1540") == ["S/PV.9589"]
    assert symbols(client, "resolution=2504")[-1] == "S/PV.8700"  # adopted there, cited later
    assert "S/PV.8701" in symbols(client, "agenda=Middle East")
    assert symbols(client, "agenda=不扩散") == ["S/PV.9589"]
    assert symbols(client, "language=zh") == ["S/PV.9589"]
    assert symbols(client, "language=ru") == ["S/PV.10124"]
    assert set(symbols(client, "vote=any")) == {"S/PV.9589", "S/PV.8700", "S/PV.8701"}
    assert set(symbols(client, "vote=not adopted")) == {"S/PV.8700"}
    assert symbols(client, "vote=vetoed") == []


def test_active_filters_are_listed_and_removable_one_by_one(client):
    page = client.get("/meetings/?country=CHN&language=zh").content.decode()
    assert "Country (name or ISO3 code): <strong>CHN</strong>" in page
    assert "Language: <strong>Chinese</strong>" in page
    assert 'href="?language=zh"' in page  # removing the country keeps the language
    assert 'href="?country=CHN"' in page


def test_bad_filter_values_are_form_errors_not_500(client):
    for query, message in [("country=XX1", "three-letter code"), ("country=ZZZ", "No State is called"),
                           ("date_after=31/02/2020", "Enter a valid date"), ("year=abc", "Enter a whole number"),
                           ("vote=maybe", "Select a valid choice"), ("language=de", "Select a valid choice"),
                           ("year=2020.5", "Enter a whole number"),
                           ("date_after=2020-02-01&date_before=2020-01-01", "The date From comes after the date Until")]:
        response = client.get("/meetings/?" + query)
        assert response.status_code == 400, query
        assert message in response.content.decode(), query


def test_pagination(client):
    import datetime

    from records.pagination import PER_PAGE

    # More meetings than one page holds, whatever the development archive has.
    missing = max(0, PER_PAGE + 5 - Meeting.objects.count())
    Meeting.objects.bulk_create(Meeting(number=90000 + i, date=datetime.date(1990, 1, 1), status=RecordStatus.FINAL)
                                for i in range(missing))
    response = client.get("/meetings/?page=2")
    assert response.status_code == 200
    assert "Page 2 of" in response.content.decode()
    first = client.get("/meetings/?page=abc")
    assert first.status_code == 200 and "Page 1 of" in first.content.decode()


def test_csv_export_has_permalinks_and_follows_the_filters(client):
    response = client.get("/meetings/?format=csv&language=zh")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 1
    assert rows[0]["symbol"] == "S/PV.9589" and rows[0]["url"] == "http://testserver/meetings/9589/"
    assert rows[0]["agenda"] == "不扩散大规模毁灭性武器" and rows[0]["votes"] == "1"


def test_json_export(client):
    data = export_json(client.get("/meetings/?format=json&year=2024"))
    assert data["count"] == 1
    assert data["results"][0]["url"].endswith("/meetings/9589/")
    assert data["results"][0]["date"] == "2024-03-26"
