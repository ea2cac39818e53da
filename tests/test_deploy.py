"""The compose file is valid and wires the database health check; checked, not run (no engine here)."""
import os
import shutil
import subprocess

import pytest

from tests.conftest import PROJECT


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose not installed (apt-get install docker-compose)")
def test_compose_file_is_valid_and_requires_a_secret_key():
    env = {**os.environ, "DJANGO_SECRET_KEY": "x" * 50}
    ok = subprocess.run(["docker-compose", "config"], cwd=PROJECT, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "pg_isready" in ok.stdout and "service_healthy" in ok.stdout and "postgres:15" in ok.stdout
    assert "procrastinate" in ok.stdout and "worker:" in ok.stdout  # the job queue's worker service
    assert ok.stdout.count("/app/search-index") >= 4  # the search index in a named volume, web and worker
    env.pop("DJANGO_SECRET_KEY")
    missing = subprocess.run(["docker-compose", "config", "-q"], cwd=PROJECT, env=env, capture_output=True, text=True)
    assert missing.returncode != 0
    assert "DJANGO_SECRET_KEY" in missing.stderr


def test_ci_runs_the_readme_test_command():
    readme = (PROJECT / "README.md").read_text()
    commands = [line.strip() for line in readme.splitlines() if line.strip() in ("make run", "make test")]
    assert commands[:2] == ["make run", "make test"]
    ci = [line for line in (PROJECT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert any(line.strip().endswith("make test") for line in ci)
