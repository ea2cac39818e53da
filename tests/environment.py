"""Loaded by pytest before Django (`-p tests.environment` in pytest.ini): a key for the test run only.

Settings refuse to start without DJANGO_SECRET_KEY when DEBUG is off, as they should in
production; tests are not production, so `pytest` alone works as well as `make test`.
"""
import os

os.environ.setdefault("DJANGO_SECRET_KEY", "insecure-key-for-tests-only")
