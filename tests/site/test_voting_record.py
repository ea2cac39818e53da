"""Votes as data on the real records: explanations of vote, a State's voting record, resolutions with
substance, /statistics/. The votes of 2020 in the development records, counted by hand:
S/PV.8700 the oral amendment (3-7-5, not adopted; Russia in favour, the United States against) and
S/2020/24 (11-0-4, adopted as 2504; Russia, China, the United Kingdom and the United States
abstaining); S/PV.8701 S/2020/29 (15-0-0, adopted as 2505). The seed S/PV.9589 of 2024 has one
vote, on its agenda, by the fifteen members of 2024."""
import re

import pytest

from records import explanations, models, statistics
from records.ingest import import_contract
from records.models.choices import Role
from records.parsing import parse_file, to_contract
from tests.conftest import shared_path
from tests.site.conftest import needs_pdfs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered_each_time(settings):
    settings.PAGE_CACHE = False  # the tests read each response's context


def vote_block(page, anchor):
    match = re.search(rf'<figure class="vote" id="{anchor}">(.*?)</figure>', page, re.S)
    assert match, anchor
    return match.group(1)


def test_explanations_of_vote_are_linked_from_the_votes_of_s_pv_8700(client):
    needs_pdfs()
    page = client.get("/meetings/8700/").content.decode()
    amendment, draft = vote_block(page, "v1"), vote_block(page, "v2")
    # Russia (turn 2) introduced its amendment and Belgium (turn 3) answered before the votes.
    before = re.search(r"before the vote:</span>(.*?)<span", amendment, re.S).group(1)
    assert re.findall(r'href="#(s\d+)"', before) == ["s2", "s3"]
    # The two votes were one round: the members who spoke after it explained both.
    for block in (amendment, draft):
        after = re.search(r"after the vote:</span>(.*)", block, re.S).group(1)
        anchors = re.findall(r'href="#(s\d+)"', after)
        assert anchors[0] == "s7" and "s18" in anchors  # France first; the United States too
        assert "s19" in anchors  # the President, speaking as Viet Nam
        assert "s20" not in anchors  # Syria, invited: it does not vote


class Turn:
    def __init__(self, seq, role, national_capacity=False):
        self.seq, self.role, self.national_capacity, self.country_id = seq, role, national_capacity, None


class Ballot:
    def __init__(self, seq, after_speech):
        self.seq, self.after_speech = seq, after_speech


def test_votes_with_a_member_speaking_between_them_are_two_rounds():
    turns = [Turn(1, Role.PRESIDENT), Turn(2, Role.MEMBER), Turn(3, Role.PRESIDENT), Turn(4, Role.MEMBER),
             Turn(5, Role.INVITED), Turn(6, Role.PRESIDENT, national_capacity=True), Turn(7, Role.MEMBER)]
    votes = [Ballot(1, 3), Ballot(2, 5)]  # a member (turn 4) spoke between them
    assert [[v.seq for v in group] for group in explanations.rounds(votes, turns)] == [[1], [2]]
    found = explanations.explanations(votes, turns)
    assert [t.seq for t in found[1].before] == [2] and [t.seq for t in found[1].after] == [4]
    assert found[2].before == [] and [t.seq for t in found[2].after] == [6, 7]


def record_of(client, iso3):
    response = client.get(f"/countries/{iso3}/")
    assert response.status_code == 200
    return response.context, response.content.decode()


def test_each_members_voting_record(client):
    needs_pdfs()
    context, page = record_of(client, "RUS")
    years = {y.year: y for y in context["ballot_years"]}
    assert years[2020].counts == {"in_favour": 2, "against": 0, "abstaining": 1}
    assert years[2024].counts == {"in_favour": 1, "against": 0, "abstaining": 0}
    assert context["ballot_totals"].total == 4
    assert 'href="/votes/?country=RUS&amp;year=2020&amp;position=abstaining">1</a>' in page
    usa = {y.year: y for y in record_of(client, "USA")[0]["ballot_years"]}
    assert usa[2020].counts == {"in_favour": 1, "against": 1, "abstaining": 1}
    shares = {pair.second.iso3: (pair.same, pair.both) for pair in context["agreement"]}
    assert shares["CHN"] == (4, 4)  # the same on all four votes
    assert shares["USA"] == (3, 4)  # apart on the amendment only
    assert shares["BEL"] == (1, 3)  # apart on both votes of S/PV.8700; not a member in 2024
    assert shares["DZA"] == (1, 1)  # a member of 2024 only
    assert context["agreement"][0].second.iso3 == "CHN"  # most in agreement, over most votes, first


def test_a_veto_on_the_vetoing_states_page_and_in_the_statistics(client):
    """S/PV.8700 rebuilt as if Russia had voted against S/2020/24 instead of abstaining: a veto."""
    needs_pdfs()
    document = to_contract(parse_file(shared_path("records", "en", "pdf", "S_PV.8700_E.pdf")))
    vote = document["votes"][1]
    vote["abstaining"].remove("RUS")
    vote["against"], vote["vetoed_by"], vote["outcome"], vote["resolution"] = ["RUS"], ["RUS"], "not adopted", None
    document["meeting"], document["symbol"] = 99002, "S/PV.99002"
    assert import_contract(document, source_name="vetoed.json").ok
    context, page = record_of(client, "RUS")
    assert [(v.meeting.number, v.seq) for v in context["vetoes"]] == [(99002, 2)]
    # Russia spoke before the round of voting (turn 2) and twice after it (turns 15 and 22).
    assert [s.seq for s in context["vetoes"][0].given] == [2, 15, 22]
    assert 'href="/meetings/99002/speeches/15/">turn 15</a>' in page
    assert "vetoed by Russian Federation" in page
    assert {y.year: y.vetoes for y in context["ballot_years"]}[2020] == 1
    stats = client.get("/statistics/", {"start": 2020, "end": 2020}).context["figures"]
    by_name = {figure["id"]: figure["series"] for figure in stats}
    assert dict(by_name["chart-vetoes"].rows) == {"Russian Federation": [1]}
    outcomes = dict(by_name["chart-outcomes"].rows)
    # Adopted: 2504 and 2505; not adopted: the amendment twice (the copy has it too); the veto apart.
    assert outcomes == {"adopted": [2], "not adopted": [2], "vetoed": [1]}
    # The figures are those of the archive after the import, kept in the database for every worker.
    kept = models.DerivedFigures.objects.get(name=statistics.FIGURES)
    assert kept.version == statistics.current_version() and [2020, "RUS", 1] in kept.data["vetoes"]


def test_statistics_of_2020_counted_by_hand(client):
    needs_pdfs()
    response = client.get("/statistics/", {"start": 2020, "end": 2020})
    assert response.status_code == 200
    series = {figure["id"]: figure["series"] for figure in response.context["figures"]}
    assert series["chart-meetings"].columns == [2020] and series["chart-meetings"].rows == [("meetings", [14])]
    assert dict(series["chart-outcomes"].rows) == {"adopted": [2], "not adopted": [1]}
    speeches_2020 = models.Speech.objects.canonical().filter(date__year=2020)
    roles = dict(series["chart-roles"].rows)
    assert roles["President"] == [speeches_2020.filter(role=Role.PRESIDENT).count()]
    assert sum(v[0] for v in roles.values()) == speeches_2020.count()
    assert series["chart-languages"].columns[0] == "English"
    assert "The situation in the Middle East" in series["chart-topics"].columns
    page = response.content.decode()
    svgs = re.findall(r"<svg .*?</svg>", page, re.S)
    assert len(svgs) == 7  # every chart but the vetoes, of which 2020 had none
    assert not any("<script" in svg or "<style" in svg or "style=" in svg for svg in svgs)  # the CSP holds
    assert all('role="img"' in svg and "<title " in svg for svg in svgs)
    assert page.count("<caption>") >= 7 and "no vetoes in this period" in page


def test_statistics_period_is_validated(client):
    assert client.get("/statistics/", {"start": 2021, "end": 2020}).status_code == 400
    assert client.get("/statistics/", {"start": "nope"}).status_code == 400
    response = client.get("/statistics/", {"start": "", "end": ""}, follow=True)
    assert response.redirect_chain == [("/statistics/", 301)] and response.status_code == 200


def test_resolution_2504_with_its_agenda_draft_vote_explanations_and_later_citations(client):
    needs_pdfs()
    response = client.get("/resolutions/2504/")
    page = response.content.decode()
    assert "The situation in the Middle East" in page and ">S/2020/24</a>" in page
    assert "11-0-4" in page and "Explanations of vote" in page
    (vote,) = response.context["votes"]
    assert "USA" in {s.country_id for s in vote.explanations.after}
    later = {s.record.meeting.number for s in response.context["citing_speeches"]}
    assert {8707, 8708} <= later and 8700 not in later
    listing = client.get("/resolutions/").content.decode()
    row = re.search(r'<a href="/resolutions/2504/">.*?</tr>', listing, re.S).group(0)
    assert "The situation in the Middle East" in row and 'href="/meetings/8700/#v2"' in row
