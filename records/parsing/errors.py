class ParseError(Exception):
    """The input is not a verbatim record the parser can read; the message says what is missing."""


class UnexpectedParseFailure(ParseError):
    """A bug of ours met on some input, not a verdict on the input: the parser failed unexpectedly.

    Callers see a ParseError like any other, so one strange file never stops an upload; tests tell
    the two apart, so that a crash can never pass for a refusal.
    """


class NeedsOcr(ParseError):
    """A PDF without a text layer, read where OCR was not asked for (the quick first pass)."""
