"""The bad-input table: files that must be refused with a reason and change nothing, through every
way in (ingest itself, the admin upload, import_records)."""
import pytest

HUGE = 60 * 1024 * 1024  # above the 50 MiB (52.4 MB) default limit

BAD_FILES = [
    ("corrupt.pdf", b"%PDF-1.5\n" + b"\x00junk" * 200, "the PDF cannot be opened"),
    ("photo.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "neither a PDF nor UTF-8 text"),
    ("empty.txt", b"", "the file is empty"),
    ("huge.pdf", b"%PDF-1.4\n" + b"0" * HUGE, "larger than the 52.4 MB limit"),
    ("ga.txt", "United Nations A/78/PV.5\nGeneral Assembly\nSeventy-eighth session\n5th plenary meeting\n"
               "Tuesday, 19 September 2023, 3 p.m.\nNew York\nThe President: I give the floor.\n".encode(),
     "not a Security Council record"),
]


def bad_file_cases():
    """The table as pytest parameters, named by file."""
    return [pytest.param(name, data, message, id=name) for name, data, message in BAD_FILES]
