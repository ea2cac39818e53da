"""For tests that accept a refusal: a refusal must be the parser's verdict on the input, never a
crash of ours turned into one (parse_bytes logs those and raises UnexpectedParseFailure)."""
from records.parsing import ParseError, UnexpectedParseFailure, parse_bytes


def assert_not_a_crash(error):
    assert not isinstance(error, UnexpectedParseFailure), \
        f"the parser failed unexpectedly: {error.__cause__!r}"


def parse_or_refuse(data):
    """The parsed record, or None where the parser refused the input with its own error."""
    try:
        return parse_bytes(data)
    except ParseError as exc:
        assert_not_a_crash(exc)
        return None
