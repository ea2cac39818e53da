"""What the parser returns: plain dataclasses, no database."""
from dataclasses import dataclass, field


def meeting_symbol(number, resumption=None):
    """'S/PV.8699' or 'S/PV.8699 (Resumption 1)': always the English form, as the contract says."""
    base = f"S/PV.{number}"
    return f"{base} (Resumption {resumption})" if resumption else base


@dataclass
class Speaker:
    """Who speaks, as the parser resolved it once: ingest looks `key` up or creates it."""

    key: str  # stable slug of name and State: 'nebenzia-rus'
    name: str
    country: str | None
    organization: str | None


@dataclass
class Member:
    country: str  # ISO3
    name: str  # representative as printed, with honorific


@dataclass
class Speech:
    seq: int
    label: str
    name: str | None
    country: str | None
    organization: str | None
    role: str  # president | member | invited | briefer
    national_capacity: bool
    spoken_language: str
    text: str
    page: int | None = None  # page of the record where the turn begins, where the input has pages
    resolutions_cited: list = field(default_factory=list)
    documents_cited: list = field(default_factory=list)
    speaker: Speaker | None = None  # None where nobody is named, or two people shared the chair


@dataclass
class Vote:
    seq: int
    after_speech: int | None
    subject: str
    draft: str | None
    in_favour: list
    against: list
    abstaining: list
    outcome: str
    vetoed_by: list
    resolution: str | None


@dataclass
class Record:
    meeting: int
    resumption: int | None
    language: str
    status: str
    job_number: str | None
    council_year: int | None
    date: str  # ISO date
    scheduled: str | None  # HH:MM
    opened: str | None
    closed: str | None
    place: str | None
    president: Member
    members: list
    agenda: list
    speeches: list
    votes: list
    resolutions_cited: list
    documents_cited: list
    pages: int = 0
    warnings: list = field(default_factory=list)
    ocr_confidence: float | None = None  # read from page images by OCR: the mean word confidence

    @property
    def symbol(self):
        return meeting_symbol(self.meeting, self.resumption)
