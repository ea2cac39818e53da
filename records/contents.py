"""A long meeting's table of contents: its turns and votes in order, and the States that spoke."""
from dataclasses import dataclass

FIRST_LINE = 90  # characters of a turn's opening shown in the contents


@dataclass(frozen=True)
class Entry:
    anchor: str
    seq: int
    label: str
    state: str
    role: str
    opening: str
    kind: str = "speech"


def opening(text, length=FIRST_LINE):
    """The start of a turn's first paragraph, cut at a word."""
    first = text.strip().split("\n", 1)[0].strip()
    if len(first) <= length:
        return first
    cut = first[:length].rsplit(" ", 1)[0] if " " in first[:length] else first[:length]
    return cut.rstrip(",;:") + "…"


def contents(items):
    """[Entry] from the transcript's ("speech", s) and ("vote", v) pairs."""
    entries = []
    for kind, item in items:
        if kind == "vote":
            entries.append(Entry(item.anchor, item.seq, f"Vote {item.seq}", "", "", item.figures, kind="vote"))
        else:
            entries.append(Entry(item.anchor, item.seq, item.label, item.country.name_en if item.country else "",
                                 item.get_role_display(), opening(item.text)))
    return entries


def states(speeches):
    """[(State name, anchor of its first turn)] in the order the States first spoke."""
    first = {}
    for speech in speeches:
        if speech.country and speech.country.name_en not in first:
            first[speech.country.name_en] = speech.anchor
    return sorted(first.items())
