"""Long work, done by the worker (procrastinate, on PostgreSQL): `manage.py procrastinate worker`.

- harvest: one harvest run (symbols, a range, or the new records);
- fetch_new_daily: every day, a run for the records published since the highest in the archive;
- import_uploads: a large admin upload, file by file, so that the request never waits for it.
"""
from procrastinate.contrib.django import app

from records.harvest import run as harvest_runs
from records.models import HarvestRun, RunKind

QUEUE = "harvest"


@app.task(queue=QUEUE, name="records.harvest")
def harvest(run_id):
    harvest_runs.process(HarvestRun.objects.get(pk=run_id))


@app.periodic(cron="0 6 * * *", periodic_id="daily")
@app.task(queue=QUEUE, name="records.fetch_new_daily", queueing_lock="fetch_new_daily")
def fetch_new_daily(timestamp):
    harvest_runs.process(harvest_runs.plan_new())


@app.task(queue="imports", name="records.import_uploads")
def import_uploads(run_id):
    harvest_runs.process(HarvestRun.objects.get(pk=run_id))


def queue(run):
    """Queue the job that works through a run: by kind, the harvest or the import queue."""
    task = import_uploads if run.kind == RunKind.UPLOAD else harvest
    return task.defer(run_id=run.pk)
