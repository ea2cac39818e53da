"""Searching the engine: web syntax ("quoted phrases", OR, -exclusion) and the filters as one
tantivy query, ranked by BM25 over every match (or newest first), a page of turns read back from
PostgreSQL in the language version that matched.

filters: the SpeechSearchFilter's cleaned values (country, role, language, meeting, resolution,
date_after, date_before); each runs inside the engine, on its fast fields.
"""
import datetime
import re
from dataclasses import dataclass

import tantivy

from records import languages
from records.models import Speech
from records.search import engine
from records.search.documents import EPOCH, HAN_CHARACTER
from records.search.index import pairs

TERMS = re.compile(r'-?"[^"]*"?|\S+')
UNSAFE = re.compile(r'["\\]')


@dataclass(frozen=True)
class Term:
    text: str
    negated: bool = False
    phrase: bool = False


def terms(text):
    """[Term or 'OR'] of a cleaned query."""
    out = []
    for token in TERMS.findall(text):
        negated = token.startswith("-") and len(token) > 1
        body = token[1:] if negated else token
        if body == "OR" and not negated:
            out.append("OR")
            continue
        phrase = body.startswith('"')
        body = UNSAFE.sub(" ", body).strip()
        if body:
            out.append(Term(body, negated, phrase))
    return out


def fields_for(codes):
    spaced = [f"text_{code}" for code in codes if code in engine.SPACED]
    return spaced, "zh" in codes


def searchable(term, codes):
    """The languages in which a term keeps a word once stop words are taken out."""
    found = set()
    for code in codes:
        if code == "zh":
            if HAN_CHARACTER.search(term.text) or engine.ANALYZERS["pairs"].analyze(term.text):
                found.add(code)
        elif engine.ANALYZERS[f"text_{code}"].analyze(term.text):
            found.add(code)
    return found


def term_query(index, term, codes):
    """One word or phrase, in every field of the languages searched and in the speakers' labels."""
    spaced, chinese = fields_for(codes)
    clauses = []
    if spaced:
        clauses.append(index.parse_query(f'"{term.text}"', spaced + ["label"], field_boosts={"label": 2.0}))
    if chinese and HAN_CHARACTER.search(term.text):
        runs = HAN_CHARACTER.findall(term.text)
        if len(runs) == 1 and len(term.text.strip()) == 1:
            clauses.append(index.parse_query(f'"{term.text}"', ["text_zh1"]))  # one character: not a pair
        else:
            paired = re.sub(f"[{''.join(runs)}]+", lambda m: " " + pairs(m.group()) + " ", term.text)
            clauses.append(index.parse_query(f'"{paired.strip()}"', ["text_zh", "label_zh"],
                                             field_boosts={"label_zh": 2.0}))
    elif chinese:
        clauses.append(index.parse_query(f'"{term.text}"', ["text_zh"]))  # '1540', 'S/2023/1067' in Chinese text
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, clause) for clause in clauses])


def text_query(index, text, codes):
    """(query, languages with a searchable word): None when no word is left."""
    parts, found, pending_or = [], set(), False
    for item in terms(text):
        if item == "OR":
            pending_or = bool(parts)
            continue
        kept = searchable(item, codes)
        if not kept:
            pending_or = False
            continue
        query = term_query(index, item, codes)
        if not item.negated:
            found |= kept
        if pending_or and parts and parts[-1][0] == tantivy.Occur.Must and not item.negated:
            previous = parts.pop()[1]
            query = tantivy.Query.boolean_query([(tantivy.Occur.Should, previous), (tantivy.Occur.Should, query)])
        parts.append((tantivy.Occur.MustNot if item.negated else tantivy.Occur.Must, query))
        pending_or = False
    if not found:
        return None, found
    return tantivy.Query.boolean_query(parts), found


def filter_queries(index, filters):
    """The filters as engine queries that match without scoring."""
    schema, out = index.schema, []
    equal = {"state": filters.get("country"), "role": filters.get("role"), "languages": filters.get("language")}
    for field, value in equal.items():
        if value:
            out.append(tantivy.Query.term_query(schema, field, value.upper() if field == "state" else value))
    for field, value in (("number", filters.get("meeting")), ("resolution", filters.get("resolution"))):
        if value:
            out.append(tantivy.Query.term_query(schema, field, int(value)))
    after, before = filters.get("date_after"), filters.get("date_before")
    if after or before:
        out.append(tantivy.Query.range_query(schema, "date", tantivy.FieldType.Integer,
                                             _days(after), _days(before)))
    return [tantivy.Query.const_score_query(query, 0.0) for query in out]


def _days(date):
    return (date - EPOCH).days if isinstance(date, datetime.date) else None


def matched_language(index, searcher, text, hits):
    """{turn: language}: the version each turn of a page matched in, English first where several did."""
    turns = [turn for turn, _ in hits]
    chosen = {turn: langs[0] for turn, langs in hits if len(langs) == 1}  # one version: no question
    for code in [languages.PREFERRED, *[c for c in languages.CODES if c != languages.PREFERRED]]:
        wanted = [turn for turn, langs in hits if code in langs and turn not in chosen]
        if not wanted:
            continue
        query, found = text_query(index, text, [code])
        if query is None:
            continue
        narrowed = tantivy.Query.boolean_query([
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.term_set_query(index.schema, "turn", wanted))])
        for _, address in searcher.search(narrowed, limit=len(wanted), count=False).hits:
            chosen.setdefault(searcher.doc(address)["turn"][0], code)
    for turn, langs in hits:  # matched by the speaker's label alone, say: the first version it has
        chosen.setdefault(turn, langs[0])
    return {turn: chosen[turn] for turn in turns}


def speeches_for(chosen, versions):
    """The Speech rows of {turn: language}, in the order given; versions: {turn: {language: Speech pk}}."""
    wanted = {turn: versions[turn][language] for turn, language in chosen.items() if language in versions[turn]}
    rows = Speech.objects.filter(pk__in=list(wanted.values())).with_context()
    found = {s.pk: s for s in rows}
    return [found[pk] for pk in wanted.values() if pk in found]  # a turn deleted since: left out


def versions_of(document):
    """{language: Speech pk} of a turn's document."""
    return {code: int(pk) for code, pk in (value.split(":") for value in document["versions"])}
