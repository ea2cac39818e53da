"""Facts of the English development PDFs, checked by hand against the documents."""
import glob
import unicodedata

import pytest

from records.parsing import parse_file
from tests.conftest import shared_path


def pdf(name):
    return parse_file(shared_path("records", "en", "pdf", name))


def corpus_turns(meeting):
    folder = shared_path("records", "en", "speeches")
    files = sorted(glob.glob(str(folder / f"UNSC_2020_SPV.{meeting}_spch*.txt")))
    return [open(f, encoding="cp1252").read() for f in files]


def opening(text, size=25):
    """First letters, ignoring what the research corpus changed: quotes, accents, its OCR's '1' for 'I'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().replace("'", "")
    return "".join(text.split()).lower().replace("1", "i").replace("|", "i")[:size]


@pytest.mark.parametrize("meeting,files", [
    ("8698", ["S_PV.8698_E.pdf"]),
    ("8699", ["S_PV.8699_E.pdf"]),
])
def test_turns_match_the_research_corpus(meeting, files):
    ours = [speech for name in files for speech in pdf(name).speeches]
    theirs = corpus_turns(meeting)
    assert len(ours) == len(theirs)
    differing = []
    for speech, turn in zip(ours, theirs):
        label, _, body = turn.partition(":")
        # Same kind of speaker label (the corpus OCR garbles names: "Miintefering")
        assert opening(speech.label, 3) == opening(label, 3), (speech.seq, speech.label, label)
        if opening(speech.text) != opening(body):
            differing.append(speech.seq)
    # The corpus scrambled the word order of one President's turn in each record ('Mrs. her briefing.
    # Robinson for'); every other turn opens with the same words.
    assert len(differing) <= 1, differing


def test_resumptions_continue_the_meeting():
    first, second, third = (pdf(n) for n in ("S_PV.8699_E.pdf", "S_PV.8699(Resumption1)_E.pdf",
                                             "S_PV.8699(Resumption2)_E.pdf"))
    assert [r.symbol for r in (first, second, third)] == [
        "S/PV.8699", "S/PV.8699 (Resumption 1)", "S/PV.8699 (Resumption 2)"]
    assert [r.date for r in (first, second, third)] == ["2020-01-09", "2020-01-10", "2020-01-13"]
    assert (first.opened, first.closed) == ("10:05", None)  # suspended at 6.05 p.m.
    assert (second.opened, second.closed) == ("10:00", None)  # resumed at 10 a.m., suspended
    assert (third.opened, third.closed) == ("15:05", "17:05")
    assert sum(s.role == "invited" for s in second.speeches) > 20  # the rule 37 speakers' list


def test_8700_two_votes_amendment_then_draft():
    record = pdf("S_PV.8700_E.pdf")
    amendment, draft = record.votes
    assert (amendment.subject, amendment.draft, amendment.outcome, amendment.resolution) == (
        "amendment", None, "not adopted", None)
    assert sorted(amendment.in_favour) == ["CHN", "RUS", "VNM"]
    assert sorted(amendment.against) == ["BEL", "DEU", "DOM", "EST", "FRA", "GBR", "USA"]
    assert sorted(amendment.abstaining) == ["IDN", "NER", "TUN", "VCT", "ZAF"]
    assert amendment.vetoed_by == []  # three votes in favour: no veto, whatever the P5 did
    assert (draft.subject, draft.draft, draft.outcome, draft.resolution) == (
        "draft resolution", "S/2020/24", "adopted", "2504 (2020)")
    assert (len(draft.in_favour), len(draft.against), len(draft.abstaining)) == (11, 0, 4)
    assert sorted(draft.abstaining) == ["CHN", "GBR", "RUS", "USA"]
    assert amendment.after_speech < draft.after_speech
    # The language switch inside Mr. Nebenzia's turn does not start a turn.
    nebenzia = record.speeches[1]
    assert nebenzia.label == "Mr. Nebenzia (Russian Federation)" and nebenzia.spoken_language == "ru"
    assert "(spoke in English)" in nebenzia.text
    assert record.speeches[2].label.startswith("Mr. Pecsteen de Buytswerve")
    assert "2504 (2020)" in record.resolutions_cited


def test_8701_unanimous_vote():
    record = pdf("S_PV.8701_E.pdf")
    (vote,) = record.votes
    assert (vote.draft, vote.outcome, vote.resolution) == ("S/2020/27", "adopted", "2505 (2020)")
    assert len(vote.in_favour) == 15 and vote.against == [] and vote.abstaining == []
    assert (record.opened, record.closed) == ("10:20", "10:25")


def test_cover_of_8698():
    record = pdf("S_PV.8698_E.pdf")
    assert (record.meeting, record.council_year, record.date, record.scheduled, record.place) == (
        8698, 75, "2020-01-08", "10:00", "New York")
    assert (record.status, record.job_number) == ("provisional", "20-00526")
    assert (record.president.name, record.president.country) == ("Mr. Dang", "VNM")
    assert len(record.members) == 14 and "VNM" not in [m.country for m in record.members]
    assert record.agenda == ["Peace consolidation in West Africa\nReport of the Secretary-General on the "
                             "activities of the United Nations Office for West Africa and the Sahel (S/2019/1005)"]
    chambas = record.speeches[3]
    assert (chambas.label, chambas.role, chambas.country) == ("Mr. Chambas", "briefer", None)
    # Headings between turns are not speech text.
    assert not any("Adoption of the agenda" in s.text for s in record.speeches)
    assert record.speeches[1].text.endswith("Council’s business last month.")


def test_president_in_national_capacity():
    record = pdf("S_PV.8700_E.pdf")
    national = [s for s in record.speeches if s.national_capacity]
    assert [s.role for s in national] == ["president"]
    assert national[0].country == "VNM"
    assert national[0].text.startswith("I shall now make a statement in my capacity as the representative of Viet Nam")


def test_short_country_forms_in_labels_resolve_to_the_member():
    record = pdf("S_PV.8700_E.pdf")
    pierce = [s for s in record.speeches if s.label == "Ms. Pierce (United Kingdom)"]
    assert pierce and all(s.country == "GBR" and s.role == "member" for s in pierce)
    syria = [s for s in record.speeches if s.country == "SYR"]
    assert syria and all(s.role == "invited" for s in syria)
