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
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When

CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic", "zh": "simple"}
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
MAX_QUERY = 500


def config_for(language):
    return CONFIGS.get(language, "simple")


# Indexing.

def index_record(record):
    """(Re)build the search vectors of a record's speeches: one UPDATE, or one per batch for Chinese."""
    config = config_for(record.language)
    with connection.cursor() as cursor:
        if record.language == "zh":
            rows = list(record.speeches.values_list("id", "text"))
            cursor.execute(
                "UPDATE records_speech AS s SET search_config = 'simple', "
                "search_vector = to_tsvector('simple', v.doc) "
                "FROM unnest(%s::bigint[], %s::text[]) AS v(id, doc) WHERE s.id = v.id",
                [[pk for pk, _ in rows], [cjk_index_text(text) for _, text in rows]],
            )
        else:
            cursor.execute(
                "UPDATE records_speech SET search_config = %s, search_vector = to_tsvector(%s::regconfig, text) "
                "WHERE record_id = %s",
                [config, config, record.pk],
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


def queries(text, languages):
    """{config: SearchQuery} for the configurations of the languages searched."""
    out = {}
    for language in languages:
        config = config_for(language)
        query_text = cjk_query(text) if language == "zh" else text
        out[config] = SearchQuery(query_text, config=config, search_type="websearch")
    return out


def languages_with_terms(text, languages):
    """The languages in which the query keeps a searchable word: 'the of' has none in English,
    '!!!' none anywhere. Searching the others cannot match, so they are left out."""
    columns, params = [], []
    for language in languages:
        columns.append("numnode(websearch_to_tsquery(%s::regconfig, %s))")
        params += [config_for(language), cjk_query(text) if language == "zh" else text]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns), params)
        counts = cursor.fetchone()
    return [language for language, count in zip(languages, counts) if count > 0]


def matching(queryset, by_config):
    """Speeches matching the query in their own language's configuration; each branch can use the index."""
    condition = Q()
    for config, query in by_config.items():
        condition |= Q(search_config=config, search_vector=query)
    return queryset.filter(condition)


def ranked(queryset, by_config):
    rank = Case(*[When(search_config=config, then=SearchRank(F("search_vector"), query))
                  for config, query in by_config.items()], default=Value(0.0), output_field=FloatField())
    return queryset.annotate(rank=rank)


# Snippets.

def add_snippets(speeches, text, by_config):
    """Set .snippet (safe HTML with <mark>) on each speech of a page of results."""
    from records.models import Speech

    groups = {}
    for speech in speeches:
        groups.setdefault(speech.search_config, []).append(speech)
    for config, members in groups.items():
        if config == "simple":
            for speech in members:
                speech.snippet = cjk_snippet(speech.text, text)
            continue
        headlines = dict(Speech.objects.filter(pk__in=[s.pk for s in members]).annotate(
            headline=SearchHeadline("text", by_config[config], config=config, start_sel="<mark>",
                                    stop_sel="</mark>", max_words=45, min_words=20, max_fragments=2,
                                    fragment_delimiter=" … ")).values_list("pk", "headline"))
        for speech in members:
            speech.snippet = _safe_headline(headlines.get(speech.pk, ""))


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
