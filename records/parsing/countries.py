"""Country names in the six languages -> ISO 3166 alpha-3 codes.

Names come from data/countries.json (UNTERM short and formal names, derived from
country-codes.csv by scripts/build_countries.py) plus each lexicon's short
forms ('United Kingdom', '联合王国'). Matching ignores case, leading articles
('the Niger', 'la Chine') and white space differences.
"""
import difflib
import json
import re
from functools import lru_cache
from pathlib import Path

from records.parsing.lexicon import fold, get

DATA = Path(__file__).resolve().parent / "data" / "countries.json"
FORMER = Path(__file__).resolve().parent / "data" / "former_states.json"
PERMANENT_MEMBERS = frozenset({"CHN", "FRA", "RUS", "GBR", "USA"})


@lru_cache(maxsize=1)
def countries():
    return json.loads(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def former_states():
    """{"former": [...], "renamed": [...]}: States that no longer exist, and former names of those that do."""
    return json.loads(FORMER.read_text(encoding="utf-8"))


def name_in(iso3, year, code="en"):
    """The name a still existing State bore in `year` ('Zaire' for COD in 1995), or None."""
    for entry in former_states()["renamed"]:
        if entry["code"] == iso3 and entry["from"] <= year <= entry["until"]:
            return entry["names"][code][0]
    return None


def former_names(iso3, code="en"):
    """[(name, from, until)]: the names a still existing State bore in the records before today's."""
    return [(entry["names"][code][0], entry["from"], entry["until"]) for entry in former_states()["renamed"]
            if entry["code"] == iso3]


def _historical_names(code):
    """(name, ISO3) pairs in one language: a former State's names (its own code) and the former names
    of States that still exist (their code today: 'Zaire' is the Democratic Republic of the Congo)."""
    data = former_states()
    for entry in data["former"]:
        for name in [*entry["names"][code], *entry.get("also", {}).get(code, [])]:
            yield name, entry["code"]
    for entry in data["renamed"]:
        for name in entry["names"][code]:
            yield name, entry["code"]


class CountryIndex:
    def __init__(self, lexicon):
        self.lexicon = lexicon
        self._own = {}
        self._any = {}
        self._names = {}
        for entry in countries():
            for lang, names in entry["names"].items():
                table = self._own if lang == lexicon.code else self._any
                for name in (names["short"], names["formal"]):
                    table.setdefault(self.key(name), entry["iso3"])
            self._names[entry["iso3"]] = entry["names"][lexicon.code]["short"]
        for entry in former_states()["former"]:
            self._names[entry["code"]] = entry["names"][lexicon.code][0]
        for other in ("en", "fr", "es", "ru", "zh", "ar"):
            table = self._own if other == lexicon.code else self._any
            for name, iso3 in _historical_names(other):
                table.setdefault(self.key(name), iso3)
        for alias, iso3 in lexicon.country_aliases.items():
            self._own[self.key(alias)] = iso3
        variants = {name for name, code in self._own.items()}
        self._pattern = self._scanner(variants)

    def key(self, text):
        text = fold(text)
        text = re.sub(r"[\s\u00a0]+", " ", text).strip(" .,;:、，。")
        for article in self.lexicon.articles:
            if text.startswith(article):
                text = text[len(article):]
                break
        if not self.lexicon.spaced:
            text = text.replace(" ", "")
        return text

    def resolve(self, text):
        """The ISO3 code for a country name as printed, or None."""
        if not text:
            return None
        key = self.key(text)
        return self._own.get(key) or self._any.get(key)

    def resolve_prefix(self, text, threshold=0.82):
        """The State whose name begins `text`, letters misread and all, where what follows it is noise:
        'RUSsiat PEderatiOnswicicvssesss' is the Russian Federation, its dot leaders read by OCR as
        letters. Of the names that match well enough, the longest ('Dominican Republic', not
        'Dominica'). Only for the cover's members list, like resolve_damaged."""
        key = self.key(text)
        best, best_length = None, 0
        for name, iso3 in self._own.items():
            if len(name) < 4 or len(name) <= best_length:
                continue
            if difflib.SequenceMatcher(None, key[:len(name)], name).ratio() >= threshold:
                best, best_length = iso3, len(name)
        return best

    def resolve_damaged(self, text, threshold=0.72):
        """Best match for a name garbled by extraction (letters moved, ligatures reversed), or None.

        Only for places that certainly hold a State's name (the cover's members list):
        elsewhere an organisation's name could look like a damaged country.
        """
        exact = self.resolve(text)
        if exact or not text:
            return exact
        grams = _bigrams(self.key(text))
        best, best_score = None, 0.0
        for name, iso3 in self._own.items():
            other = _bigrams(name)
            if not grams or not other:
                continue
            score = 2 * len(grams & other) / (len(grams) + len(other))
            if score > best_score:
                best, best_score = iso3, score
        return best if best_score >= threshold else None

    def name(self, iso3):
        return self._names.get(iso3, iso3)

    def scan(self, text):
        """Every country name in a list ('China, Russian Federation, Viet Nam'), in order, as ISO3 codes."""
        found = []
        for match in self._pattern.finditer(fold(text)):
            iso3 = self._own.get(self.key(match.group(0)))
            if iso3:
                found.append((iso3, match.start(), match.end()))
        return found

    def _scanner(self, variants):
        parts = []
        for name in sorted(variants, key=len, reverse=True):
            if not name:
                continue
            escaped = re.escape(name).replace(r"\ ", r"\s+")
            parts.append(escaped)
        body = "|".join(parts)
        if not self.lexicon.spaced:  # no word boundaries to anchor on
            stop = f"(?!{re.escape(self.lexicon.language_suffix)})" if self.lexicon.language_suffix else ""
            return re.compile(f"(?:{body}){stop}")
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _bigrams(text):
    text = text.replace(" ", "")
    return {text[i:i + 2] for i in range(len(text) - 1)}


@lru_cache(maxsize=None)
def index_for(code):
    return CountryIndex(get(code))
