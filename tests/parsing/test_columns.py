"""Text extracted with two columns side by side on each line (`pdftotext -layout`) is read column by
column, never as half the turns; without page breaks to read it by, it is refused."""
import textwrap

import pytest

from records.parsing import ParseError, parse_bytes
from records.parsing.extract import extract
from tests.conftest import shared_path

WIDTH, GUTTER, LINES = 44, 6, 56  # a column's characters, the spaces between columns, lines a page


def wrapped_pages(text):
    """The record as a text extractor lays it out: the cover as it is, then the body wrapped to a column's
    width, pages of two columns' worth of lines."""
    start = text.index("The meeting was called to order")
    lines = []
    for paragraph in text[start:].split("\n\n"):
        lines += textwrap.wrap(paragraph.replace("\n", " "), WIDTH) + [""]
    pages = [lines[i:i + 2 * LINES] for i in range(0, len(lines), 2 * LINES)]
    return text[:start], pages


def single_column(cover, pages):
    return "\f".join([cover] + ["\n".join(page) for page in pages])


def side_by_side(cover, pages):
    body = []
    for page in pages:
        left, right = page[:LINES], page[LINES:]
        right += [""] * (LINES - len(right))
        body.append("\n".join(f"{a:<{WIDTH}}{' ' * GUTTER}{b}".rstrip() for a, b in zip(left, right)))
    return "\f".join([cover] + body)


def turns(text):
    record = parse_bytes(text.encode())
    return [(s.seq, s.label, s.country, s.text.split()[:8]) for s in record.speeches]


@pytest.fixture(scope="module")
def s_pv_8700():
    path = shared_path("records", "en", "pdf", "S_PV.8700_E.pdf")
    return wrapped_pages(extract(path.read_bytes()).text)


def test_two_columns_on_each_line_are_read_in_order(s_pv_8700):
    cover, pages = s_pv_8700
    expected = turns(single_column(cover, pages))
    assert len(expected) == 23
    interleaved = side_by_side(cover, pages)
    assert any(" " * GUTTER in line for line in interleaved.splitlines()[100:])  # the columns do share lines
    assert turns(interleaved) == expected


def test_interleaved_columns_without_page_breaks_are_refused(s_pv_8700):
    cover, pages = s_pv_8700
    with pytest.raises(ParseError, match="two columns side by side"):
        parse_bytes(side_by_side(cover, pages).replace("\f", "\n").encode())
