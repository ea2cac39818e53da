"""schemathesis, from the API's own OpenAPI schema, against the live server: no server error, and
every response keeps to the schema. (Its command line: the pytest plugin of this version does not
run under this pytest.)"""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.servers import database_url, gunicorn

pytestmark = pytest.mark.django_db

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def test_no_server_error_and_responses_match_the_schema(tmp_path):
    """Against gunicorn on the package's archive (committed, so another process sees it)."""
    schemathesis = Path(sys.executable).with_name("schemathesis")
    env = {"DATABASE_URL": database_url(connection.settings_dict), "DJANGO_MEDIA_ROOT": str(tmp_path),
           "DJANGO_API_THROTTLE": ""}
    with gunicorn(env, workers=2) as (port, _):
        result = subprocess.run(
            [str(schemathesis), "run", f"http://127.0.0.1:{port}/api/v1/schema/?format=json", "--checks", CHECKS,
             "--max-examples", "12", "--phases", "examples,coverage,fuzzing", "--no-color", "--workers", "1",
             "--seed", os.environ.get("SCHEMATHESIS_SEED", "1540")],
            capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "passed" in result.stdout.lower()
