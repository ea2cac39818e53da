"""Bad input gets the parser's own error, with a message naming what is missing, and nothing else."""
import io

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from records.parsing import ParseError, parse_bytes
from tests.conftest import SEED, english_pdfs
from tests.parsing.helpers import assert_not_a_crash, parse_or_refuse

SEED_TEXT = SEED.read_text(encoding="utf-8")
GA_COVER = """United Nations A/78/PV.12
General Assembly
Seventy-eighth session
12th plenary meeting
Friday, 22 September 2023, 9 a.m.
New York
President: Mr. Francis . . . . . . . . . . . . (Trinidad and Tobago)
The meeting was called to order at 9 a.m.
The President: I give the floor to the representative of Ghana.
"""


def image_only_pdf():
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(612, 792)
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"   \n\t  ", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "neither a PDF nor UTF-8 text"),
    (b"%PDF-1.7\n" + b"\x00garbage" * 100, "PDF"),
    (GA_COVER.encode(), "not a Security Council record"),
    ("Hello world, this is a letter and not a meeting record at all. " * 20, "Security Council"),
    ("Bonjour " * 200, "not a verbatim record"),
    (image_only_pdf(), "no text layer"),
])
def test_not_a_record_is_named(data, message):
    if isinstance(data, str):
        data = data.encode()
    with pytest.raises(ParseError, match=message) as refused:
        parse_bytes(data)
    assert_not_a_crash(refused.value)


def test_truncated_pdf_is_refused():
    pdfs = english_pdfs()
    if not pdfs:
        pytest.skip("no development PDFs in ../shared")
    data = pdfs[0].read_bytes()
    with pytest.raises(ParseError):
        parse_bytes(data[: len(data) // 3])


def test_record_without_its_cover_names_what_is_missing():
    body = SEED_TEXT[SEED_TEXT.index("下午3时05分开会"):]
    with pytest.raises(ParseError, match="Security Council|meeting number|date"):
        parse_bytes(body.encode())


def test_cover_without_date_names_the_date():
    text = SEED_TEXT.replace("2024年3月26日", "")
    with pytest.raises(ParseError, match="no meeting date on the first page: .* as in 'Friday, 10 January 2020"):
        parse_bytes(text.encode())


def test_cover_without_meeting_number_names_it():
    text = SEED_TEXT.replace("第九五八九次会议", "")
    with pytest.raises(ParseError, match="no meeting number on the first page: a verbatim record's cover names its "
                                         "meeting, as in '8700th meeting' or its symbol 'S/PV.8700'"):
        parse_bytes(text.encode())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_raise_only_parse_error(data):
    parse_or_refuse(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_arbitrary_text_raises_only_parse_error(text):
    parse_or_refuse(text.encode("utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(SEED_TEXT)), st.integers(0, len(SEED_TEXT)), st.text(max_size=200))
def test_damaged_seed_raises_only_parse_error(start, end, insert):
    """Half a record, or one with text cut out or pasted in: a result or the parser's error."""
    start, end = sorted((start, end))
    damaged = SEED_TEXT[:start] + insert + SEED_TEXT[end:]
    record = parse_or_refuse(damaged.encode("utf-8"))
    if record is not None:
        assert record.meeting >= 1 and record.date


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SEED_TEXT.splitlines()), max_size=80))
def test_shuffled_lines_of_a_record_raise_only_parse_error(lines):
    parse_or_refuse("\n".join(lines).encode("utf-8"))
