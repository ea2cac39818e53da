"""Load the bundled sample record (S/PV.9589 in Chinese) if it is not in the archive yet."""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from records.ingest import import_record

SAMPLE = Path(settings.BASE_DIR) / "samples" / "S_PV.9589_zh.txt"


class Command(BaseCommand):
    help = "Import the bundled sample record (idempotent)."

    def handle(self, *args, **options):
        result = import_record(SAMPLE)
        if not result.ok:
            raise CommandError(f"{SAMPLE.name}: {result.message}")
        self.stdout.write(f"Sample {result.meeting.symbol}: {result.message}.")
