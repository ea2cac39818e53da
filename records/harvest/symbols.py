"""Meeting symbols as people write them: 'S/PV.9589', 'S/PV.8699 (Resumption 1)', 'S/PV.9500-9600'."""
import re

from records.parsing.model import meeting_symbol

SYMBOL = re.compile(r"^(?:S/PV\.)?(?P<n>\d{1,5})(?:\s*\(\s*Resumption\s+(?P<r>\d{1,2})\s*\))?$", re.IGNORECASE)
RANGE = re.compile(r"^(?:S/PV\.)?(?P<first>\d{1,5})\s*-\s*(?:S/PV\.)?(?P<last>\d{1,5})$", re.IGNORECASE)
MAX_RANGE = 2000  # numbers in one range: a typo must not queue a hundred thousand requests


class SymbolError(ValueError):
    pass


def parse_symbols(texts):
    """[(number, resumption)] in order, each once, from symbols and ranges; SymbolError names a bad one."""
    found = []
    for text in texts:
        text = text.strip()
        if not text:
            continue
        single, span = SYMBOL.match(text), RANGE.match(text)
        if single:
            found.append((int(single["n"]), int(single["r"]) if single["r"] else None))
        elif span:
            first, last = int(span["first"]), int(span["last"])
            if last < first or last - first >= MAX_RANGE:
                raise SymbolError(f"{text}: a range goes up, and covers at most {MAX_RANGE} meetings")
            found.extend((n, None) for n in range(first, last + 1))
        else:
            raise SymbolError(f"{text}: not a meeting symbol (S/PV.9589, 'S/PV.8699 (Resumption 1)' or "
                              "S/PV.9500-9600)")
    return list(dict.fromkeys(found))


def split_request(text):
    """The symbols of a request typed in one field: by lines or commas, keeping '(Resumption 1)' whole."""
    return [part for part in re.split(r"[\n,;]+", text or "") if part.strip()]


def symbol(number, resumption=None):
    return meeting_symbol(number, resumption)
