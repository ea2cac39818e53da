"""Write the whole archive as CSV files with a codebook, and a zip of them:
`manage.py export_dataset [FOLDER]` (default: DATASET_DIR, which /data/ offers)."""
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from records.dataset import write_dataset


class Command(BaseCommand):
    help = "Export meetings, records, speeches, votes, ballots, countries and resolutions as CSV files."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", default=None)
        parser.add_argument("--site-url", default=None, help="the base of the permalinks (default: SITE_URL)")

    def handle(self, *args, **options):
        started = time.perf_counter()
        manifest = write_dataset(options["folder"] or settings.DATASET_DIR, site_url=options["site_url"])
        rows = ", ".join(f"{n} {name}" for name, n in manifest["rows"].items())
        self.stdout.write(f"{manifest['file']}: {manifest['size']:,} bytes, sha256 {manifest['sha256']}; {rows}; "
                          f"{time.perf_counter() - started:.1f} s")
