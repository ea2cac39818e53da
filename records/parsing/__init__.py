"""Verbatim records of the Security Council, from file to the unsc-record/1 contract.

Pure Python: nothing here imports Django. The entry points:

    from records.parsing import parse_file, parse_bytes, to_contract, ParseError, PARSER_VERSION

ParseError is the input's fault; UnexpectedParseFailure (a ParseError too) is ours, and logged.
"""
from records.parsing.contract import to_contract
from records.parsing.errors import ParseError, UnexpectedParseFailure
from records.parsing.parser import PARSER_VERSION, parse_bytes, parse_file

__all__ = ["PARSER_VERSION", "ParseError", "UnexpectedParseFailure", "parse_bytes", "parse_file", "to_contract"]
