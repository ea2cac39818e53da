"""What an import returns: a status per file, with a message for the person who sent it."""
from dataclasses import dataclass, field

IMPORTED, REPLACED, UNCHANGED, HELD, FAILED = "imported", "replaced", "unchanged", "held", "failed"
STATUSES = (IMPORTED, REPLACED, UNCHANGED, HELD, FAILED)


class ImportRejected(Exception):
    """The file cannot be imported; the message says why, for the person who uploaded it."""


@dataclass
class ImportResult:
    status: str
    source_name: str
    message: str = ""
    record: object = None
    discrepancies: list = field(default_factory=list)

    @property
    def meeting(self):
        return self.record.meeting if self.record is not None else None

    @property
    def ok(self):
        """Taken in as it is: neither refused nor held back for review."""
        return self.status not in (FAILED, HELD)
