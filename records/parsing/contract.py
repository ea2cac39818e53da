"""The parser's output as the unsc-record/1 contract (../shared/contract/record.schema.json)."""
from dataclasses import asdict

SCHEMA = "unsc-record/1"


def to_contract(record):
    return {
        "schema": SCHEMA,
        "symbol": record.symbol,
        "meeting": record.meeting,
        "resumption": record.resumption,
        "language": record.language,
        "status": record.status,
        "job_number": record.job_number,
        "council_year": record.council_year,
        "date": record.date,
        "scheduled": record.scheduled,
        "opened": record.opened,
        "closed": record.closed,
        "place": record.place,
        "president": {"name": record.president.name, "country": record.president.country},
        "members": [{"country": m.country, "name": m.name} for m in record.members],
        "agenda": list(record.agenda),
        "speeches": [asdict(s) for s in record.speeches],
        "votes": [asdict(v) for v in record.votes],
        "resolutions_cited": list(record.resolutions_cited),
        "documents_cited": list(record.documents_cited),
        # Beyond the contract (it allows more): the record's page count and what the parser doubted.
        "pages": record.pages,
        "warnings": list(record.warnings),
        **({"ocr": {"engine": "tesseract", "confidence": record.ocr_confidence}}
           if record.ocr_confidence is not None else {}),
    }
