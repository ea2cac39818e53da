"""Citations in running text: Security Council resolutions and UN document symbols."""
import re

# 'resolution 1540 (2004)', '第1540（2004）号决议', 'резолюции 1540 (2004)': number, then year in brackets.
RESOLUTION = re.compile(r"(?<![\d/.,])(?P<n>\d{1,4})\s*[(（]\s*(?P<y>19[4-9]\d|20\d\d)\s*[)）]")
# S/2023/1067, S/PV.9588, A/78/1, S/RES/2504 (2020), S/PRST/2020/1, A/HRC/52/1.
DOCUMENT = re.compile(
    r"(?<![A-Za-z0-9/])(?:S|A|E|ST|SG)(?:/[A-Z][A-Za-z]*(?:\.\d+)?)*/(?:[A-Z]+\.)?\d[\w.\-]*(?:/[\w.\-]+)*",
    re.ASCII,
)
# The first resolution of each year (approximate where marked by rounding): a cited 'NNNN (YYYY)'
# is a Security Council resolution only if its number fits its year. This keeps out other bracketed
# years ('paragraph 6 (2020)') and the occasional typo.
FIRST_OF_YEAR = {
    1946: 1, 1950: 79, 1955: 107, 1960: 133, 1965: 200, 1970: 280, 1975: 365, 1980: 460, 1985: 558,
    1990: 646, 1991: 683, 1992: 726, 1993: 800, 1994: 896, 1995: 973, 1996: 1037, 1997: 1092, 1998: 1148,
    1999: 1222, 2000: 1284, 2001: 1333, 2002: 1390, 2003: 1456, 2004: 1521, 2005: 1582, 2006: 1653,
    2007: 1732, 2008: 1794, 2009: 1860, 2010: 1903, 2011: 1963, 2012: 2030, 2013: 2087, 2014: 2140,
    2015: 2196, 2016: 2265, 2017: 2336, 2018: 2398, 2019: 2449, 2020: 2505, 2021: 2560, 2022: 2617,
    2023: 2672, 2024: 2720, 2025: 2767, 2026: 2810,
}
SLACK = 30
NEAR = 120  # characters within which a resolution word must stand


def _first_of(year):
    years = sorted(FIRST_OF_YEAR)
    if year >= years[-1]:
        return FIRST_OF_YEAR[years[-1]] + 60 * (year - years[-1])
    lower = max(y for y in years if y <= year)
    upper = min(y for y in years if y > year)
    a, b = FIRST_OF_YEAR[lower], FIRST_OF_YEAR[upper]
    return a + (b - a) * (year - lower) // (upper - lower)


def plausible_resolution(number, year):
    if year < min(FIRST_OF_YEAR):
        return False  # before the Council's first resolution
    return _first_of(year) - SLACK <= number <= _first_of(year + 1) + SLACK


def resolutions(text, lexicon):
    """Resolutions cited in the text, normalised to 'NNNN (YYYY)', unique, in order of first mention."""
    words = [w.casefold() for w in lexicon.resolution_words]
    folded = text.casefold()
    found = []
    for match in RESOLUTION.finditer(text):
        number, year = int(match.group("n")), int(match.group("y"))
        if not plausible_resolution(number, year):
            continue
        window = folded[max(0, match.start() - NEAR): match.end() + NEAR]
        if not any(w in window for w in words):
            continue
        cited = f"{number} ({year})"
        if cited not in found:
            found.append(cited)
    return found


def documents(text):
    """UN document symbols in the text, unique, in order of first mention."""
    found = []
    for match in DOCUMENT.finditer(text):
        symbol = match.group(0).rstrip(".,;:-")
        if not re.search(r"\d", symbol.split("/", 1)[1]) or symbol in found:
            continue
        found.append(symbol)
    return found


def merge(*lists):
    out = []
    for items in lists:
        for item in items:
            if item not in out:
                out.append(item)
    return out
