"""/votes/: every vote, filtered by year, subject, outcome, veto and a State's position, with exports."""
import pytest

from records import models
from records.ingest import import_contract
from records.parsing import parse_file, to_contract
from tests.conftest import export_json, shared_path
from tests.site.conftest import needs_pdfs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered_each_time(settings):
    settings.PAGE_CACHE = False  # the tests read each response's context


def listed(client, **params):
    response = client.get("/votes/", params)
    assert response.status_code == 200, response.status_code
    return [(v.meeting.number, v.seq) for v in response.context["page"].object_list]


def test_the_votes_of_s_pv_8700_on_the_votes_page(client):
    needs_pdfs()
    assert {(8700, 1), (8700, 2), (8701, 1)} <= set(listed(client))
    assert listed(client, subject="amendment") == [(8700, 1)]
    assert (8700, 1) in listed(client, outcome="not adopted") and (8700, 2) not in listed(client, outcome="not adopted")
    assert (8700, 1) in listed(client, country="RUS", position="in_favour")  # its own amendment
    assert (8700, 2) in listed(client, country="Russian Federation", position="abstaining")
    assert (8700, 2) not in listed(client, country="RUS", position="in_favour")
    page = client.get("/votes/", {"year": 2020}).content.decode()
    assert 'href="/meetings/8700/#v2"' in page and "11-0-4" in page


def test_a_veto_shows_as_vetoed_everywhere(client):
    """S/PV.8701's unanimous vote, rebuilt as if the United States had voted against: a veto."""
    needs_pdfs()
    document = to_contract(parse_file(shared_path("records", "en", "pdf", "S_PV.8701_E.pdf")))
    vote = document["votes"][0]
    vote["in_favour"].remove("USA")
    vote["against"], vote["vetoed_by"], vote["outcome"], vote["resolution"] = ["USA"], ["USA"], "not adopted", None
    document["meeting"], document["symbol"] = 99001, "S/PV.99001"
    assert import_contract(document, source_name="vetoed.json").ok
    assert listed(client, outcome="vetoed") == [(99001, 1)]
    page = client.get("/meetings/99001/").content.decode()
    assert "vetoed by United States" in page and "(veto)" in page
    assert "vetoed by United States" in client.get("/votes/", {"outcome": "vetoed"}).content.decode()
    rows = export_json(client.get("/votes/", {"outcome": "vetoed", "format": "json"}))["results"]
    assert [(r["meeting"], r["vetoed_by"], r["outcome"]) for r in rows] == [("S/PV.99001", "USA", "not adopted")]
    assert models.Ballot.objects.get(vote__meeting__number=99001, country_id="USA").veto


def test_votes_export_and_bad_filters(client):
    rows = export_json(client.get("/votes/", {"format": "json"}))["results"]
    assert len(rows) == models.Vote.objects.count()
    assert client.get("/votes/", {"year": "nope"}).status_code == 400
