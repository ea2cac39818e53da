"""python manage.py import_records PATH...: files and folders, workers, summary, exit status."""
import pytest
from django.core.management import call_command

from records import models
from tests.conftest import SEED, english_pdfs, table_counts

pytestmark = pytest.mark.django_db

BAD_FILES = {
    "corrupt.pdf": (b"%PDF-1.5\n" + b"\x00junk" * 200, "the PDF cannot be opened"),
    "photo.pdf": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "neither a PDF nor UTF-8 text"),
    "empty.txt": (b"", "the file is empty"),
    "huge.pdf": (b"%PDF-1.4\n" + b"0" * (60 * 1024 * 1024), "larger than the 52.4 MB limit"),
    "ga.txt": (b"United Nations A/78/PV.5\nGeneral Assembly\n5th plenary meeting\nTuesday, 19 September 2023, 3 p.m.\n",
               "not a Security Council record"),
}


def run(*args):
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_records", *map(str, args), "--quiet")
        raise SystemExit(0)
    return exit_info.value.code


def test_bad_files_each_get_their_reason_and_change_nothing(tmp_path, capsys):
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    before = table_counts()
    assert run(tmp_path, "--workers", "2") == 1
    out = capsys.readouterr().out
    assert "5 files: 0 imported, 0 replaced, 0 unchanged, 5 failed" in out
    for name, (_, message) in BAD_FILES.items():
        assert any(name in line and message in line for line in out.splitlines()), name
    assert table_counts() == before


def test_folders_are_searched_and_known_files_skipped(tmp_path, capsys):
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    for pdf in english_pdfs()[:2]:
        (folder / pdf.name).write_bytes(pdf.read_bytes())
    assert run(tmp_path, "--workers", "2") == 0
    imported = 1 + len(english_pdfs()[:2])
    assert f"{imported} imported" in capsys.readouterr().out
    assert run(tmp_path) == 0
    assert f"{imported} unchanged" in capsys.readouterr().out
    assert models.Record.objects.count() == imported
