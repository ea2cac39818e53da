"""Fetch records from the UN's document system: `manage.py fetch_records S/PV.9589 S/PV.9500-9600
[--languages en,fr] [--new [--misses N]] [--queue]`.

Without --queue the run is worked through here, printing each document's outcome; with it, the
worker does it. An interrupted run is taken up again by `--resume RUN`.
"""
from django.core.management.base import BaseCommand, CommandError

from records import languages, tasks
from records.harvest import run as runs
from records.harvest.symbols import SymbolError
from records.models import HarvestRun, ItemState, RunStatus


class Command(BaseCommand):
    help = "Fetch verbatim records by symbol, range or as the new ones, and import them."

    def add_arguments(self, parser):
        parser.add_argument("symbols", nargs="*", help="S/PV.9589, 'S/PV.8699 (Resumption 1)', S/PV.9500-9600")
        parser.add_argument("--languages", default=",".join(languages.CODES))
        parser.add_argument("--new", action="store_true", help="the meetings after the highest in the archive")
        parser.add_argument("--misses", type=int, help="with --new: stop after this many missing numbers in a row")
        parser.add_argument("--resume", type=int, metavar="RUN", help="take up an interrupted run")
        parser.add_argument("--queue", action="store_true", help="leave the work to the worker")

    def handle(self, *args, **options):
        run = self._run(options)
        if options["queue"]:
            tasks.queue(run)
            self.stdout.write(f"run {run.pk} queued: {run}")
            return
        runs.process(run, misses=options["misses"])
        for item in run.items.order_by("id"):
            self.stdout.write(f"{item.symbol} [{item.language}]: {item.get_state_display()}"
                              + (f": {item.reason}" if item.reason else ""))
        counts = {state: run.items.filter(state=state).count() for state in ItemState.values}
        self.stdout.write(f"run {run.pk} {run.status}: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n))
        if run.status == RunStatus.FAILED or counts[ItemState.FAILED]:
            raise CommandError(run.note or f"{counts[ItemState.FAILED]} documents failed", returncode=1)

    def _run(self, options):
        if options["resume"]:
            try:
                return HarvestRun.objects.get(pk=options["resume"])
            except HarvestRun.DoesNotExist:
                raise CommandError(f"no harvest run {options['resume']}") from None
        codes = [c.strip() for c in options["languages"].split(",") if c.strip()]
        unknown = [c for c in codes if c not in languages.CODES]
        if unknown or not codes:
            raise CommandError(f"languages are among {', '.join(languages.CODES)}; not {', '.join(unknown)}")
        if options["new"]:
            return runs.plan_new(codes)
        if not options["symbols"]:
            raise CommandError("give symbols or a range, or --new")
        try:
            return runs.plan_fetch(options["symbols"], codes)
        except SymbolError as exc:
            raise CommandError(str(exc)) from None
