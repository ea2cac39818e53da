"""Long work, done by the worker (procrastinate, on PostgreSQL): `manage.py procrastinate worker`.

- harvest: one harvest run (symbols, a range, or the new records);
- fetch_new_daily: every day, a run for the records published since the highest in the archive;
- import_uploads: a large admin upload, file by file, so that the request never waits for it.
"""
from functools import wraps

from django.db import close_old_connections, connection
from procrastinate.contrib.django import app

from records import recount
from records.harvest import run as harvest_runs
from records.models import HarvestRun, RunKind

QUEUE = "harvest"


def own_connection(job):
    """A job runs in one of the worker's threads: it checks its connection before, and closes it after."""
    @wraps(job)
    def wrapper(*args, **kwargs):
        close_old_connections()
        try:
            return job(*args, **kwargs)
        finally:
            connection.close()
    return wrapper


@app.task(queue=QUEUE, name="records.harvest")
@own_connection
def harvest(run_id):
    harvest_runs.process(HarvestRun.objects.get(pk=run_id))
    recount.everything()  # the figures of the archive as it now is, before a reader asks


@app.periodic(cron="0 6 * * *", periodic_id="daily")
@app.task(queue=QUEUE, name="records.fetch_new_daily", queueing_lock="fetch_new_daily")
@own_connection
def fetch_new_daily(timestamp):
    harvest_runs.process(harvest_runs.plan_new())
    recount.everything()


@app.task(queue="imports", name="records.import_uploads")
@own_connection
def import_uploads(run_id):
    harvest_runs.process(HarvestRun.objects.get(pk=run_id))
    recount.everything()


def queue(run):
    """Queue the job that works through a run: by kind, the harvest or the import queue."""
    task = import_uploads if run.kind == RunKind.UPLOAD else harvest
    return task.defer(run_id=run.pk)
