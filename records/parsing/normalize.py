"""Clean extracted text into paragraphs: no page furniture, no broken words, no split paragraphs.

The same steps serve PDF and text input. What differs is how much the input
says about paragraphs (`Extracted.layout`):
- "pdf": blank lines mark paragraphs (from indentation); page breaks are
  continuations unless the next page starts a paragraph;
- "blank-lines": blank lines mark paragraphs, but a page break also left one
  ('根\\n\\n据'), so a paragraph that stops mid-sentence is joined to the next;
- "lines": no paragraph marks at all; a short last line ends a paragraph.
"""
import re
import unicodedata
from dataclasses import dataclass, field

SYMBOL = r"S/PV\.\d+(?:\s*\([^)]{1,30}\))?"
DATE_DMY = r"\d{2}/\d{2}/\d{4}"
JOB = r"\d{2}-\d{5}"
PAGE = r"\d{1,3}/\d{1,3}"
FURNITURE_LINES = [
    re.compile(rf"^{SYMBOL}\s.{{0,200}}\s{DATE_DMY}$"),  # running header, even pages
    re.compile(rf"^{DATE_DMY}\s.{{0,200}}\s{SYMBOL}$"),  # running header, odd pages
    re.compile(rf"^(?:{PAGE}\s*{JOB}|{JOB}\s*{PAGE})$"),  # footer, also run together ('26-039202/31')
    re.compile(rf"^{JOB}\s*\([A-Z]\)\s*$"),  # job number with language letter, cover page
    re.compile(rf"^{PAGE}$"),
    re.compile(r"^\*\d{7,8}\*$"),  # barcode
    # The 1994-2009 layouts: the symbol alone heads each page; the page number and the job number
    # share the foot ('2 07-20880', '07-20880 3'); the 1990s put the page number alone at the foot.
    re.compile(rf"^{SYMBOL}$"),
    re.compile(rf"^(?:\d{{1,3}}\s+{JOB}|{JOB}\s+\d{{1,3}})$"),
    re.compile(r"^\d{1,3}$"),
]
JOB_NUMBER = re.compile(rf"(?<![\d/-])({JOB})\s*\(\s*[A-Z]\s*\)")  # '24-08209 (C)' on the cover
FOOTER_JOB = re.compile(rf"^(?:{PAGE}\s*({JOB})|({JOB})\s*{PAGE})$", re.MULTILINE)
BARCODE = re.compile(r"\*\d{7,8}\*")
# Soft hyphens, zero-width characters, Arabic tatweel; and the spaces that are not plain spaces.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff\u0640]")
SPACES = re.compile("[\u00a0\u2007\u2009\u202f\u3000]")
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Chinese characters
# Chinese characters and punctuation, and the middle dot of transcribed names ('布朗 · 伊尔先生').
CJK = f"\u00b7\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff{HAN}\uff01-\uff0f\uff1a-\uff20"
CJK_GAP = re.compile(rf"(?<=[{CJK}]) +(?=[{CJK}])")


@dataclass
class Block:
    """A paragraph: its lines as printed and where it starts."""

    lines: list
    page: int
    text: str = field(default="", compare=False)


@dataclass
class Normalized:
    blocks: list
    job_number: str = None


def normalize(extracted, lexicon):
    text = clean_characters(extracted.text, lexicon)
    job = _job_number(text)
    heads = [re.compile(pattern) for pattern in lexicon.running_heads]
    pages = [_page_lines(page, heads) for page in text.split("\f")]
    if extracted.layout == "lines":
        blocks = _blocks_from_lines(pages, lexicon)
    else:
        blocks = _blocks_from_marks(pages, lexicon, join_split=extracted.layout == "blank-lines")
    for block in blocks:
        block.text = join_lines(block.lines, lexicon)
    return Normalized(blocks=[b for b in blocks if b.text], job_number=job)


def _job_number(text):
    """The job number as the cover prints it with its language letter ('24-08209 (C)'); failing
    that, the one in the pages' footers."""
    cover = JOB_NUMBER.search(text)
    if cover:
        return cover.group(1)
    footers = [m.group(1) or m.group(2) for m in FOOTER_JOB.finditer(text)]
    return max(footers, key=footers.count) if footers else None


def clean_characters(text, lexicon):
    text = SPACES.sub(" ", INVISIBLE.sub("", unicodedata.normalize("NFC", text)))
    for pattern, replacement in lexicon.repairs:
        text = re.sub(pattern, replacement, text)
    if lexicon.ignorable:
        text = re.sub(lexicon.ignorable, "", text)
    for phrase in lexicon.furniture:
        pattern = r"\s*".join(re.escape(word) for word in phrase.split()) if lexicon.spaced else re.escape(phrase)
        text = re.sub(pattern, "\n", text)
    text = BARCODE.sub("\n", text)
    if not lexicon.spaced:  # justification spaces inside unspaced words
        text = CJK_GAP.sub("", text)
    return text


def _page_lines(page, heads=()):
    """[(line, starts_paragraph)] without furniture (and the language's running heads); a blank line
    before a line marks a paragraph."""
    out = []
    blank_before = False
    for raw in page.split("\n"):
        line = raw.strip()
        if not line:
            blank_before = True
            continue
        if any(rx.match(line) for rx in FURNITURE_LINES) or any(rx.match(line) for rx in heads):
            # The mark before a furniture line belongs to it, not to the text after it.
            blank_before = False
            continue
        out.append((line, blank_before))
        blank_before = False
    return out


def _blocks_from_marks(pages, lexicon, join_split):
    blocks = []
    for number, lines in enumerate(pages, start=1):
        for line, starts in lines:
            if blocks and not starts:
                blocks[-1].lines.append(line)  # also across a page break: the page did not start a paragraph
            else:
                blocks.append(Block(lines=[line], page=number))
    if join_split:
        blocks = _join_split_paragraphs(blocks, lexicon)
    return blocks


def _join_split_paragraphs(blocks, lexicon):
    """Join a paragraph that stops mid-sentence with the next one (a page break in the source)."""
    out = []
    for block in blocks:
        if out and _stops_mid_sentence(out[-1], lexicon) and not _looks_like_start(block.lines[0], lexicon):
            out[-1].lines.extend(block.lines)
        else:
            out.append(block)
    return out


def _stops_mid_sentence(block, lexicon):
    line = block.lines[-1].rstrip()
    # Headings and list lines are short and also end without punctuation; the line a page break cut is long.
    return bool(line) and line[-1] not in lexicon.terminal_punctuation and len(line) >= lexicon.cut_line_length


def _looks_like_start(line, lexicon):
    from records.parsing.labels import parse_label

    return parse_label(line, lexicon) is not None or line[:1].isupper()


def _blocks_from_lines(pages, lexicon):
    lines = [(line, number) for number, page in enumerate(pages, start=1) for line, _ in page]
    lengths = sorted(len(line) for line, _ in lines)
    typical = lengths[int(len(lengths) * 0.75)] if lengths else 0
    blocks = []
    ended = True
    for line, number in lines:
        if ended:
            blocks.append(Block(lines=[line], page=number))
        else:
            blocks[-1].lines.append(line)
        # Justified text fills its lines; the short last line of a paragraph does not. Character
        # counts only approximate widths, so a fairly short line must also end a sentence.
        short = len(line) < 0.8 * typical and line[-1] in lexicon.terminal_punctuation
        ended = (short or len(line) < 0.6 * typical) and not line.endswith("-")
    return blocks


def join_lines(lines, lexicon):
    text = ""
    for line in lines:
        if not text:
            text = line
        elif text.endswith("-") and not text.endswith(" -"):
            broken_word = (lexicon.splits_words and len(text) > 1 and text[-2].islower() and line[:1].islower())
            text = (text[:-1] if broken_word else text) + line
        elif not lexicon.spaced and (re.match(f"[{CJK}]", text[-1]) or re.match(f"[{CJK}]", line[0])):
            text += line
        else:
            text += " " + line
    return re.sub(r"[ \t]{2,}", " ", text).strip() if lexicon.spaced else text.strip()
