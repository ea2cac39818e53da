"""Nothing lost: a worse version never replaces a good record silently, every file received is kept,
and the stored files and the rows agree."""
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from records import models
from records.ingest import FAILED, HELD, REPLACED, UNCHANGED, apply_version, import_record
from records.management.commands.check_media import media_report
from records.models import VersionState
from records.parsing.extract import extract
from tests.conftest import SEED, command_status, media_files, shared_path, table_counts

pytestmark = pytest.mark.django_db
SEED_TEXT = SEED.read_text(encoding="utf-8")


def half(text):
    return text[: len(text) // 2]


def import_status(*args):
    return command_status("import_records", *args, "--quiet")


def test_half_a_record_is_held_not_applied(client):
    import_record(SEED)
    before = table_counts()
    result = import_record(half(SEED_TEXT).encode(), source_name="half.txt")
    assert result.status == HELD
    assert "turns where the stored version has" in result.message and "no closing line" in result.message
    counts = table_counts()
    assert counts.pop("RecordVersion") == before.pop("RecordVersion") + 1
    assert counts == before  # nothing applied
    assert client.get("/meetings/9589/speeches/13/").status_code == 200
    held = models.RecordVersion.objects.get(state=VersionState.HELD)
    assert held.reasons and held.file and held.filename == "half.txt"
    assert import_record(half(SEED_TEXT).encode(), source_name="again.txt").status == HELD  # not twice


def test_half_an_english_record_is_held_too():
    pdf = shared_path("records", "en", "pdf", "S_PV.8700_E.pdf")
    record = import_record(pdf).record
    turns = record.speeches.count()
    text = extract(pdf.read_bytes()).text
    result = import_record(half(text).encode(), source_name="S_PV.8700_half.txt")
    assert result.status == HELD, result.message
    assert models.Record.objects.get().speeches.count() == turns
    assert models.Vote.objects.filter(meeting__number=8700).count() == 2


def test_import_records_reports_held_files_and_force_applies_them(tmp_path, capsys):
    import_record(SEED)
    (tmp_path / "half.txt").write_text(half(SEED_TEXT), encoding="utf-8")
    assert import_status(tmp_path / "half.txt") == 1
    out = capsys.readouterr().out
    assert "1 held" in out and "held for review (1)" in out
    turns = models.Speech.objects.count()
    assert import_status(tmp_path / "half.txt", "--force") == 0
    assert models.Speech.objects.count() < turns
    assert models.RecordVersion.objects.get(state=VersionState.APPLIED).filename == "half.txt"


def test_a_held_version_is_applied_on_purpose():
    turns = import_record(SEED).record.speeches.count()
    result = import_record(half(SEED_TEXT).encode(), source_name="half.txt")
    applied = apply_version(models.RecordVersion.objects.get(state=VersionState.HELD))
    assert applied.status == REPLACED, applied.message
    states = dict(models.RecordVersion.objects.values_list("filename", "state"))
    assert states == {"S_PV.9589_zh.txt": VersionState.SUPERSEDED, "half.txt": VersionState.APPLIED}
    assert 0 < result.record.speeches.count() < turns


def test_admins_see_held_versions_and_apply_them(admin_client):
    import_record(SEED)
    import_record(half(SEED_TEXT).encode(), source_name="half.txt")
    held = models.RecordVersion.objects.get(state=VersionState.HELD)
    page = admin_client.get(f"/admin/records/recordversion/{held.pk}/change/").content.decode()
    assert "turns where the stored version has" in page and "download" in page
    download = admin_client.get(f"/admin/records/recordversion/{held.pk}/file/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == half(SEED_TEXT).encode()
    response = admin_client.post("/admin/records/recordversion/", {"action": "apply",
                                                                   "_selected_action": [held.pk]}, follow=True)
    assert "replaced the earlier version" in response.content.decode()
    held.refresh_from_db()
    assert held.state == VersionState.APPLIED


def test_a_truncated_pdf_that_pdfium_opens_is_refused():
    pdf = shared_path("records", "en", "pdf", "S_PV.8699_E.pdf").read_bytes()
    before = table_counts()
    # Cut at 70%, this linearised PDF still opens in PDFium with all 65 pages (from its first-page
    # cross-reference); with an end marker added, or with the original end pasted on, too.
    cut = pdf[: len(pdf) * 7 // 10]
    for cut in (cut, cut + b"\n%%EOF\n", cut + pdf[-40:]):
        result = import_record(cut, source_name="cut.pdf")
        assert result.status == FAILED and "the PDF is truncated" in result.message, result.message
    assert table_counts() == before


def test_every_version_file_is_kept_and_check_media_agrees(capsys):
    import_record(SEED)
    corrected = SEED_TEXT.replace("我们感谢第1540", "我们衷心感谢第1540").encode()
    assert import_record(corrected, source_name="corrected.txt").status == REPLACED
    versions = models.RecordVersion.objects.order_by("received_at")
    assert [v.state for v in versions] == [VersionState.SUPERSEDED, VersionState.APPLIED]
    assert all(v.file for v in versions) and len(media_files()) == 2
    assert media_report() == ([], [])
    call_command("check_media")
    assert "0 orphan files, 0 missing files" in capsys.readouterr().out


def test_check_media_lists_orphans_and_missing_files(settings):
    record = import_record(SEED).record
    orphan = os.path.join(settings.MEDIA_ROOT, "records", "ab", "stray.pdf")
    os.makedirs(os.path.dirname(orphan))
    open(orphan, "wb").write(b"%PDF-")
    os.remove(record.file.path)
    orphans, missing = media_report()
    assert orphans == ["records/ab/stray.pdf"] and missing == [record.file.name]
    with pytest.raises(CommandError):
        call_command("check_media")


def test_files_are_stored_under_our_name_and_keep_theirs_as_data(admin_client):
    for name in ("x" * 300 + ".txt", "   "):
        models.Record.objects.all().delete()
        models.RecordVersion.objects.all().delete()
        response = admin_client.post("/admin/records/record/upload/",
                                     {"files": [SimpleUploadedFile(name, SEED.read_bytes())]})
        assert response.status_code == 200 and "imported" in response.content.decode()
        record = models.Record.objects.get()
        assert record.file.name.endswith("/S_PV.9589_zh.txt") and len(record.filename) <= 255


def test_every_input_of_import_records_gets_a_result_line(tmp_path, capsys):
    odd = os.fsdecode(b"record-\xff\xfe.txt")  # not valid UTF-8
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / odd).write_bytes(SEED.read_bytes())
    (tmp_path / "empty").mkdir()
    status = import_status(tmp_path / "files", tmp_path / "empty", "", tmp_path / "nothing-here.pdf")
    out = capsys.readouterr().out
    assert status == 1
    assert "4 files: 1 imported, 0 replaced, 0 unchanged, 0 held, 3 failed" in out
    assert "the folder holds no files" in out and "an empty path names no file" in out
    assert "no such file or folder" in out
    assert models.Record.objects.get().filename == "record-\ufffd\ufffd.txt"


def test_a_file_over_the_limit_is_never_read_to_hash_it(tmp_path, monkeypatch, settings, capsys):
    from records.management.commands import import_records

    settings.RECORD_UPLOAD_MAX_BYTES = 1000
    (tmp_path / "big.txt").write_bytes(b"x" * 5000)

    def no_hashing(path):
        raise AssertionError("hashed a file over the size limit")

    monkeypatch.setattr(import_records, "file_sha256", no_hashing)
    assert import_status(tmp_path / "big.txt") == 1
    assert "larger than the 1,000 bytes limit" in capsys.readouterr().out


def test_known_bytes_are_unchanged_even_as_an_old_version():
    import_record(SEED)
    corrected = SEED_TEXT.replace("我们感谢第1540", "我们衷心感谢第1540").encode()
    import_record(corrected, source_name="corrected.txt")
    assert import_record(SEED).status == UNCHANGED
    assert models.Record.objects.get().filename == "corrected.txt"


@pytest.mark.django_db(transaction=True)
def test_deleting_a_record_deletes_its_files_once_committed(countries):
    import_record(SEED)
    corrected = SEED_TEXT.replace("我们感谢第1540", "我们衷心感谢第1540").encode()
    import_record(corrected, source_name="corrected.txt")
    assert len(media_files()) == 2
    models.Meeting.objects.update(source=None)
    models.Record.objects.all().delete()
    assert media_files() == [] and media_report() == ([], [])
