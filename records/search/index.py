"""The search vectors: one stored tsvector per speech, built with its record language's
configuration (records.languages); the speaker's label is weighted above the text, so that
'Nebenzia' finds his speeches first.

Languages written without spaces (Chinese) have no PostgreSQL configuration: their text is
indexed as overlapping character pairs in a 'simple' vector ('不扩散' -> '不扩 扩散'); measured
here, that finds every test term, where a word segmenter (jieba) found half. Latin words and
numbers inside such text stay whole ('1540', 'S/2023/1067').
"""
import re

from django.db import connection

from records import languages
from records.parsing.normalize import HAN

PAIRED_RUN = re.compile(f"[{HAN}]+")
VECTOR = "setweight(to_tsvector({cfg}::regconfig, {label}), 'A') || to_tsvector({cfg}::regconfig, {text})"


def index_record(record):
    """(Re)build the search vectors of a record's speeches in one statement."""
    config = languages.search_config(record.language)
    if languages.searched_by_pairs(record.language):
        _index_pairs(list(record.speeches.values_list("id", "label", "text")), config)
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE records_speech SET search_config = %s, search_vector = "
            + VECTOR.format(cfg="%s", label="label", text="text") + " WHERE record_id = %s",
            [config, config, config, record.pk])


def index_missing(low, high):
    """Vectors for the speeches with ids in [low, high] that have none (bulk loads, benchmarks)."""
    spaced = [(code, language.search_config) for code, language in languages.OFFICIAL.items()
              if not language.searched_by_pairs]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE records_speech s SET search_config = c.cfg, search_vector = "
            + VECTOR.format(cfg="c.cfg", label="s.label", text="s.text")
            + " FROM records_record r, unnest(%s::text[], %s::text[]) AS c(language, cfg) "
            "WHERE s.record_id = r.id AND r.language = c.language AND s.search_vector IS NULL "
            "AND s.id BETWEEN %s AND %s",
            [[code for code, _ in spaced], [cfg for _, cfg in spaced], low, high])
        cursor.execute("SELECT s.id, s.label, s.text, r.language FROM records_speech s JOIN records_record r "
                       "ON r.id = s.record_id WHERE s.search_vector IS NULL AND s.id BETWEEN %s AND %s", [low, high])
        rows = cursor.fetchall()
    by_config = {}
    for pk, label, text, language in rows:
        by_config.setdefault(languages.search_config(language), []).append((pk, label, text))
    for config, chunk in by_config.items():
        _index_pairs(chunk, config)


def _index_pairs(rows, config):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE records_speech AS s SET search_config = %s, search_vector = "
            + VECTOR.format(cfg="%s", label="v.label", text="v.doc")
            + " FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS v(id, label, doc) WHERE s.id = v.id",
            [config, config, config, [pk for pk, _, _ in rows], [pairs_text(label) for _, label, _ in rows],
             [pairs_text(text) for _, _, text in rows]])


def pairs_text(text):
    """Unspaced text as overlapping character pairs, other text as it is: '见S/PV.9588的决议' ->
    '见 S/PV.9588 的决 决议'."""
    out = []
    position = 0
    for match in PAIRED_RUN.finditer(text):
        out.append(text[position:match.start()])
        out.append(pairs(match.group()))
        position = match.end()
    out.append(text[position:])
    return " ".join(part for part in out if part.strip())


def pairs(run):
    if len(run) == 1:
        return run
    return " ".join(run[i:i + 2] for i in range(len(run) - 1))
