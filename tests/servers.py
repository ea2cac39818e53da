"""Real servers on 127.0.0.1 for tests: gunicorn serving the archive, with the environment given."""
import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time

from tests.conftest import PROJECT

GUNICORN = PROJECT / ".venv" / "bin" / "gunicorn"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port, path, method="GET", headers=None):
    """(status, headers as a dict, body text)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")


def database_url(settings_dict):
    db = settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


@contextlib.contextmanager
def gunicorn(env, workers=1, stderr_path=None):
    """Serve the archive with gunicorn on a free port; yields (port, process). Static files collected first."""
    env = {**os.environ, "DJANGO_SECRET_KEY": "test-serve", **env}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=PROJECT, env=env,
                   check=True)
    port = free_port()
    command = str(GUNICORN) if GUNICORN.exists() else "gunicorn"
    stderr = open(stderr_path, "wb") if stderr_path else subprocess.DEVNULL
    server = subprocess.Popen([command, "archive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
                              cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        for _ in range(150):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        yield port, server
    finally:
        server.terminate()
        server.wait(10)
        if stderr_path:
            stderr.close()
