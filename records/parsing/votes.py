"""Votes: the lists after 'A vote was taken by show of hands', and the President's announcement."""
import re
from dataclasses import dataclass, field

from records.parsing import citations
from records.parsing.countries import PERMANENT_MEMBERS, index_for
from records.parsing.lexicon import fold
from records.parsing.model import Vote

ADOPTION_THRESHOLD = 9  # Charter, Article 27: nine affirmative votes
PROCEDURAL = ("procedural", "agenda")  # no veto on procedural matters (Article 27 (2))
DRAFT_SYMBOL = re.compile(r"S/\d{4}/\d+")


@dataclass
class VoteBlock:
    after_turn: int  # index of the turn the vote follows (-1 before any)
    since_turn: int = 0  # index of the first turn after the previous vote
    lines: list = field(default_factory=list)


def build_vote(seq, block, turns, speeches, cover, lexicon):
    """A Vote from its block, the turn before (what is put to the vote) and the turn after (the result)."""
    warnings = []
    lists, doubled = _lists(block.lines, lexicon)
    if doubled:
        warnings.append(f"vote {seq}: {', '.join(doubled)} in more than one list; the first kept")
    before = turns[block.after_turn].paragraphs if 0 <= block.after_turn < len(turns) else []
    after = turns[block.after_turn + 1].paragraphs if block.after_turn + 1 < len(turns) else []
    announcement = after[0] if after else ""  # the President's first words after the vote
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
    if outcome == "not adopted" and len(in_favour) >= ADOPTION_THRESHOLD and subject not in PROCEDURAL:
        vetoed_by = [c for c in against if c in PERMANENT_MEMBERS]
    resolution = None
    if outcome == "adopted" and subject == "draft resolution":
        found = citations.resolutions(announcement, lexicon)
        resolution = found[0] if found else None
    return Vote(
        seq=seq,
        after_speech=speeches[block.after_turn].seq if 0 <= block.after_turn < len(speeches) else None,
        subject=subject, draft=_draft(_where_the_draft_is_named(block, turns, before, subject), subject, lexicon),
        in_favour=in_favour, against=against,
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
    result, seen, doubled = {}, set(), []
    for key, parts in texts.items():
        text = " ".join(parts)
        result[key] = []
        if fold(text).strip(" .") in {fold(n) for n in lexicon.nobody}:
            continue
        for iso3, _, _ in index.scan(text):
            if iso3 in seen:
                if iso3 not in result[key]:
                    doubled.append(iso3)
                continue
            seen.add(iso3)
            result[key].append(iso3)
    return result, doubled


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
    if subject not in PROCEDURAL and any(c in PERMANENT_MEMBERS for c in against):
        return "not adopted"
    return "adopted"


def _where_the_draft_is_named(block, turns, before, subject):
    """The paragraphs that may name the text voted on. Speakers name the draft an amendment would
    change ('an oral amendment to the draft resolution in S/2020/24'), so for an amendment only the
    President's words putting it to the vote count; for a draft, every turn since the last vote."""
    if subject == "amendment":
        return [before[-2:]]
    return [turn.paragraphs for turn in turns[max(0, block.since_turn):block.after_turn + 1]]


def _draft(paragraph_groups, subject, lexicon):
    """The symbol of the text put to the vote: in the last sentence since the previous vote that
    names a draft resolution (or amendment) together with a symbol ('Members of the Council have
    before them document S/2024/255, which contains the text of a draft resolution')."""
    if subject not in ("draft resolution", "amendment"):
        return None
    phrases = [lexicon.rx(p) for p in lexicon.vote_subjects[subject]]
    sentence_end = re.compile(rf"(?<=[{re.escape(lexicon.terminal_punctuation)}])\s+")
    for paragraphs in reversed(paragraph_groups):
        for paragraph in reversed(paragraphs):
            for sentence in reversed(sentence_end.split(paragraph)):
                if any(rx.search(sentence) for rx in phrases):
                    symbols = [s for s in citations.documents(sentence) if DRAFT_SYMBOL.match(s)]
                    if symbols:
                        return symbols[0]
    return None
