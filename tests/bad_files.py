"""The bad-input table: files that must be refused with a reason and change nothing, through every
way in (ingest itself, the admin upload, import_records)."""
import pytest

from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
# Another body's record that names the Council only in its corrections notice.
GA_RECORD = """United Nations A/74/PV.50
General Assembly
Seventy-fourth session
50th plenary meeting
Tuesday, 10 December 2019, 10 a.m.
New York
This record contains the text of speeches delivered in English and of the translation of speeches
delivered in other languages, as in the Official Records of the Security Council and the Assembly.
President: Mr. Muhammad-Bande . . . . . . . . . . . . (Nigeria)
The meeting was called to order at 10 a.m.
The President: I give the floor to the representative of Ghana.
Mr. Agyeman (Ghana): Thank you, Mr. President.
The meeting rose at 1 p.m.
"""

HUGE = 60 * 1024 * 1024  # above the 50 MiB (52.4 MB) default limit

BAD_FILES = [
    # Whole (it ends as a PDF must, pointing at an object), but what lies between is junk.
    ("corrupt.pdf", b"%PDF-1.5\n1 0 obj\n" + b"\x00junk" * 200 + b"\nstartxref\n9\n%%EOF\n",
     "the PDF cannot be opened"),
    ("cut.pdf", b"%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages",
     "the PDF is truncated"),
    ("photo.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "neither a PDF nor UTF-8 text"),
    ("empty.txt", b"", "the file is empty"),
    ("huge.pdf", b"%PDF-1.4\n" + b"0" * HUGE, "larger than the 50 MB limit"),
    ("ga.txt", "United Nations A/78/PV.5\nGeneral Assembly\nSeventy-eighth session\n5th plenary meeting\n"
               "Tuesday, 19 September 2023, 3 p.m.\nNew York\nThe President: I give the floor.\n".encode(),
     "not a Security Council record"),
    ("A_74_PV.50.txt", GA_RECORD.encode(), "not a Security Council record: its symbol is A/74/PV.50"),
    ("assembly_zh.txt", SEED_TEXT.replace("安全理事会", "大会", 1).encode(),
     "not a Security Council record: the first page is headed"),
]


def bad_file_cases():
    """The table as pytest parameters, named by file."""
    return [pytest.param(name, data, message, id=name) for name, data, message in BAD_FILES]
