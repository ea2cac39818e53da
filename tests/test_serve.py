"""What `make run` does, against the test database: load the sample, serve with gunicorn, answer / and /admin/."""
import http.client
import os
import socket
import subprocess
import sys
import time

import pytest
from django.core.management import call_command
from django.db import connection

from tests.conftest import PROJECT


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.getheader("Location"), response.read().decode()


@pytest.mark.django_db(transaction=True)
def test_gunicorn_serves_the_sample_home_page_and_the_admin(countries, tmp_path):
    call_command("load_sample", verbosity=0)
    call_command("load_sample", verbosity=0)  # idempotent: the second run changes nothing
    db = connection.settings_dict
    env = {**os.environ, "DJANGO_SECRET_KEY": "test-serve", "DJANGO_MEDIA_ROOT": str(tmp_path),
           "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=PROJECT, env=env,
                   check=True)
    port = free_port()
    gunicorn = str(PROJECT / ".venv" / "bin" / "gunicorn") if (PROJECT / ".venv" / "bin" / "gunicorn").exists() \
        else "gunicorn"
    server = subprocess.Popen([gunicorn, "archive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                              cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                status, _, page = get(port, "/")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"gunicorn did not answer: {server.stderr.read().decode()[-2000:]}")
        assert status == 200 and "S/PV.9589" in page
        status, location, _ = get(port, "/admin/")
        assert status == 302 and location.startswith("/admin/login/")
        status, _, page = get(port, "/admin/login/")
        assert status == 200 and "csrfmiddlewaretoken" in page
        status, _, css = get(port, "/static/css/site.css")
        assert status == 200 and "print" in css
    finally:
        server.terminate()
        server.wait(timeout=10)


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
