"""Print the parser's output for a record file: `python manage.py parse_record FILE [--json]`."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from records.parsing import ParseError, parse_bytes, to_contract

EXIT_NOT_A_RECORD = 2


class Command(BaseCommand):
    help = "Parse a verbatim record (PDF or text) and print it; --json prints the unsc-record/1 contract."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="print the unsc-record/1 JSON")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            record = parse_bytes(path.read_bytes())
        except OSError as exc:
            raise _not_a_record(f"{path}: cannot read the file ({exc.strerror or exc})") from None
        except ParseError as exc:
            raise _not_a_record(f"{path}: {exc}") from None
        if options["json"]:
            self.stdout.write(json.dumps(to_contract(record), ensure_ascii=False, indent=1))
        else:
            self.stdout.write(summary(record))


def _not_a_record(message):
    return CommandError(message.replace("\n", " "), returncode=EXIT_NOT_A_RECORD)


def summary(record):
    lines = [
        f"{record.symbol} [{record.language}] {record.date} {record.scheduled or ''} {record.place or ''} "
        f"({record.status})",
        f"President: {record.president.name} ({record.president.country}); "
        f"members: {', '.join(m.country for m in record.members)}",
        f"Agenda: {' | '.join(item.splitlines()[0] for item in record.agenda)}",
        f"Opened {record.opened or '-'}, closed {record.closed or '-'}; {len(record.speeches)} speeches, "
        f"{len(record.votes)} votes",
    ]
    for speech in record.speeches:
        lines.append(f"  {speech.seq:>3} {speech.role:<9} {speech.country or '-':<3} {speech.label}")
    for vote in record.votes:
        lines.append(f"  vote {vote.seq}: {vote.subject} {vote.draft or ''} {len(vote.in_favour)}-"
                     f"{len(vote.against)}-{len(vote.abstaining)} {vote.outcome} {vote.resolution or ''}")
    lines += [f"  warning: {w}" for w in record.warnings]
    return "\n".join(lines)
