"""The body of a record: turns of speech, votes, and the opening and closing times.

Every paragraph is one of: a procedural line ('The meeting rose at 4.20 p.m.'),
the start of a vote ('A vote was taken by show of hands.', or straight away its
'In favour:' list) and its lists, a speaker label opening a turn, a heading
(agenda item, 'Adoption of the agenda'), or more text of the current turn.
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

PROCEDURAL_MAX = 160  # a procedural line is a short sentence of its own


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


@dataclass
class _Paragraph:
    block: Block
    label: object = None
    procedural: tuple = (None, None)  # (kind, time)
    vote_start: bool = False  # 'A vote was taken by show of hands.'
    list_heading: bool = False  # 'In favour:'
    heading: bool = False


def parse_body(blocks, lexicon, cover, record_language, paged=False):
    paragraphs = _classify(_split_blocks(blocks, lexicon), lexicon, cover.agenda)
    turns, vote_blocks = [], []
    opened = closed = None
    in_vote = None
    for paragraph in paragraphs:
        block = paragraph.block
        kind, time = paragraph.procedural
        if kind:
            if kind in ("opened", "resumed") and opened is None:
                opened = time
            elif kind == "closed":
                closed = time
            in_vote = None
        elif paragraph.label is not None:
            in_vote = None
            turns.append(Turn(label=paragraph.label, page=block.page,
                              paragraphs=[block.text[paragraph.label.end:].strip()]))
        elif paragraph.vote_start or (paragraph.list_heading and in_vote is None):
            in_vote = VoteBlock(after_turn=len(turns) - 1,
                                since_turn=vote_blocks[-1].after_turn + 1 if vote_blocks else 0)
            vote_blocks.append(in_vote)
            if paragraph.list_heading:
                in_vote.lines.extend(block.lines)
        elif in_vote is not None:
            in_vote.lines.extend(block.lines)
        elif not paragraph.heading and turns:
            turns[-1].paragraphs.append(block.text)
    speakers = Speakers(cover, lexicon)
    speeches = [speakers.speech(seq, turn.label, _text(turn), record_language)
                for seq, turn in enumerate(turns, start=1)]
    warnings = [f"speech {seq}: the language '{turn.label.unknown_language}' has no code here; "
                f"given as the record's language" for seq, turn in enumerate(turns, 1) if turn.label.unknown_language]
    if not turns:
        warnings.append("no speaker labels found in the body")
    for speech, turn in zip(speeches, turns):
        speech.page = turn.page if paged else None
        speech.resolutions_cited = citations.resolutions(speech.text, lexicon)
        speech.documents_cited = citations.documents(speech.text)
    votes = []
    for seq, vote_block in enumerate(vote_blocks, start=1):
        vote, problems = build_vote(seq, vote_block, turns, speeches, cover, lexicon)
        votes.append(vote)
        warnings += problems
    return Body(speeches=speeches, votes=votes, opened=opened, closed=closed, warnings=warnings)


def _text(turn):
    return "\n\n".join(p for p in turn.paragraphs if p)


def _classify(blocks, lexicon, agenda):
    paragraphs = []
    for block in blocks:
        paragraph = _Paragraph(block=block, label=parse_label(block.text, lexicon),
                               procedural=_procedural(block.text, lexicon))
        if paragraph.label is None and paragraph.procedural[0] is None:
            paragraph.vote_start = _vote_start(block.text, lexicon)
            paragraph.list_heading = _list_heading(block.text, lexicon)
        paragraphs.append(paragraph)
    _mark_headings(paragraphs, lexicon, agenda)
    return paragraphs


def _procedural(text, lexicon):
    if len(text) >= PROCEDURAL_MAX:
        return None, None
    for kind, patterns in (("opened", lexicon.opened), ("resumed", lexicon.resumed),
                           ("closed", lexicon.closed), ("suspended", lexicon.suspended)):
        for pattern in patterns:
            match = lexicon.rx(pattern).match(text)
            if match:
                return kind, parse_time(match.group("time"), lexicon)
    return None, None


def _vote_start(text, lexicon):
    return any(lexicon.rx(p).match(text) for p in lexicon.vote_taken)


def _list_heading(text, lexicon):
    return bool(lexicon.rx(lexicon.in_favour).match(text))


def _starts_paragraph(line, following, lexicon):
    """Whether a line begins a paragraph whatever the layout said: a label (which may wrap onto
    the next line), a procedural line, or the start of a vote."""
    head = join_lines([line, following], lexicon) if following else line
    return bool(parse_label(head, lexicon) or _procedural(line, lexicon)[0] or _vote_start(line, lexicon)
                or _list_heading(line, lexicon))


def _split_blocks(blocks, lexicon):
    """Split paragraphs where a line inside begins a turn, a procedural line or a vote.

    Inputs without paragraph marks need it everywhere; marked ones need it where the marks fail
    (a page break in a text file, an unusual indentation in a PDF).
    """
    out = []
    for block in blocks:
        if len(block.lines) == 1:
            out.append(block)
            continue
        current = [block.lines[0]]
        for i in range(1, len(block.lines)):
            following = block.lines[i + 1] if i + 1 < len(block.lines) else ""
            if _starts_paragraph(block.lines[i], following, lexicon):
                out.append(_block(current, block, lexicon))
                current = []
            current.append(block.lines[i])
        out.append(_block(current, block, lexicon))
    return out


def _block(lines, like, lexicon):
    block = Block(lines=lines, page=like.page)
    block.text = join_lines(lines, lexicon)
    return block


def _mark_headings(paragraphs, lexicon, agenda):
    """Agenda titles and procedural headings between turns are not speech."""
    fixed = [lexicon.rx(p) for p in lexicon.procedural_headings]
    agenda_lines = {_key(line) for item in agenda for line in item.split("\n")}
    agenda_text = _key(" ".join(agenda))
    followed_by_start = True  # the end of the record counts as a start
    for paragraph in reversed(paragraphs):
        text = paragraph.block.text
        if paragraph.label is not None or paragraph.procedural[0] or paragraph.vote_start:
            followed_by_start = True
            continue
        key = _key(text)
        if any(rx.match(text) for rx in fixed) or (key and (key in agenda_lines or key == agenda_text)):
            paragraph.heading = True
        elif followed_by_start and _heading_like(text, lexicon):
            paragraph.heading = True
        followed_by_start = paragraph.heading


def _heading_like(text, lexicon):
    """Short and without a sentence's final punctuation, like 'Expression of thanks to the outgoing President'."""
    last = text.rstrip()[-1:]
    if last == ")" and not re.search(r"\(\s*(?:S|A)/", text[-40:]):
        return False
    return len(text) <= 300 and last not in lexicon.terminal_punctuation


def _key(text):
    return re.sub(r"\s+", "", fold(text))
