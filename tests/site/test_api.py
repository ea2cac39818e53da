"""The JSON API: the pages' filters and search, every object linked to its page, read-only, limited."""
import csv
import io

import pytest
from django.core.management import call_command

from tests.conftest import export_json
from tests.site.conftest import needs_pdfs

pytestmark = pytest.mark.django_db

MEETING_QUERIES = ["", "country=RUS", "language=zh", "vote=adopted", "vote=vetoed", "year=2020",
                   "resolution=2504", "agenda=Syria", "date_after=2020-01-09&date_before=2020-01-13", "sort=oldest"]
SPEECH_QUERIES = ["country=RUS", "role=president", "language=fr", "meeting=8700", "resolution=2504",
                  "date_after=2026-01-01", "country=CHN&role=member"]


def api(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def all_pages(client, path):
    out, url = [], path
    while url:
        data = client.get(url).json()
        out += data["results"]
        url = data["next"]
    return out


def test_the_schema_is_valid_openapi():
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


@pytest.mark.parametrize("query", MEETING_QUERIES)
def test_meeting_filters_give_the_objects_of_the_page(client, query):
    page = [row["symbol"] for row in export_json(client.get(f"/meetings/?format=json&{query}"))["results"]]
    from_api = [m["symbol"] for m in all_pages(client, f"/api/v1/meetings/?page_size=200&{query}")]
    assert from_api == page


@pytest.mark.parametrize("query", SPEECH_QUERIES)
def test_speech_filters_give_the_objects_of_the_search_page(client, query):
    body = b"".join(client.get(f"/search/?format=csv&{query}").streaming_content).decode("utf-8").lstrip("\ufeff")
    page = [(row["meeting"], int(row["seq"]), row["language"]) for row in csv.DictReader(io.StringIO(body))]
    from_api = [(s["meeting"], s["seq"], s["language"]) for s in all_pages(client, f"/api/v1/speeches/?{query}")]
    assert from_api == page


def test_search_is_the_same_engine_as_the_page(client):
    data = api(client, "/api/v1/search/", q="不扩散")
    page = client.get("/search/", {"q": "不扩散"})
    assert data["count"] == page.context["page"].paginator.count and data["count"] >= 1
    assert [r["url"] for r in data["results"]] == [
        f"http://testserver{s.get_absolute_url()}" for s in page.context["page"].object_list]
    assert "<mark>" in data["results"][0]["snippet"]
    assert client.get("/api/v1/search/").status_code == 400
    assert client.get("/api/v1/search/", {"q": "peace", "date_after": "nope"}).status_code == 400


def test_every_object_links_its_page_and_itself(client):
    needs_pdfs()
    meeting = next(m for m in api(client, "/api/v1/meetings/", vote="adopted")["results"] if m["number"] == 8700)
    assert meeting["url"] == "http://testserver/meetings/8700/"
    assert api(client, meeting["api_url"].replace("http://testserver", ""))["symbol"] == "S/PV.8700"
    vote = meeting["votes"][1]
    assert vote["resolution"] == 2504 and len(vote["ballots"]) == 15
    assert sorted(b["country"] for b in vote["ballots"] if b["position"] == "abstaining") == ["CHN", "GBR", "RUS",
                                                                                              "USA"]
    resolution = api(client, "/api/v1/resolutions/2504/")
    assert resolution["adopted_at"] == [{"meeting": "S/PV.8700", "vote": 2, "outcome": "adopted"}]
    country = api(client, "/api/v1/countries/RUS/")
    assert country["url"] == "http://testserver/countries/RUS/"
    speech = api(client, "/api/v1/speeches/", meeting=8700)["results"][0]
    assert speech["citation"].startswith("United Nations Security Council, S/PV.8700")
    record = api(client, "/api/v1/records/", meeting=8700)["results"][0]
    assert record["versions"][0]["state"] == "applied" and record["file_url"].endswith("/meetings/8700/file/en/")


def test_the_api_is_read_only(client):
    for path in ("/api/v1/meetings/", "/api/v1/speeches/", "/api/v1/countries/RUS/"):
        assert client.post(path, {}).status_code == 405
        assert client.delete(path).status_code == 405


def test_the_api_is_rate_limited_per_client(client, settings):
    settings.API_THROTTLE_RATE = "3/min"
    statuses = [client.get("/api/v1/countries/", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").status_code
                for i in range(4)]
    assert statuses == [200, 200, 200, 429]  # a client cannot escape the limit by writing the header


def test_the_reference_documentation_is_served(client):
    page = client.get("/api/docs/")
    assert page.status_code == 200 and b"swagger" in page.content.lower()
    assert client.get("/api/v1/schema/").status_code == 200


def test_a_percent_sign_in_a_filter_value_is_a_400_not_a_500(client):
    """Found by schemathesis: the value went into the error message as a format string."""
    response = client.get("/api/v1/meetings/", {"country": "§ös%u"})
    assert response.status_code == 400 and "No State is called" in response.json()["country"][0]
    assert client.get("/meetings/", {"country": "§ös%u"}).status_code == 400
