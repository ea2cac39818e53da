"""Queries: web search syntax ("quoted phrases", OR, -exclusion) read by each language's
configuration, joined into one tsquery, run with ranking and pagination."""
import json
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, Window

from records import languages
from records.pagination import CountedPaginator
from records.parsing.normalize import HAN
from records.search.index import PAIRED_RUN, pairs

MAX_QUERY = 500
MAX_TERMS = 24  # words and phrases: each costs PostgreSQL work, and more say nothing more
OPERATOR_RUNS = re.compile(r"(?<!\S)[-!&|():*<>]{2,}")  # '---a' nests 33 negations: tsquery's stack overflows
# Above this many matches (as PostgreSQL estimates them) a search does not count them exactly, and
# ranks by relevance only the newest CANDIDATES of them: counting and ranking a hundred thousand
# speeches takes seconds, the newest thousand take milliseconds through the date index.
LARGE = 2000
CANDIDATES = 500
MAX_PAGE = 10_000


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


def analyse(text, codes):
    """{language: tsquery text} for the languages in which the query keeps a searchable word.

    'the of' has none in English, '!!!' none anywhere; a language without one cannot match and
    is left out. One statement for all languages.
    """
    columns, params = [], []
    for language in codes:
        columns.append("websearch_to_tsquery(%s::regconfig, %s)::text")
        by_pairs = languages.searched_by_pairs(language)
        params += [languages.search_config(language), pairs_query(text) if by_pairs else text]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns), params)
        readings = cursor.fetchone()
    return {language: _prefix_single_characters(reading) if languages.searched_by_pairs(language) else reading
            for language, reading in zip(codes, readings) if reading}


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
    page: object  # a Page of speeches; None when the query has no searchable word
    large: bool = False  # counted by estimate, and ranked among the newest CANDIDATES only
    estimated: int = 0
    stopwords: bool = False  # no searchable word in any language searched ('the of', '!!!')
    common_words: bool = False  # some languages searched found no searchable word


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
