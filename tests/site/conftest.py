"""The public site's tests share one archive: the real records, imported once for this package."""
import pytest

from tests.conftest import SEED, SHARED, english_pdfs

OTHER_LANGUAGES = [SHARED / "records" / lang / f"S_PV.10124_{lang}.first16000.txt" for lang in ("fr", "es", "ru")]


@pytest.fixture(scope="package", autouse=True)
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """Import the seed, the English PDFs and the openings of S/PV.10124 once; empty the tables afterwards."""
    from django.conf import settings

    from records.country_table import load_countries
    from records.ingest import import_record
    from records.models import Country, FormerName

    media = tmp_path_factory.mktemp("site-media")
    previous, settings.MEDIA_ROOT = settings.MEDIA_ROOT, media
    with django_db_blocker.unblock():
        if Country.objects.count() < 201:  # a transactional test before emptied every table
            load_countries(Country, FormerName)
        results = [import_record(path) for path in [SEED] + english_pdfs() + [p for p in OTHER_LANGUAGES
                                                                                if p.exists()]]
        failed = [(r.source_name, r.message) for r in results if not r.ok]
        assert not failed, failed
        rebuild_search_index()  # what earlier tests' imports left there goes
    yield results
    with django_db_blocker.unblock():
        empty_archive()
    settings.MEDIA_ROOT = previous


def rebuild_search_index():
    from records.search import documents

    documents.rebuild()


def empty_archive():
    """Everything the import made; the country table stays."""
    from records import models

    models.Meeting.objects.update(source=None)
    models.Meeting.objects.all().delete()
    models.Speaker.objects.all().delete()
    models.Resolution.objects.all().delete()


@pytest.fixture(autouse=True)
def search_index_follows_the_database(django_db_blocker):
    """A test's imports are rolled back after it, but the index had followed them where the test ran
    their on-commit updates: the next test starts from an index that agrees with the database."""
    from records.search import documents

    with django_db_blocker.unblock():
        documents.catch_up()
    yield


@pytest.fixture(autouse=True)
def media_in_tmp():
    """Overrides the project-wide fixture: the package's archive keeps its own media folder."""


def needs_pdfs():
    if not english_pdfs():
        pytest.skip(f"the English development PDFs are not in {SHARED} (set UNSC_SHARED_DIR)")
