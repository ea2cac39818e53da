"""Scanned records: a development record rendered to page images (pdftoppm) and rebuilt as a PDF of
images only is read by OCR (tesseract), with its turns and votes, and marked as OCR with its confidence."""
import difflib
import io
import shutil
import subprocess

import pytest

from records.parsing import ocr, parse_bytes, parse_file
from tests.conftest import SHARED

RECORD = SHARED / "records" / "en" / "pdf" / "S_PV.8700_E.pdf"  # 12 pages, 23 turns, 2 votes

pytestmark = [
    pytest.mark.skipif(not ocr.available(), reason=ocr.missing()),
    pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler's pdftoppm is not installed (poppler-utils)"),
]


def image_only(pdf_path, folder, dpi=150):
    """The record as a scan: each page rendered by pdftoppm and the images made a PDF without any text."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf_path), str(folder / "page")], check=True)
    images = [Image.open(path).convert("L") for path in sorted(folder.glob("page-*.png"))]
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


def turns(record):
    return [(s.role, s.country, s.spoken_language) for s in record.speeches]


def ballots(record):
    return [(v.subject, sorted(v.in_favour), sorted(v.against), sorted(v.abstaining), v.outcome, v.resolution)
            for v in record.votes]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    if not RECORD.exists():
        pytest.skip(f"{RECORD} is not in ../shared")
    data = image_only(RECORD, tmp_path_factory.mktemp("scan"))
    assert b"/Font" not in data  # no text layer at all
    return data


def test_a_scanned_record_is_read_by_ocr(scanned):
    original, read = parse_file(RECORD), parse_bytes(scanned)
    assert original.ocr_confidence is None and 0.9 <= read.ocr_confidence <= 1
    assert (read.meeting, read.date, read.language) == (8700, "2020-01-10", "en")
    right = difflib.SequenceMatcher(a=turns(original), b=turns(read), autojunk=False).ratio()
    assert right >= 0.95, right
    labels = sum(a.label == b.label for a, b in zip(original.speeches, read.speeches)) / len(original.speeches)
    assert labels >= 0.9, labels  # OCR may misread a letter of a name ('Jiirgenson')
    assert ballots(read) == ballots(original)  # every vote right


def test_the_quick_pass_leaves_a_scan_to_ocr(scanned):
    from records.parsing.errors import NeedsOcr

    with pytest.raises(NeedsOcr, match="no text layer"):
        parse_bytes(scanned, ocr=False)


@pytest.mark.django_db
def test_an_ocr_record_is_marked_as_such(scanned, countries, settings):
    from records.ingest import import_record

    settings.RECORD_PARSE_TIMEOUT_SECONDS = 5  # the quick pass; OCR has its own limit
    result = import_record(scanned, source_name="S_PV.8700_scan.pdf")
    assert result.ok, result.message
    assert result.record.ocr and 0.9 <= result.record.ocr_confidence <= 1
    assert result.record.contract["ocr"]["engine"] == "tesseract"
    from django.test import Client

    settings.PAGE_CACHE = False
    page = Client().get("/meetings/8700/").content.decode()
    assert "read by OCR from the scanned pages" in page
