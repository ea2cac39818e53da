"""Per-language knowledge of the UN verbatim record format, as data.

Each language has one module (en.py, fr.py, ...) defining LEXICON: the phrases,
patterns and word lists of that language's records. The parser's code is the
same for every language; what differs lives here. Patterns are regular
expression sources; named groups are part of the interface documented on each
field below.
"""
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from records import languages


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one instance per language
class Lexicon:
    code: str  # a key of records.languages.OFFICIAL, which holds the language's script and search facts
    # Phrases whose presence on the first page says "this language" (scored, the best wins).
    markers: tuple
    # The Council's name as printed on the cover; its absence means "not a Council record".
    council: tuple
    # Names of other organs whose records we must refuse (General Assembly, ...).
    other_organs: tuple
    # Meeting number on the cover, one or more patterns; group 'n' holds digits or (Chinese) numerals.
    meeting_number: tuple
    # Council year line; group 'words' holds the ordinal in words.
    council_year: str
    # Number words used in the council year ordinal, word -> value; "hundred" words multiply.
    number_words: dict
    hundred_words: tuple
    months: dict
    # A date: groups 'day', 'month', 'year' (month as a word from `months` or digits).
    date: str
    # A clock time: groups 'h', optional 'm' and 'mer' (meridiem word looked up in `meridiem`).
    time: str
    meridiem: dict
    provisional: tuple
    final: tuple
    president_heading: str
    members_heading: str
    agenda_heading: str
    # First words of the corrections note that ends the cover page.
    cover_end: tuple
    # Lines of page furniture beyond symbols and job numbers ("Please recycle").
    furniture: tuple
    # Resumption note in the symbol: 'S/PV.8699 (Resumption 1)'.
    resumption: str
    # Procedural sentences; each has a 'time' group.
    opened: tuple
    resumed: tuple
    closed: tuple
    suspended: tuple
    # Headings the body repeats that are not speech ("Adoption of the agenda").
    procedural_headings: tuple
    # Speaker labels.
    honorifics: tuple
    honorific_position: str  # "prefix" or "suffix"
    name_particles: tuple
    president_labels: tuple
    # Role labels of people named by office, label -> organization ("The Secretary-General").
    office_labels: dict
    # '(spoke in Russian)'; group 'lang' is a key of `languages`.
    spoke_in: str
    languages: dict
    label_colon: str
    # A statement in national capacity, in a President's turn.
    national_capacity: tuple
    # Votes.
    vote_taken: tuple
    in_favour: str
    against: str
    abstaining: str
    nobody: tuple
    list_separators: str
    adopted: tuple
    not_adopted: tuple
    # The President's words naming what is put to the vote, subject -> phrases.
    vote_subjects: dict
    # Citations: words for 'resolution' near 'NNNN (YYYY)'.
    resolution_words: tuple
    # Leading articles dropped when matching country names ('the Niger', "l'Ukraine").
    articles: tuple = ()
    # What after a country's name makes it a language's name ('西班牙语' is Spanish, not Spain).
    language_suffix: str = ""
    # Short forms of country names speakers and records use, name -> ISO3.
    country_aliases: dict = field(default_factory=dict)
    # Prefixes glued to number words ('و' in Arabic 'والثمانون').
    conjunction_prefixes: tuple = ()
    # Regular expression substitutions (pattern, replacement) repairing known extraction damage.
    repairs: tuple = ()
    # Page heads of older layouts, as whole lines ('Security Council 3500th meeting', 'Fiftieth year
    # 10 February 1995'): patterns, removed like the furniture.
    running_heads: tuple = ()
    # Marks removed before reading, which the record's wording may or may not carry (Arabic vowels).
    ignorable: str = ""
    # How the cover writes numbers: "words" ('Seventy-ninth year') or "chinese" numerals ('第七十九年').
    numerals: str = "words"
    # Justified text in this language hyphenates words across lines ("in-\ntérieur").
    splits_words: bool = False
    terminal_punctuation: str = ".!?:;…”»\"’"

    @property
    def language(self):
        return languages.get(self.code)

    @property
    def letters(self):
        """The letters of the language's script, as a regular expression character class."""
        return self.language.script.letters

    @property
    def spaced(self):
        """Words are separated by spaces: line breaks fall between words, not inside them."""
        return self.language.script.spaced

    @property
    def cut_line_length(self):
        return self.language.script.cut_line_length

    def rx(self, source, flags=re.IGNORECASE):
        return _compile(source, flags)

    @cached_property
    def honorifics_longest_first(self):
        return sorted(self.honorifics, key=len, reverse=True)

    @cached_property
    def number_values(self):
        return {fold(k): v for k, v in self.number_words.items()}

    @cached_property
    def month_numbers(self):
        return {fold(k): v for k, v in self.months.items()}

    @cached_property
    def language_codes(self):
        return {fold(k): v for k, v in self.languages.items()}


_CACHE = {}


def _compile(source, flags):
    key = (source, flags)
    if key not in _CACHE:
        _CACHE[key] = re.compile(source, flags)
    return _CACHE[key]


def fold(text):
    """Matching key for words: NFKC, case-folded, typographic apostrophes made plain."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.replace("’", "'").replace("ё", "е").strip()


def get(code):
    return LEXICONS[code]


from records.parsing.lexicon import ar, en, es, fr, ru, zh  # noqa: E402

LEXICONS = {lex.LEXICON.code: lex.LEXICON for lex in (en, fr, es, ru, zh, ar)}
