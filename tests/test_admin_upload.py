"""Uploading records through the admin: several files at once, one result line each, staff only, CSRF on."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from records import models
from tests.bad_files import bad_file_cases
from tests.conftest import SEED, english_pdfs, media_files, table_counts

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/records/record/upload/"


@pytest.fixture
def staff(client):
    user = User.objects.create_user("archivist", password="pw-archivist-1", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_record", "change_record",
                                                                        "view_record"]))
    client.force_login(user)
    return client


def upload(client, *files):
    return client.post(UPLOAD, {"files": list(files)})


def named(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_upload_page_is_linked_from_the_records_list(staff):
    page = staff.get("/admin/records/record/").content.decode()
    assert f'href="{UPLOAD}"' in page
    form = staff.get(UPLOAD).content.decode()
    assert 'type="file"' in form and "multiple" in form and "csrfmiddlewaretoken" in form


def test_several_files_each_get_a_result_line(staff):
    files = [named("S_PV.9589_zh.txt", SEED.read_bytes())]
    pdfs = english_pdfs()
    if pdfs:
        files.append(named("S_PV.8701_E.pdf", pdfs[5].read_bytes() if "8701" in pdfs[5].name else
                           next(p for p in pdfs if "8701" in p.name).read_bytes()))
    files.append(named("notes.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100))
    response = upload(staff, *files)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<tr class="result-') == len(files)
    record = models.Record.objects.get(meeting__number=9589)
    # What was found, with the meeting's page and the record in the admin.
    assert f'<a href="/meetings/9589/?lang=zh">S/PV.9589</a>, Chinese version:' in page
    assert f"{record.speeches.count()} turns, 1 vote." in " ".join(page.split())
    assert f'href="/admin/records/record/{record.pk}/change/"' in page
    if pdfs:
        assert "S/PV.8701</a>, English version:" in page and "2 turns, 1 vote" in " ".join(page.split())
    assert "notes.pdf" in page and "the file is neither a PDF nor UTF-8 text" in page
    again = upload(staff, named("copy.txt", SEED.read_bytes())).content.decode()
    assert "already imported" in again.lower()
    assert models.Record.objects.filter(meeting__number=9589).count() == 1


@pytest.mark.parametrize("name,data,message", bad_file_cases())
def test_bad_files_get_a_clear_message_and_change_nothing(staff, name, data, message):
    before, stored = table_counts(), media_files()
    page = upload(staff, named(name, data)).content.decode()
    assert message in page and name in page
    assert (table_counts(), media_files()) == (before, stored)


def test_a_60_mb_file_is_refused_before_it_is_stored(staff, settings):
    assert settings.RECORD_UPLOAD_MAX_BYTES == 50 * 1024 * 1024
    before = table_counts()
    big = named("huge.pdf", b"%PDF-1.4\n" + b"0" * (60 * 1024 * 1024))
    response = upload(staff, big, named("S_PV.9589_zh.txt", SEED.read_bytes()))
    page = response.content.decode()
    assert response.status_code == 200
    assert "huge.pdf" in page and "larger than the 50 MB limit" in page
    assert models.Record.objects.count() == before["Record"] + 1  # the other file still imported


def test_non_staff_cannot_reach_the_upload(client):
    User.objects.create_user("reader", password="pw-reader-1")
    client.force_login(User.objects.get(username="reader"))
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post(UPLOAD, {"files": [named("S_PV.9589_zh.txt", SEED.read_bytes())]})
    assert response.status_code == 302
    assert not models.Record.objects.exists()


def test_staff_without_the_add_permission_is_refused(client):
    user = User.objects.create_user("viewer", password="pw-viewer-1", is_staff=True)
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 403


def test_upload_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    user = User.objects.create_superuser("root", password="pw-root-1")
    client.force_login(user)
    response = client.post(UPLOAD, {"files": [named("S_PV.9589_zh.txt", SEED.read_bytes())]})
    assert response.status_code == 403
    assert not models.Record.objects.exists()
    # With the token from the form, the same upload goes through.
    form = client.get(UPLOAD).content.decode()
    token = form.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = client.post(UPLOAD, {"files": [named("S_PV.9589_zh.txt", SEED.read_bytes())],
                                    "csrfmiddlewaretoken": token})
    assert response.status_code == 200 and models.Record.objects.count() == 1


def test_reparse_action_uses_the_current_parser(staff):
    from records.ingest import import_record

    record = import_record(SEED).record
    models.Record.objects.filter(pk=record.pk).update(parser_version="0.0.1")
    speech_ids = sorted(record.speeches.values_list("pk", flat=True))
    response = staff.post("/admin/records/record/", {"action": "reparse", "_selected_action": [record.pk]},
                          follow=True)
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.parser_version == "1.0.0"
    assert sorted(record.speeches.values_list("pk", flat=True)) == speech_ids
    assert "replaced the earlier version" in response.content.decode()


def test_differences_between_language_versions_are_shown_to_admins(staff):
    from tests.conftest import shared_path

    from records.ingest import import_record

    import_record(shared_path("records", "fr", "S_PV.10124_fr.first16000.txt"))
    spanish = shared_path("records", "es", "S_PV.10124_es.first16000.txt").read_text(encoding="utf-8")
    result = import_record(spanish.replace("a las 15.00 horas", "a las 16.00 horas", 1).encode(), source_name="es.txt")
    page = staff.get(f"/admin/records/record/{result.record.pk}/change/").content.decode()
    assert "scheduled time: 16:00 in this version, 15:00 in the fr version" in page
    listing = staff.get("/admin/records/record/").content.decode()
    assert "icon-yes.svg" in listing  # the 'differs' column


def test_uploads_appear_in_the_recent_actions(staff):
    from django.contrib.admin.models import ADDITION, CHANGE, LogEntry

    upload(staff, named("S_PV.9589_zh.txt", SEED.read_bytes()))
    corrected = SEED.read_text(encoding="utf-8").replace("我们感谢第1540", "我们衷心感谢第1540").encode()
    upload(staff, named("corrected.txt", corrected))
    entries = list(LogEntry.objects.order_by("action_time").values_list("action_flag", "change_message"))
    assert entries == [(ADDITION, "Uploaded S_PV.9589_zh.txt"), (CHANGE, "Replaced by upload of corrected.txt")]
    assert "S/PV.9589 [zh]" in staff.get("/admin/").content.decode()


def test_the_upload_link_is_shown_only_to_those_who_may_upload(client):
    viewer = User.objects.create_user("viewer", password="pw-viewer-1", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_record"))
    client.force_login(viewer)
    page = client.get("/admin/records/record/")
    assert page.status_code == 200 and f'href="{UPLOAD}"' not in page.content.decode()


def test_records_come_in_by_upload_only(staff):
    assert staff.get("/admin/records/record/add/").status_code == 403
    assert 'href="/admin/records/record/add/"' not in staff.get("/admin/records/record/").content.decode()


def test_rows_derived_from_the_file_are_read_only(admin_client):
    from records.ingest import import_record

    meeting = import_record(SEED).record.meeting
    speech = models.Speech.objects.filter(record__meeting=meeting).first()
    vote = meeting.votes.first()
    index = admin_client.get("/admin/").content.decode()
    assert "Speeches" in index and "Speechs" not in index
    for name in ("speech", "vote", "ballot", "member", "resolutionmention", "documentmention"):
        assert admin_client.get(f"/admin/records/{name}/add/").status_code == 403, name
    page = admin_client.get(f"/admin/records/speech/{speech.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()  # a view, no Save button
    before = speech.text
    admin_client.post(f"/admin/records/speech/{speech.pk}/change/", {"text": "edited", "label": "x"})
    speech.refresh_from_db()
    assert speech.text == before
    assert admin_client.post(f"/admin/records/vote/{vote.pk}/delete/", {"post": "yes"}).status_code == 403
    assert models.Vote.objects.filter(pk=vote.pk).exists()


def test_the_admin_is_named_for_the_archive_and_gives_one_size_limit(staff, settings):
    index = staff.get("/admin/").content.decode()
    assert "UN Security Council archive: administration" in index and "Django administration" not in index
    form = staff.get(UPLOAD).content.decode()
    assert "Each file up to 50 MB;" in form  # the README's figure, from RECORD_UPLOAD_MAX_BYTES
    settings.RECORD_UPLOAD_MAX_BYTES = 10 * 2**20
    assert "Each file up to 10 MB;" in staff.get(UPLOAD).content.decode()
