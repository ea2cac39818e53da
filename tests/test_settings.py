"""Settings come from the environment, and production refuses to run on a missing key."""
import os
import subprocess
import sys

from tests.conftest import PROJECT

from archive.dburl import parse_database_url


def run_settings(**env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"],
        cwd=PROJECT, env={**env, "DJANGO_SETTINGS_MODULE": "archive.settings"}, capture_output=True, text=True,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_is_off_by_default_and_starts_with_a_key():
    result = run_settings(DJANGO_SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_debug_may_run_without_key_for_development():
    result = run_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_database_url_is_parsed_and_only_postgres_accepted():
    db = parse_database_url("postgres://ann:s%40cret@db.example:5433/archive?sslmode=require")
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "ann", "s@cret", "db.example", "5433", "archive")
    assert db["OPTIONS"] == {"sslmode": "require"}
    socket = parse_database_url("postgresql://ann@%2Fvar%2Frun%2Fpostgresql/archive")
    assert socket["HOST"] == "/var/run/postgresql"
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="PostgreSQL"):
        parse_database_url("sqlite:///db.sqlite3")
