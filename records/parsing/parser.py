"""From a record file to a parsed Record: extract, normalise, read the cover, read the body."""
import logging
from pathlib import Path

from records.parsing import citations
from records.parsing.body import parse_body
from records.parsing.errors import ParseError, UnexpectedParseFailure
from records.parsing.extract import extract
from records.parsing.frontmatter import parse_cover, split_cover
from records.parsing.language import detect_language
from records.parsing.lexicon import get
from records.parsing.model import Record
from records.parsing.normalize import normalize

PARSER_VERSION = "1.0.0"
logger = logging.getLogger(__name__)


def parse_file(path):
    return parse_bytes(Path(path).read_bytes())


def parse_bytes(data):
    """Parse a record file's content. Raises ParseError, and only ParseError, for anything unreadable.

    An unexpected exception is a bug of ours, logged with its traceback; the caller still gets the
    parser's own error, so that one strange file never stops an upload or a bulk import.
    """
    try:
        return _parse(data)
    except ParseError:
        raise
    except Exception as exc:
        logger.exception("the parser failed unexpectedly")
        raise UnexpectedParseFailure(f"the parser could not read this file ({type(exc).__name__}); "
                                     "the error is logged") from exc


def _parse(data):
    extracted = extract(data)
    language = detect_language(extracted.text)
    lexicon = get(language)
    # Language detection needs the raw text; repairs (Arabic) need the language.
    normalized = normalize(extracted, lexicon)
    blocks = normalized.blocks
    if not blocks:
        raise ParseError("the file has no text")
    start = split_cover(blocks, lexicon)
    cover = parse_cover(blocks[:start], lexicon)
    body = parse_body(blocks[start:], lexicon, cover, language, paged=extracted.pages > 1)
    # Citations come from the agenda and the body; the cover's other lines hold the record's own symbol.
    front_text = "\n".join(cover.agenda)
    all_text = front_text + "\n" + "\n".join(block.text for block in blocks[start:])
    return Record(
        meeting=cover.meeting, resumption=cover.resumption, language=language, status=cover.status,
        job_number=normalized.job_number, council_year=cover.council_year, date=cover.date.isoformat(),
        scheduled=cover.scheduled, opened=body.opened, closed=body.closed, place=cover.place,
        president=cover.president, members=cover.members, agenda=cover.agenda, speeches=body.speeches,
        votes=body.votes,
        resolutions_cited=citations.merge(citations.resolutions(front_text, lexicon),
                                          *[s.resolutions_cited for s in body.speeches],
                                          citations.resolutions(all_text, lexicon)),
        documents_cited=citations.merge(citations.documents(front_text),
                                        *[s.documents_cited for s in body.speeches],
                                        citations.documents(all_text)),
        pages=extracted.pages,
        warnings=cover.warnings + body.warnings,
    )



