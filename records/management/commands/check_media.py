"""List stored files no row refers to (orphans) and files rows refer to that are gone (missing)."""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from records.models import Record, RecordVersion

FOLDER = "records"  # where record files are stored under MEDIA_ROOT


def media_report():
    """(orphans, missing): storage names, sorted."""
    root = Path(settings.MEDIA_ROOT)
    on_disk = {str(p.relative_to(root)) for p in (root / FOLDER).rglob("*") if p.is_file()}
    referenced = set(Record.objects.exclude(file="").values_list("file", flat=True))
    referenced |= set(RecordVersion.objects.exclude(file="").values_list("file", flat=True))
    return sorted(on_disk - referenced), sorted(referenced - on_disk)


class Command(BaseCommand):
    help = "Compare the stored record files with the rows that refer to them; exit status 1 if they differ."

    def handle(self, *args, **options):
        orphans, missing = media_report()
        for name in orphans:
            self.stdout.write(f"orphan: {name}")
        for name in missing:
            self.stdout.write(f"missing: {name}")
        self.stdout.write(f"{len(orphans)} orphan files, {len(missing)} missing files")
        if orphans or missing:
            raise CommandError("the stored files and the records disagree", returncode=1)
