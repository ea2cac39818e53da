"""Records of 1995 and 2007 scored against another project's parse of the same meetings (undemocracy.com's
parlparse, ../shared/records/en/era): the turn sequence by State, the members, each vote by State.
Our parse reads the PDF rebuilt from the UN PDF's extraction; theirs read the extraction itself."""
import difflib
import re
from html.parser import HTMLParser

import pytest

from records.parsing import parse_file
from records.parsing.countries import index_for
from tests.conftest import SHARED

ERA = SHARED / "records" / "en" / "era"
RECORDS = ["S_PV.3500", "S_PV.5619"]
THRESHOLD = 0.98


class Parlparse(HTMLParser):
    """attendees [(ISO3, place)], turns ['president' or ISO3], votes [{ISO3: position}]."""

    POSITIONS = {"favour": "in_favour", "against": "against", "abstain": "abstaining"}

    def __init__(self):
        super().__init__()
        self.attendees, self.turns, self.votes = [], [], []
        self.block, self.span, self.current = None, None, {}

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class", "")
        if tag == "div":
            self.block = classes
            if classes == "recvote":
                self.votes.append({})
        if tag == "p" and self.block == "council-attendees" or tag == "h3" and self.block == "spoken":
            self.current = {}
        if tag == "span":
            self.span = classes

    def handle_data(self, data):
        if self.span and data.strip():
            self.current[self.span] = data.strip()
            if self.block == "recvote" and self.span in self.POSITIONS:
                self.votes[-1][state(data.strip())] = self.POSITIONS[self.span]

    def handle_endtag(self, tag):
        if tag == "span":
            self.span = None
        elif tag == "p" and self.block == "council-attendees" and self.current:
            self.attendees.append((state(self.current["nation"]), self.current.get("place")))
        elif tag == "h3" and self.block == "spoken":
            name = self.current.get("name", "")
            self.turns.append("president" if name == "The President" else state(self.current.get("nation", name)))


def state(name):
    return index_for("en").resolve(name) or name


def theirs(symbol):
    reader = Parlparse()
    reader.feed((ERA / f"{symbol.replace('/', '_')}_en.parlparse.html").read_text(encoding="utf-8", errors="replace"))
    return reader


def ours(symbol):
    record = parse_file(ERA / f"{symbol.replace('/', '_')}_en.rebuilt.pdf")
    turns = ["president" if s.role == "president" else (s.country or s.organization or s.name) for s in record.speeches]
    members = {m.country for m in record.members} | {record.president.country}
    votes = [{**{c: "in_favour" for c in v.in_favour}, **{c: "against" for c in v.against},
              **{c: "abstaining" for c in v.abstaining}} for v in record.votes]
    return turns, members, votes


def scores(symbol):
    reference, (turns, members, votes) = theirs(symbol), ours(symbol)
    sequence = difflib.SequenceMatcher(a=reference.turns, b=turns, autojunk=False).ratio()
    expected = {code for code, _ in reference.attendees}
    membership = len(expected & members) / len(expected | members)
    pairs = [(a, b) for a, b in zip(reference.votes, votes)]
    agree = sum(sum(b.get(code) == position for code, position in a.items()) for a, b in pairs)
    total = sum(len(a) for a in reference.votes) + abs(len(reference.votes) - len(votes)) * 15
    return sequence, membership, (agree / total if total else 1.0)


@pytest.mark.parametrize("symbol", RECORDS)
def test_our_parse_agrees_with_the_other_parser(symbol):
    if not ERA.exists():
        pytest.skip(f"the era records are not in {ERA} (set UNSC_SHARED_DIR)")
    sequence, membership, votes = scores(symbol)
    assert (sequence, membership, votes) >= (THRESHOLD, THRESHOLD, THRESHOLD) and min(sequence, membership, votes) \
        >= THRESHOLD, f"{symbol}: turns {sequence:.3f}, members {membership:.3f}, votes {votes:.3f}"


def test_the_details_each_era_prints():
    if not ERA.exists():
        pytest.skip(f"the era records are not in {ERA} (set UNSC_SHARED_DIR)")
    old = parse_file(ERA / "S_PV.3500_en.rebuilt.pdf")
    assert old.status == "provisional"  # 'Provisional', in italics at the top right
    assert (old.meeting, old.council_year, str(old.date), old.scheduled) == (3500, 50, "1995-02-10", "11:45")
    assert not any(re.search(r"3500th meeting|Fiftieth year", a) for a in old.agenda)  # page heads
    newer = parse_file(ERA / "S_PV.5619_en.rebuilt.pdf")
    members = {m.country: m.name for m in newer.members}
    assert members["GHA"] == "Nana Effah-Apenteng" and members["IDN"] == "Mr. Jenie"  # no honorific; not merged
    ghana = next(s for s in newer.speeches if s.country == "GHA")
    assert ghana.role == "member" and ghana.label == "Nana Effah-Apenteng (Ghana)"
    (vote,) = newer.votes
    assert (len(vote.in_favour), len(vote.against), len(vote.abstaining)) == (9, 3, 3)
    assert sorted(vote.vetoed_by) == ["CHN", "RUS"] and not newer.warnings
    assert {s.spoken_language for s in newer.speeches} >= {"ru", "zh", "ar", "fr", "es"}
