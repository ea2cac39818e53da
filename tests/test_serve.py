"""What `make run` does, against the test database: load the sample, serve with gunicorn, answer / and /admin/."""
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from tests.conftest import PROJECT
from tests.servers import database_url, gunicorn, request


@pytest.mark.django_db(transaction=True)
def test_gunicorn_serves_the_sample_home_page_and_the_admin(countries, tmp_path):
    call_command("load_sample", verbosity=0)
    call_command("load_sample", verbosity=0)  # idempotent: the second run changes nothing
    with gunicorn({"DJANGO_MEDIA_ROOT": str(tmp_path), "DATABASE_URL": database_url(connection.settings_dict)}) \
            as (port, _):
        status, _, page = request(port, "/")
        assert status == 200 and "S/PV.9589" in page
        status, headers, _ = request(port, "/admin/")
        assert status == 302 and headers["Location"].startswith("/admin/login/")
        status, _, page = request(port, "/admin/login/")
        assert status == 200 and "csrfmiddlewaretoken" in page
        status, _, css = request(port, "/static/css/site.css")
        assert status == 200 and "print" in css


def test_the_web_server_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run([sys.executable, "-c", "import archive.wsgi"], cwd=PROJECT, env=env,
                            capture_output=True, text=True)
    assert result.returncode != 0 and "DJANGO_SECRET_KEY is not set" in result.stderr


def test_management_commands_run_without_a_configured_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run([sys.executable, "manage.py", "parse_record", str(PROJECT / "samples" / "S_PV.9589_zh.txt"),
                             "--json"], cwd=PROJECT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert '"symbol": "S/PV.9589"' in result.stdout
