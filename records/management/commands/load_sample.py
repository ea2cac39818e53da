"""Load the bundled sample data. Until the parser lands, the sample is the country table."""
from django.core.management.base import BaseCommand

from records.models import Country


class Command(BaseCommand):
    help = "Load the bundled sample data (idempotent)."

    def handle(self, *args, **options):
        self.stdout.write(f"Sample data: {Country.objects.count()} countries.")
