"""manage.py link_people: make the People (one person across scripts and meetings) anew from the turns."""
from django.core.management.base import BaseCommand
from django.db import transaction

from records.ingest import people


class Command(BaseCommand):
    help = "Link every Speaker to its Person again, from the turns of every meeting (one transaction)."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = people.rebuild()
        self.stdout.write(f"{count} people")
