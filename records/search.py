"""Full-text search over speeches, inside PostgreSQL.

Each speech has a stored tsvector (GIN-indexed) built with its record
language's text search configuration. Chinese has none in PostgreSQL: its text
is indexed as overlapping character pairs in a 'simple' vector ('不扩散' ->
'不扩 扩散'), and queries are split the same way; measured here, that finds every
test term, where a word segmenter (jieba) found half. Latin words and numbers in
Chinese text stay whole ('1540', 'S/2023/1067').

Queries use web search syntax: "quoted phrases", OR, -exclusion.
"""
import html
import json
import re

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, Window

from records.pagination import CountedPaginator
from records.parsing.lexicon import LEXICONS
from records.parsing.normalize import HAN

CJK_RUN = re.compile(f"[{HAN}]+")
MAX_QUERY = 500
# Above this many matches (as PostgreSQL estimates them) a search does not count them exactly, and
# ranks by relevance only the newest CANDIDATES of them: counting and ranking a hundred thousand
# speeches takes seconds, the newest thousand take milliseconds through the date index.
LARGE = 2000
CANDIDATES = 500
MAX_PAGE = 10_000


def config_for(language):
    """The PostgreSQL text search configuration of a record language (its lexicon says which)."""
    lexicon = LEXICONS.get(language)
    return lexicon.search_config if lexicon else "simple"


def _pairs_language(language):
    """Languages written without spaces between words are indexed and queried as character pairs."""
    return LEXICONS[language].cjk if language in LEXICONS else False


# Indexing.

def index_record(record):
    """(Re)build the search vectors of a record's speeches in one statement.

    The speaker's label is indexed too, weighted above the text: 'Nebenzia' finds his speeches
    first. Chinese labels and texts go in as character pairs.
    """
    config = config_for(record.language)
    with connection.cursor() as cursor:
        if _pairs_language(record.language):
            rows = list(record.speeches.values_list("id", "label", "text"))
            cursor.execute(
                "UPDATE records_speech AS s SET search_config = %s, "
                "search_vector = setweight(to_tsvector(%s::regconfig, v.label), 'A') || to_tsvector(%s::regconfig, v.doc) "
                "FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS v(id, label, doc) WHERE s.id = v.id",
                [config, config, config, [pk for pk, _, _ in rows], [cjk_index_text(label) for _, label, _ in rows],
                 [cjk_index_text(text) for _, _, text in rows]],
            )
        else:
            cursor.execute(
                "UPDATE records_speech SET search_config = %s, "
                "search_vector = setweight(to_tsvector(%s::regconfig, label), 'A') || to_tsvector(%s::regconfig, text) "
                "WHERE record_id = %s",
                [config, config, config, record.pk],
            )


def cjk_index_text(text):
    """Chinese text as overlapping character pairs, other text as it is: '见S/PV.9588的决议' ->
    '见 S/PV.9588 的决 决议'."""
    out = []
    position = 0
    for match in CJK_RUN.finditer(text):
        out.append(text[position:match.start()])
        out.append(_pairs(match.group()))
        position = match.end()
    out.append(text[position:])
    return " ".join(part for part in out if part.strip())


def _pairs(run):
    if len(run) == 1:
        return run
    return " ".join(run[i:i + 2] for i in range(len(run) - 1))


# Queries.

def cjk_query(query):
    """The query for Chinese rows: each run of Chinese characters becomes a quoted phrase of its
    character pairs, so that websearch_to_tsquery requires them adjacent and in order."""

    def phrase(match):
        pairs = _pairs(match.group())
        return f' "{pairs}" ' if " " in pairs else f" {pairs} "

    out, inside_quotes = [], False
    for part in re.split(r'(")', query):
        if part == '"':
            inside_quotes = not inside_quotes
            out.append(part)
        elif inside_quotes:
            out.append(CJK_RUN.sub(lambda m: " " + _pairs(m.group()) + " ", part))
        else:
            out.append(CJK_RUN.sub(phrase, part))
    query = re.sub(r"\s+", " ", "".join(out)).strip()
    return re.sub(r'"\s*([^"]*?)\s*"', r'"\1"', query)  # no padding inside quotes


def clean_query(raw):
    """The query as searched: control characters out, at most MAX_QUERY characters."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", raw or "").strip()
    return text[:MAX_QUERY], len(text) > MAX_QUERY


def analyse(text, languages):
    """{language: tsquery text} for the languages in which the query keeps a searchable word.

    'the of' has none in English, '!!!' none anywhere; a language without one cannot match and
    is left out. One statement for all languages.
    """
    columns, params = [], []
    for language in languages:
        columns.append("websearch_to_tsquery(%s::regconfig, %s)::text")
        params += [config_for(language), cjk_query(text) if _pairs_language(language) else text]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns), params)
        readings = cursor.fetchone()
    return {language: _prefix_single_characters(reading) if _pairs_language(language) else reading
            for language, reading in zip(languages, readings) if reading}


def _prefix_single_characters(reading):
    """A lone Chinese character is not a pair: it matches the pairs it begins ('核' -> '核武', '核不')."""
    return re.sub(f"'([{HAN}])'(?!:)", r"'\1':*", reading)


def union_query(readings):
    """One tsquery: the query as each language's configuration reads it, joined with OR.

    A speech matches if it matches in any reading. Identical readings are joined once, so that
    PostgreSQL estimates the number of matches well; and one condition lets it find rows with one
    index scan and check each row once (a condition per configuration made it check twice).
    The readings are already normalised lexemes, so they are parsed as they are.
    """
    distinct = list(dict.fromkeys(readings.values()))
    return NormalisedQuery(" | ".join(f"( {r} )" for r in distinct))


class NormalisedQuery(SearchQuery):
    """A tsquery in PostgreSQL's own syntax whose lexemes are already normalised: it is cast, not
    parsed again (to_tsquery would split 'non-prolifer' once more, and match nothing)."""

    template = "%(expressions)s::tsquery"

    def __init__(self, value):
        super().__init__(value, search_type="raw")


def estimate(queryset):
    """PostgreSQL's estimate of how many rows the queryset returns (EXPLAIN, nothing is run)."""
    plan = queryset.order_by().explain(format="json")
    if not plan:
        return 0  # Django found the query empty without asking the database
    return int(json.loads(plan)[0]["Plan"]["Plan Rows"])


@dataclass
class Results:
    page: object
    large: bool  # counted by estimate, and ranked among the newest CANDIDATES only
    estimated: int


def run(queryset, query, sort, page_number, per_page, export=False):
    """A page of speeches matching the query, by relevance or newest first.

    An export takes every match up to its size; when there are too many to rank, newest first.
    """
    matches = queryset.filter(search_vector=query)
    estimated = estimate(matches)
    large = estimated > LARGE
    if sort == "date" or (large and export):
        ordered = matches.newest_first()
    else:
        pool = queryset.model.objects.filter(pk__in=matches.newest_first().values("pk")[:CANDIDATES]) \
            if large else matches
        ordered = pool.annotate(rank=SearchRank(F("search_vector"), query)).order_by("-rank", "-date", "seq")
    ordered = ordered.select_related("record__meeting", "country", "speaker")
    if large:
        count = estimated if sort == "date" else None
        paginator = Paginator(ordered, per_page) if count is None else CountedPaginator(ordered, per_page, count)
        return Results(paginator.get_page(page_number), large, estimated)
    return Results(_counted_page(ordered, page_number, per_page), large, estimated)


def _counted_page(ordered, page_number, per_page):
    """One query for the rows of a page and the total: the match is checked once, not twice."""
    try:
        number = min(max(1, int(page_number or 1)), MAX_PAGE)
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * per_page
    rows = list(ordered.annotate(total=Window(Count("pk")))[offset:offset + per_page])
    total = rows[0].total if rows else ordered.count()
    paginator = CountedPaginator(ordered, per_page, total)
    if not rows and total:
        return paginator.get_page(number)  # past the end: the last page, as elsewhere on the site
    return Page(rows, number, paginator)


# Snippets.

WINDOW = 1500  # characters of a speech given to ts_headline: around the first likely match


def add_snippets(speeches, text):
    """Set .snippet (safe HTML with <mark>) on each speech of a page of results.

    PostgreSQL marks the words its configuration matched (stems included: 'weapon' marks
    'weapons'); it is given only a window of each speech around the first likely match,
    because ts_headline's cost grows with the length of the text.
    """
    groups = {}
    for speech in speeches:
        groups.setdefault(speech.search_config, []).append(speech)
    for config, members in groups.items():
        if config == "simple":
            for speech in members:
                speech.snippet = cjk_snippet(speech.text, text)
            continue
        windows = [_window(speech.text, text) for speech in members]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ts_headline(%s::regconfig, w, websearch_to_tsquery(%s::regconfig, %s), %s) "
                "FROM unnest(%s::text[]) WITH ORDINALITY AS t(w, n) ORDER BY n",
                [config, config, text, HEADLINE_OPTIONS, [w for w, _, _ in windows]])
            headlines = [row[0] for row in cursor.fetchall()]
        for speech, headline, (_, before, after) in zip(members, headlines, windows):
            speech.snippet = ("… " if before else "") + _safe_headline(headline) + (" …" if after else "")


HEADLINE_OPTIONS = "StartSel=<mark>, StopSel=</mark>, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=\" … \""


def excerpt(speech_text, query_text, size=300):
    """Plain text around the first likely match (for CSV), cut at word boundaries."""
    window, before, after = _window(speech_text, query_text)
    words = window[:size + 40].split()
    if before and len(words) > 1:
        words = words[1:]  # the first word may be cut
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > size:
            after = True
            break
        out = f"{out} {word}" if out else word
    return ("… " if before else "") + out + (" …" if after else "")


def _window(speech_text, query_text):
    """(slice, cut at start, cut at end): the part of the speech around the earliest query word."""
    stems = [w.lower()[:5] for w in re.findall(r"\w+", " ".join(query_terms(query_text))) if len(w) > 2]
    lowered = speech_text.lower()
    positions = [p for p in (lowered.find(stem) for stem in stems) if p >= 0]
    start = max(0, min(positions) - WINDOW // 3) if positions else 0
    end = min(len(speech_text), start + WINDOW)
    return speech_text[start:end], start > 0, end < len(speech_text)


def _safe_headline(headline):
    """PostgreSQL's headline is raw text with our <mark> tags: escape everything else."""
    escaped = html.escape(headline)
    return escaped.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>")


def query_terms(text):
    """The words of a query to highlight: phrases and words, without operators and exclusions."""
    terms = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', text):
        term = phrase or word
        if not term or term.upper() == "OR" or term.startswith("-"):
            continue
        terms.append(term.strip('"'))
    return terms


def cjk_snippet(speech_text, query_text, width=120):
    """A window of the text around the first match, with every match of a query term marked."""
    terms = sorted({t for t in query_terms(query_text) if t}, key=len, reverse=True)
    if not terms:
        return html.escape(speech_text[:width * 2])
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    first = pattern.search(speech_text)
    start = max(0, (first.start() if first else 0) - width)
    window = speech_text[start:start + width * 2 + (len(first.group()) if first else 0)]
    out, position = [], 0
    for match in pattern.finditer(window):
        out.append(html.escape(window[position:match.start()]))
        out.append(f"<mark>{html.escape(match.group())}</mark>")
        position = match.end()
    out.append(html.escape(window[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + len(window) < len(speech_text) else ""
    return prefix + "".join(out) + suffix
