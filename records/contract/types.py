"""A validated contract document as typed values: dates, times, resolutions as (number, year).

load() is the only way in: it validates first, then converts, and checks what a schema cannot
say (the symbol agrees with the meeting number, turns are numbered once each).
"""
import datetime
import re
from dataclasses import dataclass

from records.contract.schema import ContractError, validate
from records.parsing.model import meeting_symbol

RESOLUTION = re.compile(r"^(?P<number>[0-9]+) \((?P<year>[0-9]{4})\)$")


@dataclass(frozen=True)
class ResolutionRef:
    number: int
    year: int

    @classmethod
    def parse(cls, text):
        """'2504 (2020)' -> ResolutionRef(2504, 2020); the schema's pattern has been checked."""
        match = RESOLUTION.match(text)
        return cls(int(match["number"]), int(match["year"]))

    def __str__(self):
        return f"{self.number} ({self.year})"


@dataclass(frozen=True)
class Seat:
    country: str
    name: str


@dataclass(frozen=True)
class SpeakerRef:
    key: str
    name: str
    country: str | None
    organization: str | None


@dataclass(frozen=True)
class Turn:
    seq: int
    label: str
    name: str | None
    country: str | None
    organization: str | None
    role: str
    national_capacity: bool
    spoken_language: str
    text: str
    page: int | None
    resolutions_cited: tuple
    documents_cited: tuple
    speaker: SpeakerRef | None


@dataclass(frozen=True)
class VoteRecord:
    seq: int
    after_speech: int | None
    subject: str
    draft: str | None
    in_favour: tuple
    against: tuple
    abstaining: tuple
    outcome: str
    vetoed_by: tuple
    resolution: ResolutionRef | None

    def positions(self):
        """{position: (ISO3, ...)}, keyed by the ballot positions of the data model."""
        return {"in_favour": self.in_favour, "against": self.against, "abstaining": self.abstaining}


@dataclass(frozen=True)
class Contract:
    document: dict  # the validated JSON, as stored on the Record
    symbol: str
    meeting: int
    resumption: int | None
    language: str
    status: str
    job_number: str | None
    council_year: int | None
    date: datetime.date
    scheduled: datetime.time | None
    opened: datetime.time | None
    closed: datetime.time | None
    place: str | None
    president: Seat
    members: tuple
    agenda: tuple
    speeches: tuple
    votes: tuple
    resolutions_cited: tuple
    documents_cited: tuple
    pages: int | None
    warnings: tuple
    ocr_confidence: float | None = None  # read from page images: the OCR engine's mean word confidence

    def all_resolutions(self):
        """Every resolution the record names: cited anywhere or adopted."""
        cited = set(self.resolutions_cited) | {v.resolution for v in self.votes if v.resolution}
        for turn in self.speeches:
            cited.update(turn.resolutions_cited)
        return cited


def load(document):
    """The typed Contract of a document; ContractError if it is not a valid one."""
    validate(document)
    try:
        contract = _convert(document)
    except ValueError as exc:  # a time such as 25:00 passes the schema's pattern
        raise ContractError(f"not a valid unsc-record/1 document: {exc}") from None
    _check_consistency(contract)
    return contract


def _convert(doc):
    return Contract(
        document=doc, symbol=doc["symbol"], meeting=doc["meeting"], resumption=doc["resumption"],
        language=doc["language"], status=doc["status"], job_number=doc["job_number"],
        council_year=doc["council_year"], date=datetime.date.fromisoformat(doc["date"]),
        scheduled=_time(doc["scheduled"]), opened=_time(doc["opened"]), closed=_time(doc["closed"]),
        place=doc["place"], president=Seat(doc["president"]["country"], doc["president"]["name"]),
        members=tuple(Seat(m["country"], m["name"]) for m in doc["members"]),
        agenda=tuple(doc["agenda"]),
        speeches=tuple(_turn(s) for s in doc["speeches"]),
        votes=tuple(_vote(v) for v in doc["votes"]),
        resolutions_cited=tuple(ResolutionRef.parse(r) for r in doc["resolutions_cited"]),
        documents_cited=tuple(doc["documents_cited"]),
        pages=doc.get("pages"), warnings=tuple(doc.get("warnings", ())),
        ocr_confidence=doc["ocr"]["confidence"] if doc.get("ocr") else None,
    )


def _time(text):
    return datetime.time.fromisoformat(text) if text else None


def _turn(s):
    speaker = s.get("speaker")
    return Turn(
        seq=s["seq"], label=s["label"], name=s["name"], country=s["country"], organization=s["organization"],
        role=s["role"], national_capacity=s.get("national_capacity", False), spoken_language=s["spoken_language"],
        text=s["text"], page=s.get("page"),
        resolutions_cited=tuple(ResolutionRef.parse(r) for r in s.get("resolutions_cited", ())),
        documents_cited=tuple(s.get("documents_cited", ())),
        speaker=SpeakerRef(speaker["key"], speaker["name"], speaker["country"], speaker["organization"])
        if speaker else None,
    )


def _vote(v):
    return VoteRecord(
        seq=v["seq"], after_speech=v.get("after_speech"), subject=v["subject"], draft=v["draft"],
        in_favour=tuple(v["in_favour"]), against=tuple(v["against"]), abstaining=tuple(v["abstaining"]),
        outcome=v["outcome"], vetoed_by=tuple(v["vetoed_by"]),
        resolution=ResolutionRef.parse(v["resolution"]) if v["resolution"] else None,
    )


def _check_consistency(contract):
    if contract.symbol != meeting_symbol(contract.meeting, contract.resumption):
        raise ContractError(f"the symbol {contract.symbol} is not that of meeting {contract.meeting}"
                            + (f", resumption {contract.resumption}" if contract.resumption else ""))
    for what, items in (("speech", contract.speeches), ("vote", contract.votes)):
        seqs = [item.seq for item in items]
        if len(set(seqs)) != len(seqs):
            raise ContractError(f"a {what} number (seq) appears twice")
    for vote in contract.votes:
        ballots = vote.in_favour + vote.against + vote.abstaining
        if len(set(ballots)) != len(ballots):
            raise ContractError(f"vote {vote.seq} counts a State twice")
        if not set(vote.vetoed_by) <= set(vote.against):
            raise ContractError(f"vote {vote.seq}: a veto is a vote against")
