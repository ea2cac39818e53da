"""Numbers written in words or Chinese numerals, as they appear on record covers."""
import re

from records.parsing.lexicon import fold

CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                  "八": 8, "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def chinese_number(text):
    """'九五八九' (digit by digit) or '九千五百八十九' (positional) or '9589' -> 9589; None if not a number."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(ch not in CHINESE_DIGITS and ch not in CHINESE_UNITS for ch in text):
        return None
    if not any(ch in CHINESE_UNITS for ch in text):
        return int("".join(str(CHINESE_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * CHINESE_UNITS[ch]
            digit = None
    return total + (digit or 0)


def number_from_words(words, lexicon):
    """'Seventy-fifth' -> 75, 'Quatre-vingt-unième' -> 81, 'السنة الحادية والثمانون' words -> 81."""
    if lexicon.numerals == "chinese":
        return chinese_number(words)
    text = fold(words)
    # Multi-word entries first ('quatre-vingt'), so that splitting on hyphens keeps them whole.
    for compound in sorted((w for w in lexicon.number_words if "-" in w or " " in w), key=len, reverse=True):
        text = text.replace(fold(compound), fold(compound).replace("-", "_").replace(" ", "_"))
    total, current, seen = 0, 0, False
    for token in re.split(r"[\s\-]+", text):
        if not token:
            continue
        key = token.replace("_", "-")
        value = lexicon.number_values.get(key)
        for prefix in lexicon.conjunction_prefixes:
            if value is None and key.startswith(prefix):
                value = lexicon.number_values.get(key[len(prefix):])  # Arabic 'والثمانون': 'and eighty'
        if value is None and key in lexicon.hundred_words:
            current = (current or 1) * 100
            seen = True
            continue
        if value is None:
            return None
        current += value
        seen = seen or value > 0
    total += current
    return total if seen else None
