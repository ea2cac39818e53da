class ParseError(Exception):
    """The input is not a verbatim record the parser can read; the message says what is missing."""
