"""The job queue (procrastinate on PostgreSQL): the admin queues harvests and large uploads, a worker
works through them end to end, and the daily fetch is registered."""
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from procrastinate.contrib.django import app

from records import models, tasks
from records.harvest import run as runs
from records.models import ItemState, RunStatus
from tests.conftest import SEED, english_pdfs, shared_path
from tests.ods_server import DocumentSystem


def run_worker():
    """A real worker on its own connection: it takes every queued job, then stops."""
    with app.replace_connector(app.connector.get_worker_connector()):
        app.run_worker(queues=["harvest", "imports"], wait=False, install_signal_handlers=False,
                       listen_notify=False)


@pytest.fixture
def ods(settings):
    with DocumentSystem(shared_path("records", "en", "pdf")) as system:
        settings.HARVEST_BASE_URL, settings.HARVEST_RATE = system.url, 0
        yield system


def test_the_daily_fetch_is_registered():
    periodic = {task.task.name: task.cron for task in app.periodic_registry.periodic_tasks.values()}
    assert periodic["records.fetch_new_daily"] == "0 6 * * *"


@pytest.mark.django_db(transaction=True)
def test_a_worker_processes_a_queued_harvest(countries, ods):
    run = runs.plan_fetch(["S/PV.8701"], ["en"])
    tasks.queue(run)
    run_worker()
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert run.items.get().state == ItemState.IMPORTED
    assert models.Meeting.objects.filter(number=8701).exists()


@pytest.fixture
def clerk(client):
    user = User.objects.create_user("clerk", password="pw-clerk-1", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_record", "view_record"]))
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_the_fetch_page_queues_a_run_the_worker_does(countries, ods, clerk):
    page = clerk.get("/admin/records/harvestrun/fetch/")
    assert page.status_code == 200 and "Fetch records from the UN" in page.content.decode()
    response = clerk.post("/admin/records/harvestrun/fetch/", {"symbols": "S/PV.8700\nS/PV.8701",
                                                               "languages": ["en"]})
    assert response.status_code == 302
    run = models.HarvestRun.objects.get()
    assert run.status == RunStatus.QUEUED and run.items.count() == 2
    run_worker()
    listing = clerk.get("/admin/records/harvestrun/").content.decode()
    assert "2 imported" in listing and "done" in listing


@pytest.mark.django_db
def test_the_fetch_page_is_for_those_who_may_add_records(client):
    viewer = User.objects.create_user("viewer", password="pw-viewer-1", is_staff=True)
    client.force_login(viewer)
    assert client.get("/admin/records/harvestrun/fetch/").status_code == 403
    assert client.post("/admin/records/harvestrun/fetch/", {"new": "on", "languages": ["en"]}).status_code == 403
    assert not models.HarvestRun.objects.exists()


@pytest.mark.django_db
def test_bad_symbols_are_a_form_error(clerk):
    response = clerk.post("/admin/records/harvestrun/fetch/", {"symbols": "A/74/PV.50", "languages": ["en"]})
    assert response.status_code == 200 and "not a meeting symbol" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_large_upload_is_imported_by_the_worker(countries, clerk, settings):
    settings.UPLOAD_QUEUE_THRESHOLD = 2
    files = [SimpleUploadedFile("S_PV.9589_zh.txt", SEED.read_bytes())]
    files += [SimpleUploadedFile(pdf.name, pdf.read_bytes()) for pdf in english_pdfs()[:2]]
    files.append(SimpleUploadedFile("notes.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100))
    page = clerk.post("/admin/records/record/upload/", {"files": files}).content.decode()
    assert "4 files were queued for the worker" in page
    assert not models.Record.objects.exists()  # nothing imported in the request
    run_worker()
    run = models.HarvestRun.objects.get()
    states = sorted(run.items.values_list("state", flat=True))
    assert states == [ItemState.FAILED, ItemState.IMPORTED, ItemState.IMPORTED, ItemState.IMPORTED]
    assert "neither a PDF nor UTF-8 text" in run.items.get(state=ItemState.FAILED).reason
    # Taken in: the upload is removed (the record's versions keep it); refused: kept, for a retry.
    assert {item.state: bool(item.upload) for item in run.items.all()} == {ItemState.IMPORTED: False,
                                                                            ItemState.FAILED: True}
