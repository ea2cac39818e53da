"""The unsc-record/1 contract: the one boundary between the parser and the archive.

    document = to_contract(parse_file(path))   # the parser's side (records.parsing)
    record = load(document)                    # ingest's side: validated, then typed

record.schema.json is our copy of the contract (../shared/contract/record.schema.json is its
source; a test keeps the two identical); extensions.schema.json describes what our parser adds.
Pure Python: no Django, so that the parser's tests and tools can use it too.
"""
from records.contract.schema import ContractError, validate
from records.contract.types import Contract, ResolutionRef, SpeakerRef, Turn, VoteRecord, load

__all__ = ["Contract", "ContractError", "ResolutionRef", "SpeakerRef", "Turn", "VoteRecord", "load", "validate"]
