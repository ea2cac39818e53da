"""Speaker labels: the words that open every turn of a verbatim record.

    Mr. Nebenzia (Russian Federation) (spoke in Russian): ...
    The President: ...
    Le Président (parle en anglais) : ...
    孙磊先生（中国）：...

A label is a presiding-officer label, an office ('The Secretary-General') or a
person (honorific and name, or name and honorific in Chinese), then optionally
a parenthetical naming a State or an organisation, then optionally the
language the speech was delivered in, then a colon.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

from records.parsing.countries import index_for
from records.parsing.lexicon import fold

MAX_LABEL = 220
PAREN = r"[(（]\s*(?P<paren>[^()（）]{1,120}?(?:[(（][^()（）]{1,60}[)）][^()（）]{0,40})?)\s*[)）]"


@dataclass
class Label:
    text: str  # as printed, without the language note and the colon
    end: int  # where the speech starts in the paragraph
    kind: str  # "president", "office" or "person"
    name: str = None  # the person's name without honorific
    paren: str = None  # State or organisation in brackets, as printed
    spoken_language: str = None
    organization: str = None  # for offices
    unknown_language: str = None  # a language note naming a language the lexicon does not know


def parse_label(text, lexicon):
    """The label at the start of a paragraph, or None."""
    head = text[:MAX_LABEL]
    match = _label_rx(lexicon).match(head)
    if not match:
        return None
    who = match.group("who").strip()
    if not _name_words_fit(who, lexicon):
        return None
    paren = match.group("paren")
    if match.groupdict().get("bare") and not (paren and index_for(lexicon.code).resolve(paren)):
        return None  # capitalised words and a bracket open many a sentence: only a State makes them a label
    note_start = match.start("note") if match.group("note") else match.start("colon")
    spoke = match.group("lang")
    if paren and spoke is None:
        # A lone bracket may be the language note itself: 'Mr. Chambas (spoke in French):'.
        note = re.fullmatch(lexicon.spoke_in, f"({paren})", re.IGNORECASE)
        if note:
            spoke, paren = note.group("lang"), None
            note_start = max(head.rfind("(", 0, match.start("paren")), head.rfind("（", 0, match.start("paren")))
    language = lexicon.language_codes.get(fold(re.sub(r"\s+", " ", spoke))) if spoke else None
    label = Label(text=head[:note_start].strip(), end=match.end(), kind="person", paren=paren,
                  spoken_language=language, unknown_language=spoke if spoke and not language else None)
    if who in lexicon.president_labels:
        label.kind = "president"
    elif who in lexicon.office_labels:
        label.kind = "office"
        label.organization = lexicon.office_labels[who]
    else:
        label.name = strip_honorific(who, lexicon)
    return label


def _name_words_fit(who, lexicon):
    """After its first word, a name's words are capitalised or particles ('Pecsteen de Buytswerve',
    'Ahmad of Wimbledon'): 'Mr. Guterres said:' opens no turn. Scripts without case pass."""
    if lexicon.honorific_position != "prefix" or who in lexicon.president_labels or who in lexicon.office_labels:
        return True
    words = strip_honorific(who, lexicon).split()
    return all(not word[0].islower() or word in lexicon.name_particles for word in words[1:])


def strip_honorific(who, lexicon):
    for honorific in lexicon.honorifics_longest_first:
        if lexicon.honorific_position == "prefix" and who.startswith(honorific + " "):
            return who[len(honorific):].strip()
        if lexicon.honorific_position == "suffix" and who.endswith(honorific) and len(who) > len(honorific):
            return who[: -len(honorific)].strip()
    return who


def name_key(name, lexicon):
    """A name folded for comparison: 'Mr. Zhang Jun' and 'Zhang Jun' and 'zhang  jun' agree."""
    if not name:
        return ""
    name = strip_honorific(name.strip(), lexicon)
    return re.sub(r"[\s·.\-‐‑]+", "", fold(name))


@lru_cache(maxsize=None)
def _label_rx(lexicon):
    fixed = sorted(list(lexicon.president_labels) + list(lexicon.office_labels), key=len, reverse=True)
    fixed_rx = "|".join(re.escape(label) for label in fixed)
    honorifics = "|".join(re.escape(h) for h in sorted(lexicon.honorifics, key=len, reverse=True))
    if lexicon.honorific_position == "suffix":
        person = rf"[^\s\d（）()：:，,。、；;“”\"]{{1,24}}?(?:{honorifics})"
    else:
        word = r"[^\W\d_][\w'’.\-‐]*"
        person = rf"(?:{honorifics})\s*{word}(?:\s+{word}){{0,7}}"
        # A name without honorific, 'Nana Effah-Apenteng (Ghana):': two to five capitalised words (or
        # particles) and then, checked in parse_label, a bracket that names a State.
        capital = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.\-‐]*"
        particles = "|".join(re.escape(p) for p in lexicon.name_particles)
        bare = rf"(?P<bare>{capital}(?:\s+(?:(?:{particles})\s+)?{capital}){{1,4}})(?=\s*[(（])"
        person = rf"{person}|{bare}"
    source = (rf"^(?P<who>{fixed_rx}|{person})"
              rf"(?:\s*{PAREN})?"
              rf"(?:\s*(?P<note>{lexicon.spoke_in}))?"
              rf"(?P<colon>{lexicon.label_colon})")
    return re.compile(source, re.IGNORECASE if lexicon.honorific_position == "suffix" else 0)
