"""/votes/agreement/: shares computed by hand from the votes of 2020 in the development records
(S/PV.8700: the amendment 3-7-5 and S/2020/24 11-0-4; S/PV.8701: 15-0-0)."""
import pytest

from tests.site.conftest import needs_pdfs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered_each_time(settings):
    settings.PAGE_CACHE = False


def shares(client, **params):
    response = client.get("/votes/agreement/", params)
    assert response.status_code == 200
    pairs = response.context["ranked"]
    return {frozenset((p.first.iso3, p.second.iso3)): (p.same, p.both) for p in pairs}, response


def test_the_shares_of_2020_as_counted_by_hand(client):
    needs_pdfs()
    found, response = shares(client, year=2020)
    assert response.context["vote_count"] == 3
    # China and Russia: in favour, abstaining, in favour: the same three times.
    assert found[frozenset(("CHN", "RUS"))] == (3, 3)
    assert found[frozenset(("USA", "GBR"))] == (3, 3)  # against, abstaining, in favour
    assert found[frozenset(("USA", "RUS"))] == (2, 3)  # against / in favour on the amendment
    assert found[frozenset(("CHN", "VNM"))] == (2, 3)  # abstaining / in favour on S/2020/24
    assert found[frozenset(("FRA", "IDN"))] == (2, 3)  # against / abstaining on the amendment
    assert found[frozenset(("RUS", "BEL"))] == (1, 3)  # differ on both votes of S/PV.8700
    assert len(found) == 15 * 14 // 2
    page = response.content.decode()
    assert "How it is counted" in page and 'title="2 of 3">67%' in page


def test_procedural_votes_can_be_left_out(client):
    found, response = shares(client, year=2024)
    assert response.context["vote_count"] == 1 and found[frozenset(("CHN", "USA"))] == (1, 1)
    found, response = shares(client, year=2024, procedural="exclude")
    assert response.context["vote_count"] == 0 and found == {}
    assert "No votes in this selection" in response.content.decode()
