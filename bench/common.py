"""Shared by the benchmarks: a database of their own, next to the development one, and Django set up on it."""
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("UNSC_SHARED_DIR", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))


def bench_database_url(name):
    """DATABASE_URL (or what `make` would use) with the database name replaced: benchmarks never touch your data."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        import subprocess

        exports = subprocess.run([sys.executable, str(ROOT / "scripts" / "devenv.py")], capture_output=True,
                                 text=True, check=True).stdout
        url = next(line.split("=", 1)[1].strip("'") for line in exports.splitlines() if "DATABASE_URL=" in line)
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def setup_django(name, fresh=False):
    """Point Django at database `name` (created, and dropped first if fresh), migrate it, and return the URL."""
    import psycopg

    url = bench_database_url(name)
    admin_url = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("DJANGO_MEDIA_ROOT", str(Path("/tmp") / f"{name}-media"))
    # Each benchmark database has its own search index, under .bench/ (ignored by git).
    index = Path(__file__).resolve().parent.parent / ".bench" / name
    if fresh and index.exists():
        shutil.rmtree(index)
    os.environ.setdefault("SEARCH_INDEX_DIR", str(index))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return url


def development_records():
    """The seed and every development record under ../shared."""
    files = [ROOT / "samples" / "S_PV.9589_zh.txt"]
    files += sorted((SHARED / "records" / "en" / "pdf").glob("*.pdf"))
    files += sorted(SHARED.glob("records/[fer][rsu]/*.txt"))
    return [f for f in files if f.exists()]


def percentile(values, q):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(url, workers=2, threads=1, extra_env=None):
    """gunicorn serving the archive on database `url` on a free port: (process, port). Throttling off:
    a benchmark is one client asking many times."""
    import socket
    import subprocess
    import time

    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SECRET_KEY": "benchmark-only", "DJANGO_THROTTLE_SEARCH": "0",
           "DJANGO_THROTTLE_EXPORT": "0", **(extra_env or {})}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "archive.wsgi", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers)]
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server, port
        except OSError:
            time.sleep(0.1)
    server.terminate()
    sys.exit("gunicorn did not start")
