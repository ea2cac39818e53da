"""Text that another tool extracted with the page's two columns side by side on each line.

`pdftotext -layout` keeps the layout: on the text pages of a verbatim record each line holds a line
of the left column, a run of spaces, and a line of the right column. Read line by line, every turn
would be cut in two and interleaved with another. Such pages are found by the gutter, a column of
spaces at the same place on most lines, and read column by column: the left column, then the
right. Text with such lines and no page breaks to read by is refused rather than read wrong.
"""
import re
from collections import Counter

from records.parsing.errors import ParseError

GAP = re.compile(r"\S( {3,})(?=\S)")  # three spaces or more between two words: a gutter candidate
MIN_LINES = 8  # a page needs this many lines across the gutter to be read as two columns
SHARE = 0.5  # ... and at least this share of its lines with text on both sides of it


def gutter(lines):
    """The column where the page's right column starts, or None when the page is not two columns."""
    crossing = [line for line in lines if GAP.search(line)]
    if len(crossing) < MIN_LINES:
        return None
    starts = Counter()
    for line in crossing:
        for match in GAP.finditer(line):
            starts[match.end(1)] += 1
    column, count = max(starts.items(), key=lambda item: (item[1], -item[0]))
    # The right column starts at one place, give or take a letter (justified text, a line indented).
    near = sum(n for start, n in starts.items() if abs(start - column) <= 2)
    wide = [line for line in lines if len(line.rstrip()) > column]
    if near < MIN_LINES or near < SHARE * max(len(wide), 1):
        return None
    return column


def split_page(lines, column):
    """The page's left column, then its right one."""
    left, right = [], []
    for line in lines:
        head, tail = line[:column - 2], line[column - 2:]
        if head.strip() and tail.strip() and not head.endswith(" ") and not tail.startswith(" "):
            left.append(line.strip())  # a line across the gutter (a heading): keep it whole
            continue
        left.append(head.rstrip())
        right.append(tail.strip())
    return left + [""] + right


def read_in_order(text):
    """The text with each two-column page read column by column; other pages as they are."""
    pages = text.split("\f")
    if len(pages) == 1:
        if gutter(text.splitlines()) is not None:
            raise ParseError("the text has two columns side by side on each line (as 'pdftotext -layout' "
                             "writes them) and no page breaks to read them by: send the PDF, or text "
                             "extracted without -layout")
        return text
    out = [pages[0]]  # the cover: its members list has columns of its own, read as lines
    for page in pages[1:]:
        lines = page.split("\n")
        column = gutter(lines)
        out.append(page if column is None else "\n".join(split_page(lines, column)))
    return "\f".join(out)
