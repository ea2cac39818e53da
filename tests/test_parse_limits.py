"""Parsing runs in a child with a wall-clock and a memory limit: a file built to be slow or large is
refused with the reason, and the web request that carried it answers normally."""
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from records.ingest import FAILED, IMPORTED, import_record
from tests.conftest import SEED, media_files, table_counts
from tests.hostile import hostile_pdf

pytestmark = pytest.mark.django_db


def test_a_file_that_takes_too_long_is_refused_in_time(settings):
    settings.RECORD_PARSE_TIMEOUT_SECONDS = 1
    data = hostile_pdf(pages=100)
    assert len(data) < 60_000
    before, stored = table_counts(), media_files()
    started = time.monotonic()
    result = import_record(data, source_name="slow.pdf")
    assert result.status == FAILED and "takes too long to read (more than 1 s)" in result.message
    assert time.monotonic() - started < 6  # cut off, not read to the end (that takes several seconds)
    assert (table_counts(), media_files()) == (before, stored)


def test_a_file_that_takes_too_much_memory_is_refused(settings):
    settings.RECORD_PARSE_MEMORY_BYTES = 8 * 2**20  # below what reading even the seed takes
    result = import_record(SEED)
    assert result.status == FAILED and "takes too much memory to read (more than 8 MB)" in result.message


def test_within_the_limits_a_record_imports_as_before(settings):
    assert settings.RECORD_PARSE_TIMEOUT_SECONDS > 0
    assert import_record(SEED).status == IMPORTED


def test_an_upload_of_a_slow_file_gets_its_reason_not_a_500(admin_client, settings):
    settings.RECORD_PARSE_TIMEOUT_SECONDS = 1
    response = admin_client.post("/admin/records/record/upload/",
                                 {"files": [SimpleUploadedFile("slow.pdf", hostile_pdf(pages=100))]})
    assert response.status_code == 200 and "takes too long to read" in response.content.decode()
