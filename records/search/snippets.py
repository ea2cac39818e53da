"""Snippets: the words a query matched, marked in a window of each speech."""
import html
import re

from django.db import connection

from records import languages

WINDOW = 1500  # characters of a speech given to ts_headline: around the first likely match


def add_snippets(speeches, text):
    """Set .snippet (safe HTML with <mark>) on each speech of a page of results.

    PostgreSQL marks the words its configuration matched (stems included: 'weapon' marks
    'weapons'); it is given only a window of each speech around the first likely match,
    because ts_headline's cost grows with the length of the text.
    """
    groups = {}
    for speech in speeches:
        groups.setdefault(speech.record.language, []).append(speech)
    for language, members in groups.items():
        if languages.searched_by_pairs(language):
            for speech in members:
                speech.snippet = marked_snippet(speech.text, text)
            continue
        config = languages.search_config(language)
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


def marked_snippet(speech_text, query_text, width=120):
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
