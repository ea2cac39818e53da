"""The body of a record: turns of speech, votes, and the opening and closing times.

Every paragraph is one of: a procedural line ('The meeting rose at 4.20 p.m.'),
the start of a vote block ('A vote was taken by show of hands.') and its lists,
a speaker label opening a turn, a heading (agenda item, 'Adoption of the
agenda'), or more text of the current turn.
"""
import re
from dataclasses import dataclass, field

from records.parsing import citations
from records.parsing.clock import parse_time
from records.parsing.labels import parse_label
from records.parsing.lexicon import fold
from records.parsing.normalize import Block, join_lines
from records.parsing.speakers import Speakers
from records.parsing.votes import VoteBlock, build_vote


@dataclass
class Turn:
    label: object
    page: int
    paragraphs: list = field(default_factory=list)


@dataclass
class Body:
    speeches: list
    votes: list
    opened: str | None
    closed: str | None
    warnings: list


def parse_body(blocks, lexicon, cover, record_language, paged=False):
    blocks = _split_soft_blocks(blocks, lexicon)
    labels = [parse_label(block.text, lexicon) for block in blocks]
    headings = _headings(blocks, labels, lexicon, cover.agenda)
    speakers = Speakers(cover, lexicon)
    turns, vote_blocks = [], []
    opened = closed = None
    in_vote = None
    for block, label, heading in zip(blocks, labels, headings):
        kind, time = _procedural(block.text, lexicon)
        if kind:
            if kind in ("opened", "resumed") and opened is None:
                opened = time
            elif kind == "closed":
                closed = time
            in_vote = None
            continue
        if label is not None:
            in_vote = None
            turns.append(Turn(label=label, page=block.page, paragraphs=[block.text[label.end:].strip()]))
            continue
        if any(lexicon.rx(p).match(block.text) for p in lexicon.vote_taken):
            in_vote = VoteBlock(after_turn=len(turns) - 1)
            vote_blocks.append(in_vote)
            continue
        if in_vote is not None:
            in_vote.lines.extend(block.lines)
            continue
        if heading:
            continue
        if turns:
            turns[-1].paragraphs.append(block.text)
    speeches = [speakers.speech(seq, turn.label, _text(turn), record_language)
                for seq, turn in enumerate(turns, start=1)]
    if paged:
        for speech, turn in zip(speeches, turns):
            speech.page = turn.page
    votes, warnings = [], []
    for seq, vote_block in enumerate(vote_blocks, start=1):
        vote, problems = build_vote(seq, vote_block, turns, speeches, cover, lexicon)
        votes.append(vote)
        warnings += problems
    for speech in speeches:
        speech.resolutions_cited = citations.resolutions(speech.text, lexicon)
        speech.documents_cited = citations.documents(speech.text)
    return Body(speeches=speeches, votes=votes, opened=opened, closed=closed, warnings=warnings)


def _text(turn):
    return "\n\n".join(p for p in turn.paragraphs if p)


def _procedural(text, lexicon):
    for kind, patterns in (("opened", lexicon.opened), ("resumed", lexicon.resumed),
                           ("closed", lexicon.closed), ("suspended", lexicon.suspended)):
        for pattern in patterns:
            match = lexicon.rx(pattern).match(text)
            if match and len(text) < 160:
                return kind, parse_time(match.group("time"), lexicon)
    return None, None


def _split_soft_blocks(blocks, lexicon):
    """Where the input marked no paragraphs, a speaker label at a line start still opens one."""
    out = []
    for block in blocks:
        if not block.soft or len(block.lines) == 1:
            out.append(block)
            continue
        current = [block.lines[0]]
        for i in range(1, len(block.lines)):
            # A label may wrap: 'Mr. Nebenzia (Russian Federation) (spoke in' / 'Russian): ...'.
            head = join_lines(block.lines[i:i + 2], lexicon)
            if parse_label(head, lexicon) or _procedural(block.lines[i], lexicon)[0]:
                out.append(_block(current, block, lexicon))
                current = []
            current.append(block.lines[i])
        out.append(_block(current, block, lexicon))
    return out


def _block(lines, like, lexicon):
    block = Block(lines=lines, page=like.page, soft=like.soft)
    block.text = join_lines(lines, lexicon)
    return block


def _headings(blocks, labels, lexicon, agenda):
    """Which paragraphs are headings: agenda titles and procedural headings between turns."""
    fixed = [lexicon.rx(p) for p in lexicon.procedural_headings]
    agenda_lines = {_key(line) for item in agenda for line in item.split("\n")}
    agenda_text = _key(" ".join(agenda))
    flags = [False] * len(blocks)
    followed_by_start = True  # the end of the record counts as a start
    for i in range(len(blocks) - 1, -1, -1):
        text = blocks[i].text
        if labels[i] is not None or _procedural(text, lexicon)[0] or \
                any(lexicon.rx(p).match(text) for p in lexicon.vote_taken):
            followed_by_start = True
            continue
        key = _key(text)
        if any(rx.match(text) for rx in fixed) or (key and (key in agenda_lines or key == agenda_text)):
            flags[i] = True
        elif followed_by_start and _heading_like(text, lexicon):
            flags[i] = True
        followed_by_start = flags[i]
    return flags


def _heading_like(text, lexicon):
    """Short and without a sentence's final punctuation, like 'Expression of thanks to the outgoing President'."""
    last = text.rstrip()[-1:]
    if last == ")" and not re.search(r"\(\s*(?:S|A)/", text[-40:]):
        return False
    return len(text) <= 300 and last not in lexicon.terminal_punctuation


def _key(text):
    return re.sub(r"\s+", "", fold(text))
