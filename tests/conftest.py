"""Where the shared development records are, and fixtures built on them.

Tests read the real records from ../shared (or UNSC_SHARED_DIR) and skip with a
visible reason where they are absent; only the Chinese seed ships with the project.
"""
import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("UNSC_SHARED_DIR", PROJECT.parent / "shared"))
SEED = PROJECT / "samples" / "S_PV.9589_zh.txt"


def shared_path(*parts):
    """A path under ../shared, or a skip saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (set UNSC_SHARED_DIR)")
    return path


def english_pdfs():
    folder = SHARED / "records" / "en" / "pdf"
    return sorted(folder.glob("*.pdf")) if folder.exists() else []


def load_contract_checker():
    """../shared/contract/check_record.py as a module (it is standard library only)."""
    import importlib.util

    path = shared_path("contract", "check_record.py")
    spec = importlib.util.spec_from_file_location("check_record", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def contract_schema():
    import json

    return json.loads(shared_path("contract", "record.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path_factory):
    """Stored record files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


def table_counts():
    """Rows in every table of the records app: to show that a failed import changed nothing."""
    from django.apps import apps

    return {model.__name__: model.objects.count() for model in apps.get_app_config("records").get_models()}


def command_status(name, *args):
    """A management command's exit status: 0, or the return code of the CommandError it raised."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command(name, *map(str, args))
    except CommandError as exc:
        return exc.returncode
    return 0


def export_json(response):
    """The body of a streamed JSON export."""
    import json

    assert response.status_code == 200, response.status_code
    return json.loads(b"".join(response.streaming_content))


def media_files():
    """Every file under MEDIA_ROOT: to show that a refused import stored nothing."""
    from django.conf import settings

    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def all_records():
    """The seed and the development PDFs that are present."""
    return [SEED] + english_pdfs()


@pytest.fixture
def countries(transactional_db):
    """Transactional tests empty every table when they end, the data migration's countries too."""
    from records.country_table import load_countries
    from records.models import Country, FormerName

    if Country.objects.count() < 201:
        load_countries(Country, FormerName)


@pytest.fixture(autouse=True)
def unthrottled(settings):
    """Tests search many times a second; the tests of throttling set their own rates."""
    settings.THROTTLE_RATES = {}
    settings.API_THROTTLE_RATE = ""


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached holdings and rendered record fragments never leak from one test into another."""
    from django.core.cache import cache

    cache.clear()
