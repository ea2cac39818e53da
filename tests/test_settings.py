"""Settings come from the environment, and production refuses to run on a missing key."""
import os
import subprocess
import sys

from tests.conftest import PROJECT

from archive.dburl import parse_database_url


def run_settings(setting="DEBUG", **env_overrides):
    """Print one setting in a fresh process with the given DJANGO_* environment only."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); from django.conf import settings; print(settings.{setting})"],
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


def test_deploy_check_is_clean_under_production_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SECRET_KEY="p" + "roduction-key-" * 5 + "Zq9", DJANGO_SECURE_COOKIES="1",
               DJANGO_PROXY_SSL_HEADER="X-Forwarded-Proto", DJANGO_ALLOWED_HOSTS="archive.example.org")
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=PROJECT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_the_proxy_header_makes_requests_secure():
    result = run_settings("SECURE_PROXY_SSL_HEADER", DJANGO_SECRET_KEY="k" * 50,
                          DJANGO_PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert result.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')", result.stderr
