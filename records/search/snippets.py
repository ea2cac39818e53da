"""Snippets: the words a query matched, marked in a window of each speech."""
import html
import re

from records import languages

WINDOW = 1500  # characters of a speech around the first likely match, for the CSV excerpt


def add_snippets(speeches, text):
    """Set .snippet (safe HTML with <mark>) on each speech of a page of results.

    The words are marked as the engine matched them: each word of the speech that its language's
    analyzer reads as one of the query's words ('Ukrainian' for 'Ukraine', where the stemmer says
    so), so that a snippet always shows why the speech was found.
    """
    for speech in speeches:
        if languages.searched_by_pairs(speech.record.language):
            speech.snippet = marked_snippet(speech.text, text)
        else:
            speech.snippet = analysed_snippet(speech.text, text, speech.record.language)


WORD = re.compile(r"\w[\w'’-]*")
FRAGMENT_WORDS = 22  # words each side of a match
FRAGMENTS = 2


def analysed_snippet(speech_text, query_text, language):
    """Up to two windows of the text around the words the query matches, those words marked."""
    from records.search import engine  # tantivy is loaded with the engine, not for every import

    analyzer = engine.ANALYZERS.get(f"text_{language}")
    if analyzer is None:
        return marked_snippet(speech_text, query_text)
    wanted = {token for term in query_terms(query_text) for token in analyzer.analyze(term)}
    words = list(WORD.finditer(speech_text))
    prefixes = tuple(sorted({token[:3] for token in wanted if token}))
    read = {}  # each distinct word analysed once

    def matches(word):
        if word not in read:
            read[word] = bool(set(analyzer.analyze(word)) & wanted)
        return read[word]

    hits = [i for i, m in enumerate(words) if prefixes and m.group().lower().startswith(prefixes)
            and matches(m.group().lower())]
    if not hits:
        return html.escape(speech_text[:280]) + (" …" if len(speech_text) > 280 else "")
    windows = []
    for hit in hits:
        if windows and hit - FRAGMENT_WORDS <= windows[-1][1]:
            windows[-1][1] = min(len(words) - 1, hit + FRAGMENT_WORDS)
        elif len(windows) < FRAGMENTS:
            windows.append([max(0, hit - FRAGMENT_WORDS), min(len(words) - 1, hit + FRAGMENT_WORDS)])
    marked, parts = set(hits), []
    for first, last in windows:
        out, position = [], words[first].start()
        for i in range(first, last + 1):
            match = words[i]
            out.append(html.escape(speech_text[position:match.start()]))
            word = html.escape(match.group())
            out.append(f"<mark>{word}</mark>" if i in marked else word)
            position = match.end()
        parts.append(("… " if first > 0 else "") + "".join(out) + (" …" if last < len(words) - 1 else ""))
    return " ".join(parts).replace("… …", "…")


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
