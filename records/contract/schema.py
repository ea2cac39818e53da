"""Validation of a document against the contract's schema and our extensions' schema."""
import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

HERE = Path(__file__).resolve().parent
SCHEMA = HERE / "record.schema.json"
EXTENSIONS = HERE / "extensions.schema.json"
ERRORS_SHOWN = 3


class ContractError(ValueError):
    """The document is not a valid unsc-record/1 record; the message names the first problems."""


@lru_cache(maxsize=None)
def _validators():
    return [Draft202012Validator(json.loads(path.read_text(encoding="utf-8")),
                                 format_checker=Draft202012Validator.FORMAT_CHECKER)
            for path in (SCHEMA, EXTENSIONS)]


def validate(document):
    """Raise ContractError unless the document satisfies both schemas."""
    if not isinstance(document, dict):
        raise ContractError("a contract document is a JSON object")
    errors = [error for validator in _validators() for error in validator.iter_errors(document)]
    if errors:
        errors.sort(key=lambda e: list(e.absolute_path))
        shown = "; ".join(f"{_where(e)}: {e.message[:200]}" for e in errors[:ERRORS_SHOWN])
        more = f" (and {len(errors) - ERRORS_SHOWN} more)" if len(errors) > ERRORS_SHOWN else ""
        raise ContractError(f"not a valid unsc-record/1 document: {shown}{more}")


def _where(error):
    return "/".join(str(part) for part in error.absolute_path) or "the document"
