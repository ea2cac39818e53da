"""Shared by the benchmarks: a database of their own, next to the development one, and Django set up on it."""
import os
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
