"""python manage.py import_records PATH...: files and folders, workers, summary, exit status."""
import io

import pytest
from django.core.management import CommandError, call_command

from records import models
from tests.bad_files import BAD_FILES
from tests.conftest import SEED, command_status, english_pdfs, media_files, table_counts

pytestmark = pytest.mark.django_db


def run(*args):
    return command_status("import_records", *args, "--quiet")


def test_bad_files_each_get_their_reason_and_change_nothing(tmp_path, capsys):
    for name, data, _ in BAD_FILES:
        (tmp_path / name).write_bytes(data)
    before, stored = table_counts(), media_files()
    assert run(tmp_path, "--workers", "2") == 1
    out = capsys.readouterr().out
    count = len(BAD_FILES)
    assert f"{count} files: 0 imported, 0 replaced, 0 unchanged, 0 held, {count} failed" in out
    for name, _, message in BAD_FILES:
        assert any(name in line and message in line for line in out.splitlines()), name
    assert (table_counts(), media_files()) == (before, stored)


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


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_bar_is_plain_and_only_on_a_terminal(tmp_path):
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "notes.txt").write_bytes(b"not a record")
    piped_out, piped_err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_records", tmp_path, stdout=piped_out, stderr=piped_err)
    assert piped_err.getvalue() == ""  # no bar when stderr is not a terminal
    assert "2 files: 1 imported" in piped_out.getvalue()
    shown = Terminal()
    call_command("import_records", tmp_path / "seed.txt", stdout=io.StringIO(), stderr=shown)
    assert "1/1" in shown.getvalue() and "\x1b[" not in shown.getvalue()  # drawn, not in the error colour


def test_failures_are_grouped_by_reason_with_a_few_names(tmp_path, capsys):
    for n in range(5):
        (tmp_path / f"speech{n}.txt").write_bytes(b"Thank you, Mr. President. I congratulate the Council.")
    assert run(tmp_path) == 1
    out = capsys.readouterr().out
    grouped = [line for line in out.splitlines() if line.startswith("  failed (5):")]
    assert len(grouped) == 1 and grouped[0].endswith("and 2 more")
