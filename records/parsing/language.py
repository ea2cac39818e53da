"""Which of the six languages a record is in: the script that dominates, then the cover's wording."""
from records.parsing.errors import ParseError
from records.parsing.lexicon import LEXICONS

SAMPLE = 6000
MIN_LETTERS = 50


def detect_language(text):
    sample = text[:SAMPLE]
    by_script = {}
    for lexicon in LEXICONS.values():
        by_script.setdefault(lexicon.letters, []).append(lexicon)
    counts = {script: len(lexicons[0].rx(script, 0).findall(sample)) for script, lexicons in by_script.items()}
    script = max(counts, key=counts.get)
    if counts[script] < MIN_LETTERS:
        raise ParseError("no text in any of the six UN languages")
    candidates = by_script[script]
    if len(candidates) == 1:
        return candidates[0].code
    # Languages sharing a script (English, French, Spanish): the one whose cover words appear most.
    scores = {lexicon.code: sum(sample.count(marker) for marker in lexicon.markers) for lexicon in candidates}
    best = max(scores, key=scores.get)
    if scores[best] == 0:
        raise ParseError("not a verbatim record: none of the words of a record's first page")
    return best
