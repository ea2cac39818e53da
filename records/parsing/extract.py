"""From a record file's bytes to plain text: lines, blank lines between paragraphs, form feeds between pages.

Files are recognised by content, never by name: a PDF by its signature, text by
being valid UTF-8 (or UTF-16 with a byte order mark).

PDF text comes from PDFium (pypdfium2), which read the development records in
reading order at about 150 pages/s (pdfminer.six took nine times as long; see
bench/parse.py). PDFium gives the lines; the position of each line's first character
marks a paragraph where the line is indented against its column or where the
space above it is wider than the line pitch. Verbatim records indent the first
line of every paragraph, so this recovers the paragraphs that plain text
extraction loses. Nothing else is decided here: page furniture is removed by
the normaliser, the same way for text and PDF input.
"""
import codecs
import re
from dataclasses import dataclass

from records.parsing import columns
from records.parsing.errors import NeedsOcr, ParseError

PDF_SIGNATURE = b"%PDF-"
PDF_TAIL = 2048  # where the end-of-file marker and the cross-reference offset must be
STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
XREF_AT = re.compile(rb"\s*(?:xref|\d+\s+\d+\s+obj)")  # a table, or a cross-reference stream's object
PAGE_TREE_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)")
# PDFium marks a hyphen it found at a line end with one of these.
SOFT_HYPHENS = ("\x02", "\ufffe")


@dataclass
class Extracted:
    text: str
    pages: int
    layout: str  # "pdf", "blank-lines" or "lines": how paragraphs are marked (see normalize.py)
    ocr_confidence: float = None  # read by OCR (a scan): tesseract's mean word confidence, 0 to 1


def extract(data, ocr=True):
    """Return the text of a record file given as bytes; ParseError when it is neither PDF nor text.

    A PDF without a text layer (a scan) is read by OCR where `ocr` is true; else NeedsOcr.
    """
    if not data or not data.strip():
        raise ParseError("the file is empty")
    if PDF_SIGNATURE not in data[:1024]:
        return extract_text(data)
    try:
        return extract_pdf(data)
    except NeedsOcr:
        if not ocr:
            raise
    from records.parsing import ocr as scans
    from records.parsing.language import detect_language

    scanned = scans.read(data, detect_language)
    extracted = extract_pdf(scanned.pdf)
    extracted.ocr_confidence = scanned.confidence
    return extracted


def extract_text(data):
    text = None
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = _decode(data, encoding)
            break
    if text is None:
        text = _decode(data, "utf-8")
    if "\x00" in text:
        raise ParseError("the file is binary, not a PDF or a text file")
    text = columns.read_in_order(text.replace("\r\n", "\n").replace("\r", "\n"))
    pages = text.count("\f") + 1
    layout = "blank-lines" if _has_blank_line_paragraphs(text) else "lines"
    return Extracted(text=text, pages=pages, layout=layout)


def _decode(data, encoding):
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ParseError("the file is neither a PDF nor UTF-8 text") from None


def _has_blank_line_paragraphs(text):
    lines = text.split("\n")
    blank = sum(1 for line in lines if not line.strip())
    return blank * 12 >= len(lines)


def truncation(data, pages=None):
    """Why a PDF looks cut short, or None. PDFium opens many truncated files by rebuilding their
    cross-reference table, and would read the pages that survive as if they were the record."""
    tail = data[-PDF_TAIL:]
    if b"%%EOF" not in tail:
        return "it has no end-of-file marker (%%EOF)"
    ends = STARTXREF.findall(tail)
    if not ends:
        return "it does not end with the offset of its cross-reference table (startxref)"
    offset = int(ends[-1])
    if offset >= len(data) or not XREF_AT.match(data, offset):
        return "its cross-reference table is not where the file's end says (it was cut or damaged)"
    if pages is not None:
        declared = max((int(n) for n in PAGE_TREE_COUNT.findall(data)), default=0)
        if declared > pages:
            return f"its page tree lists {declared} pages, of which {pages} can be read"
    return None


def extract_pdf(data):
    import pypdfium2 as pdfium

    cut = truncation(data)
    if cut:
        raise ParseError(f"the PDF is truncated: {cut}; send the complete file")
    try:
        pdf = pdfium.PdfDocument(data)
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        raise ParseError(f"the PDF cannot be opened ({exc})") from None
    cut = truncation(data, pages=len(pdf))
    if cut:
        pdf.close()
        raise ParseError(f"the PDF is truncated: {cut}; send the complete file")
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(_page_text(textpage, page.get_width()))
                finally:
                    textpage.close()
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise ParseError(f"the PDF cannot be read ({exc})") from None
    finally:
        pdf.close()
    text = "\f".join(pages)
    if not text.strip():
        raise NeedsOcr("the PDF has no text layer (an image-only scan?)")
    # Indentation is measured from the left margin; right-to-left paragraphs indent from the right,
    # so for them the paragraph marks are not trusted and every line may begin a turn.
    layout = "lines" if _mostly_right_to_left(text) else "pdf"
    return Extracted(text=text, pages=len(pages), layout=layout)


def _mostly_right_to_left(text):
    sample = text[:20000]
    rtl = sum(1 for ch in sample if "\u0590" <= ch <= "\u08ff")
    letters = sum(1 for ch in sample if ch.isalpha())
    return letters > 0 and rtl > letters * 0.3


@dataclass
class _Line:
    x: float  # where the first character starts
    y: float  # its baseline
    text: str
    # The baseline of the last character: lower than y where PDFium joined a line ending in a
    # hyphen with the next ('Secretary-' / 'General'), so that one text line spans two.
    y_end: float = 0.0


def _page_text(textpage, page_width):
    lines = _lines(textpage)
    if not lines:
        return ""
    middle = page_width / 2
    margins = {}
    for line in lines:
        column = line.x >= middle
        margins[column] = min(margins.get(column, line.x), line.x)
    pitch = _line_pitch(lines)
    out = [lines[0].text]
    for previous, line in zip(lines, lines[1:]):
        if _starts_paragraph(line, previous, margins[line.x >= middle], pitch):
            out.append("")
        out.append(line.text)
    return "\n".join(out)


def _starts_paragraph(line, previous, margin, pitch):
    indented = line.x - margin > 8
    drop = previous.y_end - line.y
    if drop <= 0 or abs(previous.x - line.x) > 150:
        # The first line of a new column (or a jump across the page): a paragraph only if indented.
        return indented
    if drop > 1.4 * pitch:  # paragraph spacing: about 18 pt against 12 between lines
        return True
    # Indented against its column and against the line above: a paragraph's first line.
    return indented and line.x - previous.x > 8


def _line_pitch(lines):
    drops = sorted(a.y_end - b.y for a, b in zip(lines, lines[1:]) if 0 < a.y_end - b.y < 40)
    return drops[len(drops) // 2] if drops else 12.0


def _lines(textpage):
    """The page's lines in PDFium's reading order, each with the position of its first character."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    x, y = ctypes.c_double(), ctypes.c_double()
    lines = []
    position = 0
    # PDFium puts a generated CR LF between lines; string offsets are character indices.
    for raw in text.split("\r\n"):
        stripped = raw.strip()
        if stripped:
            first = position + len(raw) - len(raw.lstrip())
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, first, x, y)
            line = _Line(x=x.value, y=y.value, text=stripped, y_end=y.value)
            if any(hyphen in stripped for hyphen in SOFT_HYPHENS):
                last = position + len(raw.rstrip()) - 1
                pdfium_c.FPDFText_GetCharOrigin(textpage.raw, last, x, y)
                line.y_end = y.value
                for hyphen in SOFT_HYPHENS:
                    line.text = line.text.replace(hyphen, "-")
            lines.append(line)
        position += len(raw) + 2
    return lines
