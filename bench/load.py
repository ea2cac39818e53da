#!/usr/bin/env python
"""Load on the main page types through gunicorn, and the same across a database restart.

    .venv/bin/python bench/load.py [--seconds S] [--connections C] [--workers W] [--threads T] [--outage]

A bounded, wrk-style load: C client threads on keep-alive connections to 127.0.0.1 ask for the
page types in turn for S seconds (and never more than --max-requests), then it prints requests/s,
p50/p99 latency and the answers by status. "cached" pages are those a worker has rendered before
(the first round warms them). With --outage it starts a throwaway PostgreSQL cluster of its own
(initdb in a temporary folder, a free port), imports the development records into it, serves from
it, and stops and restarts that cluster in the middle of the load: it prints the answers by status
during the outage and how long after the restart the first page was served again.
"""
import argparse
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

from common import ROOT, development_records, free_port, percentile, serve, setup_django

PAGES = ["/", "/meetings/", "/meetings/?country=CHN", "/meetings/8699/", "/meetings/8700/",
         "/meetings/9589/", "/meetings/8700/speeches/3/", "/countries/", "/countries/RUS/", "/resolutions/2504/"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="gthread threads per worker (1: sync workers)")
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--outage", action="store_true", help="restart a throwaway database during the load")
    args = parser.parse_args()
    if args.outage:
        outage(args)
        return
    url = setup_django("unsc_bench_load")
    load_records()
    server, port = serve(url, workers=args.workers, threads=args.threads)
    try:
        run_load(port, 2, 1, args.max_requests)  # every worker renders every page once
        model = f"{args.workers} workers" + (f" x {args.threads} threads (gthread)" if args.threads > 1 else " (sync)")
        print(f"gunicorn, {model}; {args.connections} connections for {args.seconds:g} s")
        report(run_load(port, args.seconds, args.connections, args.max_requests), args.seconds)
    finally:
        server.terminate()
        server.wait()


def load_records():
    from records.ingest import import_record

    for path in development_records():
        import_record(path)


def run_load(port, seconds, connections, max_requests, events=None):
    """[(start time, latency ms, status)] of every request made in `seconds` by `connections` threads."""
    deadline = time.monotonic() + seconds
    results, lock = [], threading.Lock()
    budget = [max_requests]

    def client(offset):
        conn, i = None, offset
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            path = PAGES[i % len(PAGES)]
            i += 1
            started = time.monotonic()
            try:
                conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                status = "no answer"
                conn = None
                time.sleep(0.05)
            with lock:
                results.append((started, (time.monotonic() - started) * 1000, status))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def report(results, seconds, label="all"):
    latencies = [ms for _, ms, _ in results]
    statuses = Counter(status for _, _, status in results)
    print(f"{label:<10} {len(results) / seconds:8.1f} requests/s   p50 {percentile(latencies, 50):6.1f} ms   "
          f"p99 {percentile(latencies, 99):6.1f} ms   by status: "
          + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items(), key=str)))


class ThrowawayCluster:
    """A PostgreSQL cluster in a temporary folder on a free port, owned by an unprivileged user as root."""

    def __init__(self):
        sys.path.insert(0, str(ROOT / "scripts"))
        import devenv

        self.devenv = devenv
        self.bindir = devenv.postgres_bindir()
        if self.bindir is None:
            sys.exit("no PostgreSQL binaries (apt-get install postgresql)")
        self.owner = devenv.cluster_owner()
        self.folder = tempfile.mkdtemp(prefix="unsc-load-pg-")
        if self.owner:
            os.chown(self.folder, self.owner.pw_uid, self.owner.pw_gid)
        self.port = free_port()
        self.run("initdb", "-D", self.folder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")

    def run(self, tool, *args):
        command = self.devenv.as_owner(self.owner, [str(self.bindir / tool), *args])
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}"
        self.run("pg_ctl", "-D", self.folder, "-o", options, "-l", f"{self.folder}/log", "-w", "start")

    def stop(self):
        self.run("pg_ctl", "-D", self.folder, "-m", "fast", "-w", "stop")

    def remove(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


def outage(args):
    cluster = ThrowawayCluster()
    cluster.start()
    try:
        url = f"postgres://postgres@127.0.0.1:{cluster.port}/postgres"
        os.environ["DATABASE_URL"] = url
        setup_django_on(url)
        load_records()
        server, port = serve(url, workers=args.workers, threads=args.threads)
        try:
            run_load(port, 2, 1, args.max_requests)
            timeline = {}
            restart = threading.Thread(target=bounce, args=(cluster, args.seconds, timeline))
            restart.start()
            results = run_load(port, args.seconds, args.connections, args.max_requests)
            restart.join()
        finally:
            server.terminate()
            server.wait()
    finally:
        cluster.remove()
    print(f"gunicorn, {args.workers} workers, {args.connections} connections for {args.seconds:g} s; the database "
          f"stopped {timeline['stopped'] - timeline['began']:.1f} s in, started again "
          f"{timeline['started'] - timeline['began']:.1f} s in")
    report(results, args.seconds)
    during = [r for r in results if timeline["stopped"] <= r[0] < timeline["started"]]
    report(during, timeline["started"] - timeline["stopped"], label="outage")
    served = [start + ms / 1000 for start, ms, status in results if status == 200 and start >= timeline["started"]]
    recovered = min(served) - timeline["started"] if served else float("nan")
    print(f"first page served {recovered:.2f} s after the database was up again")


def setup_django_on(url):
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("DJANGO_MEDIA_ROOT", tempfile.mkdtemp(prefix="unsc-load-media-"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def bounce(cluster, seconds, timeline):
    """Stop the database a third into the load, start it again at two thirds."""
    timeline["began"] = time.monotonic()
    time.sleep(seconds / 3)
    timeline["stopped"] = time.monotonic()
    cluster.stop()
    time.sleep(max(0.0, seconds / 3 - (time.monotonic() - timeline["stopped"])))
    cluster.start()
    timeline["started"] = time.monotonic()


if __name__ == "__main__":
    main()
