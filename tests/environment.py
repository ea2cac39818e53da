"""Loaded by pytest before Django (`-p tests.environment` in pytest.ini): a key for the test run only.

Settings refuse to start without DJANGO_SECRET_KEY when DEBUG is off, as they should in
production; tests are not production, so `pytest` alone works as well as `make test`.
"""
import os

os.environ.setdefault("DJANGO_SECRET_KEY", "insecure-key-for-tests-only")

# The search index of the test run: its own folder, never the site's (records/search/engine.py).
if "PYTEST_XDIST_WORKER" not in os.environ:
    import tempfile

    os.environ["SEARCH_INDEX_DIR"] = tempfile.mkdtemp(prefix="unsc-test-search-")
