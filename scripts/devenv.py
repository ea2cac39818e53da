#!/usr/bin/env python3
"""Print the shell exports `make run` and `make test` need, starting a database if none is there.

    eval "$(python scripts/devenv.py)"

The database, in order of preference:
1. DATABASE_URL from the environment, used as is;
2. a PostgreSQL server answering on localhost:5432 (as user postgres, or PGUSER);
3. a project-local cluster under .pgdata/, created and started with the machine's
   PostgreSQL binaries. initdb refuses to run as root, so as root the cluster
   belongs to an unprivileged user (postgres, else nobody).

A development secret key is generated once into .devsecret so that the site runs
with DEBUG off, as in production. Messages go to stderr; stdout is only exports.
"""
import glob
import os
import pwd
import secrets
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = os.environ.get("UNSC_DB_NAME", "unsc_archive")
LOCAL_PORT = int(os.environ.get("UNSC_LOCAL_PG_PORT", "54329"))


def say(msg):
    print(f"devenv: {msg}", file=sys.stderr)


def connect(host, port, user, dbname="postgres"):
    import psycopg

    return psycopg.connect(host=host, port=port, user=user, dbname=dbname,
                           connect_timeout=3, autocommit=True)


def ensure_database(host, port, user):
    with connect(host, port, user) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DB_NAME,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
            say(f"created database {DB_NAME} on {host}:{port}")
    return f"postgres://{user}@{host}:{port}/{DB_NAME}"


def server_on_localhost():
    user = os.environ.get("PGUSER", "postgres")
    try:
        return ensure_database("localhost", 5432, user)
    except Exception as exc:  # any failure means: no usable server there
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        say(f"no usable server on localhost:5432 ({first_line})")
        return None


def postgres_bindir():
    candidates = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(out.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    if shutil.which("initdb"):
        candidates.append(str(Path(shutil.which("initdb")).resolve().parent))
    for d in candidates:
        if d and (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists():
            return Path(d)
    return None


def cluster_owner():
    """The user the cluster runs as: ourselves, or an unprivileged account when we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    sys.exit("devenv: running as root and no unprivileged user (postgres, nobody) to own the cluster")


def as_owner(owner, argv):
    if owner is None:
        return argv
    return ["runuser", "-u", owner.pw_name, "--"] + argv


def local_cluster():
    bindir = postgres_bindir()
    if bindir is None:
        sys.exit("devenv: no PostgreSQL server answers and no PostgreSQL binaries were found.\n"
                 "Install them (Debian: apt-get install postgresql) or set DATABASE_URL.")
    owner = cluster_owner()
    datadir = _prepare_datadir(ROOT / ".pgdata", owner)
    if datadir is None:
        # The checkout sits where the unprivileged user cannot reach (e.g. under /root).
        datadir = _prepare_datadir(Path("/tmp") / f"unsc-pgdata-{owner.pw_uid}-{ROOT.stat().st_ino}", owner)
        if datadir is None:
            sys.exit(f"devenv: {owner.pw_name} can use neither {ROOT / '.pgdata'} nor /tmp; set DATABASE_URL")
        say(f"{owner.pw_name} cannot reach {ROOT}; the cluster lives in {datadir}")
    if not (datadir / "PG_VERSION").exists():
        say(f"initialising a PostgreSQL cluster in {datadir}")
        subprocess.run(as_owner(owner, [str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres",
                                        "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                       check=True, stdout=subprocess.DEVNULL)
    status = subprocess.run(as_owner(owner, [str(bindir / "pg_ctl"), "-D", str(datadir), "status"]),
                            capture_output=True)
    if status.returncode != 0:
        say(f"starting the cluster on 127.0.0.1:{LOCAL_PORT}")
        opts = f"-p {LOCAL_PORT} -c listen_addresses=127.0.0.1 -k {shlex.quote(str(datadir))}"
        subprocess.run(as_owner(owner, [str(bindir / "pg_ctl"), "-D", str(datadir), "-o", opts,
                                        "-l", str(datadir / "server.log"), "-w", "start"]),
                       check=True, stdout=subprocess.DEVNULL)
    for _ in range(30):
        try:
            return ensure_database("127.0.0.1", LOCAL_PORT, "postgres")
        except Exception:
            time.sleep(0.5)
    sys.exit(f"devenv: the local cluster in {datadir} did not answer; see {datadir / 'server.log'}")


def _prepare_datadir(datadir, owner):
    """Create the data directory for the cluster's owner; None if the owner cannot use it there."""
    datadir.mkdir(mode=0o700, exist_ok=True)
    if owner is None:
        return datadir
    os.chown(datadir, owner.pw_uid, owner.pw_gid)
    usable = subprocess.run(["runuser", "-u", owner.pw_name, "--", "test", "-w", str(datadir)])
    return datadir if usable.returncode == 0 else None


def secret_key():
    if os.environ.get("DJANGO_SECRET_KEY"):
        return os.environ["DJANGO_SECRET_KEY"]
    path = ROOT / ".devsecret"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def main():
    url = os.environ.get("DATABASE_URL") or server_on_localhost() or local_cluster()
    print(f"export DATABASE_URL={shlex.quote(url)}")
    print(f"export DJANGO_SECRET_KEY={shlex.quote(secret_key())}")


if __name__ == "__main__":
    main()
