"""Which of the six languages a record is in, from its script and its cover's wording."""
import re

from records.parsing.errors import ParseError
from records.parsing.lexicon import LEXICONS

SCRIPTS = {
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
}
LATIN = re.compile(r"[A-Za-zÀ-ÿ]")


def detect_language(text):
    sample = text[:6000]
    counts = {code: len(rx.findall(sample)) for code, rx in SCRIPTS.items()}
    latin = len(LATIN.findall(sample))
    code, count = max(counts.items(), key=lambda item: item[1])
    if count > latin * 0.5 and count > 50:
        return code
    if latin < 50:
        raise ParseError("no text in any of the six UN languages")
    scores = {c: sum(sample.count(m) for m in LEXICONS[c].markers) for c in ("en", "fr", "es")}
    best = max(scores, key=scores.get)
    if scores[best] == 0:
        raise ParseError("not a verbatim record: none of the words of a record's first page")
    return best
