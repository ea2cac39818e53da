"""The README's commands beyond the two set-up ones: `make manage` and `make superuser` reach the same
database as `make run`, also when UNSC_DB_NAME names another one."""
import os
import shutil
import subprocess

import psycopg
import pytest

from tests.conftest import PROJECT

pytestmark = pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")


def make(*args, env):
    return subprocess.run(["make", "--no-print-directory", *args], cwd=PROJECT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_make_superuser_after_make_runs_migrations_on_a_non_default_database():
    name = f"unsc_make_superuser_{os.getpid()}"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(UNSC_DB_NAME=name, DJANGO_SUPERUSER_USERNAME="clerk", DJANGO_SUPERUSER_EMAIL="clerk@example.org",
               DJANGO_SUPERUSER_PASSWORD="a long enough passphrase 1540")
    exports = subprocess.run([str(PROJECT / ".venv" / "bin" / "python"), "scripts/devenv.py"], cwd=PROJECT, env=env,
                             capture_output=True, text=True, check=True).stdout
    url = next(line.split("=", 1)[1].strip("'\"") for line in exports.splitlines() if "DATABASE_URL=" in line)
    assert url.rsplit("/", 1)[1] == name  # the name given, not the default
    try:
        migrated = make("manage", "ARGS=migrate --noinput", env=env)  # what `make run` does first
        assert migrated.returncode == 0, migrated.stderr
        created = make("superuser", "ARGS=--noinput", env=env)
        assert created.returncode == 0, created.stderr
        with psycopg.connect(url) as connection:
            rows = connection.execute("SELECT username, is_superuser FROM auth_user").fetchall()
        assert rows == [("clerk", True)]
    finally:
        admin_url = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
