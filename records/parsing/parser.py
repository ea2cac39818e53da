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
from records.parsing.model import Member, Record
from records.parsing.normalize import normalize

PARSER_VERSION = "1.0.0"
logger = logging.getLogger(__name__)


def parse_file(path, ocr=True):
    return parse_bytes(Path(path).read_bytes(), ocr=ocr)


def parse_bytes(data, ocr=True):
    """Parse a record file's content. Raises ParseError, and only ParseError, for anything unreadable.

    An unexpected exception is a bug of ours, logged with its traceback; the caller still gets the
    parser's own error, so that one strange file never stops an upload or a bulk import.
    """
    try:
        return _parse(data, ocr)
    except ParseError:
        raise
    except Exception as exc:
        logger.exception("the parser failed unexpectedly")
        raise UnexpectedParseFailure(f"the parser could not read this file ({type(exc).__name__}); "
                                     "the error is logged") from exc


COUNCIL_SIZE = 15


def members_from_votes(cover, body):
    """Where every seat voted, the voters are the members: a members list the extraction damaged (an
    OCR'd cover, its dot leaders read as letters) is mended from the ballots, and the roles with it."""
    voters = set()
    for vote in body.votes:
        voters |= {*vote.in_favour, *vote.against, *vote.abstaining}
    voters.discard(cover.president.country)
    listed = {m.country for m in cover.members}
    if len(voters) != COUNCIL_SIZE - 1 or voters == listed:
        return
    names = {m.country: m.name for m in cover.members}
    cover.members = [Member(country=code, name=names.get(code, "")) for code in sorted(voters)]
    body.warnings[:] = [w for w in body.warnings if "ballots for" not in w]  # counted against the damaged list
    body.warnings.append("members list: mended from the vote (" + ", ".join(
        [f"+{c}" for c in sorted(voters - listed)] + [f"-{c}" for c in sorted(listed - voters)]) + ")")
    for speech in body.speeches:
        if speech.role in ("member", "invited") and speech.country:
            speech.role = "member" if speech.country in voters else "invited"


def _parse(data, ocr=True):
    extracted = extract(data, ocr=ocr)
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
    members_from_votes(cover, body)
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
        ocr_confidence=extracted.ocr_confidence,
    )



