"""The query text: cleaned before it is searched, and Chinese runs written as character pairs."""
import re

from records.search.index import PAIRED_RUN, pairs

MAX_QUERY = 500
MAX_TERMS = 24  # words and phrases: each costs the engine work, and more say nothing more
OPERATOR_RUNS = re.compile(r"(?<!\S)[-!&|():*<>]{2,}")  # '---a': one negation, not 33


def pairs_query(query):
    """The query for unspaced rows: each run of Chinese characters becomes a quoted phrase of its
    character pairs, so that websearch_to_tsquery requires them adjacent and in order."""

    def phrase(match):
        paired = pairs(match.group())
        return f' "{paired}" ' if " " in paired else f" {paired} "

    out, inside_quotes = [], False
    for part in re.split(r'(")', query):
        if part == '"':
            inside_quotes = not inside_quotes
            out.append(part)
        elif inside_quotes:
            out.append(PAIRED_RUN.sub(lambda m: " " + pairs(m.group()) + " ", part))
        else:
            out.append(PAIRED_RUN.sub(phrase, part))
    query = re.sub(r"\s+", " ", "".join(out)).strip()
    return re.sub(r'"\s*([^"]*?)\s*"', r'"\1"', query)  # no padding inside quotes


def clean_query(raw):
    """(query as searched, whether it was cut): control characters out, runs of operator characters
    at a word's start made one, at most MAX_QUERY characters and MAX_TERMS words or phrases."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", raw or "").strip()
    text = OPERATOR_RUNS.sub(lambda match: match.group()[-1], text)
    terms = re.findall(r'"[^"]*"?|\S+', text)
    cut = len(text) > MAX_QUERY or len(terms) > MAX_TERMS
    if len(terms) > MAX_TERMS:
        text = " ".join(terms[:MAX_TERMS])
    return text[:MAX_QUERY], cut
