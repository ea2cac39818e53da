"""Votes: the lists after 'A vote was taken by show of hands', and the President's announcement."""
import re
from dataclasses import dataclass, field

from records.parsing import citations
from records.parsing.countries import PERMANENT_MEMBERS, index_for
from records.parsing.lexicon import fold
from records.parsing.model import Vote

ADOPTION_THRESHOLD = 9  # Charter, Article 27: nine affirmative votes
DRAFT_SYMBOL = re.compile(r"S/\d{4}/\d+")
SENTENCE_END = re.compile(r"(?<=[.;。；])\s*")


@dataclass
class VoteBlock:
    after_turn: int  # index of the turn the vote follows (-1 before any)
    lines: list = field(default_factory=list)


def build_vote(seq, block, turns, speeches, cover, lexicon):
    """A Vote from its block, the turn before (what is put to the vote) and the turn after (the result)."""
    warnings = []
    lists = _lists(block.lines, lexicon)
    before = turns[block.after_turn].paragraphs if 0 <= block.after_turn < len(turns) else []
    after = turns[block.after_turn + 1].paragraphs if block.after_turn + 1 < len(turns) else []
    announcement = _first_sentences(after)
    subject = _subject(announcement, lexicon) or _subject(" ".join(before[-2:]), lexicon) or "other"
    in_favour, against, abstaining = lists["in_favour"], lists["against"], lists["abstaining"]
    outcome = _outcome(announcement, lexicon)
    if outcome is None:
        outcome = _outcome_by_count(in_favour, against, subject)
        warnings.append(f"vote {seq}: no announcement of the result; outcome computed from the ballots")
    counted = len(in_favour) + len(against) + len(abstaining)
    if counted and counted != len(cover.members) + 1:
        warnings.append(f"vote {seq}: {counted} ballots for {len(cover.members) + 1} members")
    vetoed_by = []
    if outcome == "not adopted" and len(in_favour) >= ADOPTION_THRESHOLD and subject != "procedural":
        vetoed_by = [c for c in against if c in PERMANENT_MEMBERS]
    resolution = None
    if outcome == "adopted" and subject == "draft resolution":
        found = citations.resolutions(announcement, lexicon)
        resolution = found[0] if found else None
    return Vote(
        seq=seq,
        after_speech=speeches[block.after_turn].seq if 0 <= block.after_turn < len(speeches) else None,
        subject=subject, draft=_draft(before, subject, lexicon), in_favour=in_favour, against=against,
        abstaining=abstaining, outcome=outcome, vetoed_by=vetoed_by, resolution=resolution,
    ), warnings


def _lists(lines, lexicon):
    index = index_for(lexicon.code)
    headings = {"in_favour": lexicon.rx(lexicon.in_favour), "against": lexicon.rx(lexicon.against),
                "abstaining": lexicon.rx(lexicon.abstaining)}
    texts = {key: [] for key in headings}
    current = None
    for line in lines:
        for key, rx in headings.items():
            match = rx.match(line)
            if match:
                current = key
                line = line[match.end():]
                break
        if current is not None:
            texts[current].append(line)
    result = {}
    for key, parts in texts.items():
        text = " ".join(parts)
        if fold(text).strip(" .") in {fold(n) for n in lexicon.nobody}:
            result[key] = []
            continue
        codes = []
        for iso3, _, _ in index.scan(text):
            if iso3 not in codes:
                codes.append(iso3)
        result[key] = codes
    return result


def _first_sentences(paragraphs):
    """The announcement is the first paragraph of the President's next turn."""
    return paragraphs[0] if paragraphs else ""


def _subject(text, lexicon):
    for subject, patterns in lexicon.vote_subjects.items():
        if any(lexicon.rx(p).search(text) for p in patterns):
            return subject
    return None


def _outcome(text, lexicon):
    if any(lexicon.rx(p).search(text) for p in lexicon.not_adopted):
        return "not adopted"
    if any(lexicon.rx(p).search(text) for p in lexicon.adopted):
        return "adopted"
    return None


def _outcome_by_count(in_favour, against, subject):
    if len(in_favour) < ADOPTION_THRESHOLD:
        return "not adopted"
    if subject != "procedural" and any(c in PERMANENT_MEMBERS for c in against):
        return "not adopted"
    return "adopted"


def _draft(before, subject, lexicon):
    """The symbol of the text put to the vote: in the last sentence before the vote that names one with it."""
    if subject not in ("draft resolution", "amendment"):
        return None
    phrases = [lexicon.rx(p) for p in lexicon.vote_subjects[subject]]
    for paragraph in reversed(before):
        for sentence in reversed(SENTENCE_END.split(paragraph)):
            if any(rx.search(sentence) for rx in phrases):
                symbols = [s for s in citations.documents(sentence) if DRAFT_SYMBOL.match(s)]
                if symbols:
                    return symbols[0]
    return None
