"""OCR for scanned records (a PDF without a text layer): tesseract, through pytesseract.

Each page is rendered (PDFium), read by tesseract into a one-page PDF with a text layer at the
words' positions, and the pages are joined into one PDF that the usual extraction reads: the same
columns, indents and paragraph marks as a born-digital record. The words' confidences are kept.

The language: the first page is read with the models of its script (Latin, Cyrillic, Arabic or
Chinese characters, found by tesseract's script detection), the record's language is told from that
text as for any record, and every page is read again with that language's model alone.
"""
import io
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from records import languages
from records.parsing.errors import ParseError

DPI = 200  # enough for the records' 10-point type; each doubling of the resolution quadruples the time
MODELS = {code: language.ocr_model for code, language in languages.OFFICIAL.items()}
# One thread per tesseract: its OpenMP threads spin against each other on a shared machine (measured
# here: 5 minutes for 12 pages with them, 12 seconds without).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
# tesseract's script detection names the registry's scripts ('HanS' for simplified characters).
BY_SCRIPT = {script: "+".join(lang.ocr_model for lang in languages.OFFICIAL.values() if lang.script.name == script)
             for script in {lang.script.name for lang in languages.OFFICIAL.values()}}
BY_SCRIPT["HanS"] = BY_SCRIPT["Han"]


@dataclass
class Read:
    pdf: bytes  # the record with a text layer
    confidence: float  # mean word confidence, 0 to 1
    language: str
    pages: int


def available():
    """Whether tesseract and its models are installed (the tests skip with this reason otherwise)."""
    if not shutil.which("tesseract"):
        return False
    try:
        import pytesseract

        installed = set(pytesseract.get_languages(config=""))
    except Exception:  # pytesseract missing, or tesseract unusable
        return False
    return set(MODELS.values()) <= installed


def missing():
    """Why OCR cannot run here, for messages and skips."""
    return "tesseract and its data for the six languages are not installed (apt-get install tesseract-ocr " \
           "tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-rus tesseract-ocr-chi-sim tesseract-ocr-ara)"


def read(data, detect_language):
    """The scanned PDF `data` with a text layer; detect_language(text) -> code tells the language."""
    if not available():
        raise ParseError("the PDF has no text layer (an image-only scan?), and " + missing())
    pages = _page_count(data)
    if not pages:
        raise ParseError("the PDF has no pages")
    first = _render(data, 0)
    first_text = _text(first, _script_models(first))
    try:
        language = detect_language(first_text)
    except ParseError:
        raise ParseError("the PDF has no text layer (a scan?), and OCR found no text of a verbatim record on "
                         "its first page") from None
    # One tesseract per core: each page is its own process, the machine's cores read pages side by side.
    # Pages are rendered here, one at a time (PDFium is not thread-safe), a few ahead of the readers.
    workers = max(1, min(pages, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending = []
        for number in range(pages):
            image = first if number == 0 else _render(data, number)
            pending.append(pool.submit(_page, image, MODELS[language]))
            if len(pending) - sum(f.done() for f in pending) >= 2 * workers:
                pending[-2 * workers].result()  # wait before rendering more: a page image is megabytes
        done = [future.result() for future in pending]
    confidences = [word for _, words in done for word in words]
    confidence = sum(confidences) / len(confidences) / 100 if confidences else 0.0
    return Read(pdf=_join([pdf for pdf, _ in done]), confidence=round(confidence, 3), language=language, pages=pages)


def _page_count(data):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _render(data, number):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[number].render(scale=DPI / 72, grayscale=True).to_pil()
    finally:
        pdf.close()


def _script_models(image):
    import pytesseract

    try:
        script = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT).get("script", "Latin")
    except pytesseract.TesseractError:  # too little text to tell: the Latin scripts are the most likely
        script = "Latin"
    return BY_SCRIPT.get(script, BY_SCRIPT["Latin"])


def _text(image, models):
    import pytesseract

    return pytesseract.image_to_string(image, lang=models)


def _page(image, model):
    """(one-page PDF with its text layer, [word confidences]) in one run of tesseract."""
    import pytesseract

    pdf, tsv = pytesseract.run_and_get_multiple_output(image, extensions=["pdf", "tsv"], lang=model,
                                                       return_bytes=True)
    words = []
    for line in tsv.decode("utf-8", "replace").splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) == 12 and fields[11].strip() and float(fields[10]) >= 0:
            words.append(float(fields[10]))
    return pdf, words


def _join(pages):
    import pypdfium2 as pdfium

    joined = pdfium.PdfDocument.new()
    for page in pages:
        one = pdfium.PdfDocument(page)
        joined.import_pages(one)
        one.close()
    out = io.BytesIO()
    joined.save(out)
    joined.close()
    return out.getvalue()
