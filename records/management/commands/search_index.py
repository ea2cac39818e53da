"""manage.py search_index --rebuild | --catch-up | --check: the search engine's index, from the database."""
import time

from django.core.management.base import BaseCommand, CommandError

from records.search import documents


class Command(BaseCommand):
    help = "Build the search index from the database (--rebuild), mend what it missed (--catch-up), or compare."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true", help="every turn anew")
        group.add_argument("--catch-up", action="store_true",
                           help="the meetings imported, changed or deleted since the index last followed them")
        group.add_argument("--check", action="store_true", help="compare the index with the database; exit 1 if "
                                                                  "they differ")

    def handle(self, *args, **options):
        started = time.perf_counter()
        if options["rebuild"]:
            count = documents.rebuild()
            self.stdout.write(f"{count} turns indexed in {time.perf_counter() - started:.1f} s")
        elif options["catch_up"]:
            count = documents.catch_up()
            self.stdout.write(f"{count} meetings written again")
        else:
            stale, gone, turns, indexed = documents.compare()
            self.stdout.write(f"{turns} turns in the archive, {indexed} in the index; {len(stale)} meetings "
                              f"missing or stale, {len(gone)} no longer in the archive")
            if stale or gone:
                raise CommandError("the search index differs from the database: run search_index --catch-up",
                                   returncode=1)
