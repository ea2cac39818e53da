"""The one registry of languages: every layer (parser, models, filters, search, templates, bench,
tests) takes its language facts from here and restates none of them.

Pure Python, no Django: the parser imports it too.

- OFFICIAL: the six languages of the UN, in which records are published: code, names,
  writing direction, PostgreSQL text search configuration and the traits of the script.
- SPOKEN: every language a speech may be delivered in ('(spoke in Serbian)'), by code; the
  lexicons map their own words for languages to these codes.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Script:
    """What the parser and the search index need to know of a writing system."""

    name: str
    letters: str  # a regular expression character class of the script's letters
    # Words are separated by spaces. Where they are not (Chinese), line breaks and justification
    # spaces fall inside words, and text is searched by overlapping character pairs.
    spaced: bool = True
    # A line at least this many characters long that ends without punctuation was cut by a page
    # break rather than ending a heading (Chinese characters are about twice as wide).
    cut_line_length: int = 60


LATIN = Script("Latin", r"[A-Za-zÀ-ÿ]")
CYRILLIC = Script("Cyrillic", r"[\u0400-\u04ff]")
ARABIC = Script("Arabic", r"[\u0600-\u06ff]")
HAN = Script("Han", r"[\u4e00-\u9fff]", spaced=False, cut_line_length=30)


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in English, the site's language
    native: str  # in the language itself
    script: Script
    search_config: str  # PostgreSQL text search configuration (stemming, stop words)
    direction: str = "ltr"
    ocr_model: str = ""  # tesseract's model for scanned records (Debian's tesseract-ocr-<model>)

    @property
    def rtl(self):
        return self.direction == "rtl"

    @property
    def searched_by_pairs(self):
        """No spaces between words: indexed and queried as overlapping character pairs."""
        return not self.script.spaced


OFFICIAL = {language.code: language for language in (
    Language("en", "English", "English", LATIN, "english", ocr_model="eng"),
    Language("fr", "French", "Français", LATIN, "french", ocr_model="fra"),
    Language("es", "Spanish", "Español", LATIN, "spanish", ocr_model="spa"),
    Language("ru", "Russian", "Русский", CYRILLIC, "russian", ocr_model="rus"),
    # PostgreSQL has no Chinese configuration: 'simple' over character pairs instead.
    Language("zh", "Chinese", "中文", HAN, "simple", ocr_model="chi_sim"),
    Language("ar", "Arabic", "العربية", ARABIC, "arabic", direction="rtl", ocr_model="ara"),
)}
CODES = list(OFFICIAL)
CHOICES = [(code, language.name) for code, language in OFFICIAL.items()]
# The site's own language: its version of a record is shown first where there is one.
PREFERRED = "en"

# Languages speeches were delivered in, beyond the six, by ISO 639-1 code.
SPOKEN = {
    **{code: language.name for code, language in OFFICIAL.items()},
    "pt": "Portuguese", "de": "German", "it": "Italian", "ja": "Japanese", "ko": "Korean", "tr": "Turkish",
    "fa": "Persian", "he": "Hebrew", "uk": "Ukrainian", "id": "Indonesian", "sw": "Swahili", "nl": "Dutch",
    "pl": "Polish", "el": "Greek", "sr": "Serbian", "hr": "Croatian", "bs": "Bosnian", "sq": "Albanian",
    "vi": "Vietnamese", "ka": "Georgian", "hy": "Armenian", "az": "Azerbaijani", "ro": "Romanian",
    "hu": "Hungarian", "cs": "Czech", "sk": "Slovak", "sl": "Slovenian", "bg": "Bulgarian", "mk": "Macedonian",
    "hi": "Hindi", "ur": "Urdu", "bn": "Bengali", "th": "Thai", "ms": "Malay", "am": "Amharic", "so": "Somali",
    "sv": "Swedish", "no": "Norwegian", "da": "Danish", "fi": "Finnish", "et": "Estonian", "lv": "Latvian",
    "lt": "Lithuanian", "mt": "Maltese", "be": "Belarusian", "kk": "Kazakh", "uz": "Uzbek", "mn": "Mongolian",
    "ps": "Pashto", "ku": "Kurdish", "ta": "Tamil", "ne": "Nepali", "si": "Sinhala", "tl": "Tagalog",
    "ky": "Kyrgyz", "tg": "Tajik", "tk": "Turkmen", "ha": "Hausa", "rw": "Kinyarwanda", "ca": "Catalan",
    "is": "Icelandic", "ga": "Irish", "lb": "Luxembourgish", "la": "Latin",
}


def get(code):
    """The official language of that code; KeyError for any other."""
    return OFFICIAL[code]


def name(code):
    """The English name of any language a record or a speech is in; the code itself if unknown."""
    return SPOKEN.get(code, code)


def search_config(code):
    language = OFFICIAL.get(code)
    return language.search_config if language else "simple"


def searched_by_pairs(code):
    language = OFFICIAL.get(code)
    return bool(language and language.searched_by_pairs)


def accepted(header):
    """The official languages of an Accept-Language header, most preferred first: 'ru-RU,ru;q=0.9,en;q=0.8'
    gives ['ru', 'en']. Malformed parts are skipped."""
    ranked = []
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        code = tag.split("-")[0].strip().lower()
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if code in OFFICIAL and quality > 0:
            ranked.append((-quality, position, code))
    seen = []
    for _, _, code in sorted(ranked):
        if code not in seen:
            seen.append(code)
    return seen
