"""Dates and clock times as the records print them, in each language."""
import datetime
import re

from records.parsing.lexicon import fold


def parse_time(text, lexicon):
    """'3.05 p.m.' / '15 h 10' / '下午3时05分' / '15/10' -> '15:05'; None when there is no time."""
    for match in lexicon.rx(lexicon.time).finditer(text or ""):
        groups = match.groupdict()
        meridiem = lexicon.meridiem.get(fold(groups.get("mer") or "").replace(" ", ""), None) \
            if groups.get("mer") else None
        if groups.get("mer") and meridiem is None:
            meridiem = lexicon.meridiem.get(fold(groups["mer"]))
        if groups.get("h") is None:
            if meridiem == "noon":
                return "12:00"
            continue
        hour, minute = int(groups["h"]), int(groups.get("m") or 0)
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    return None


def parse_date(text, lexicon):
    """The first date in the text as a datetime.date, or None."""
    for match in lexicon.rx(lexicon.date).finditer(text or ""):
        month = month_number(match.group("month"), lexicon)
        if month:
            try:
                return datetime.date(int(match.group("year")), month, int(match.group("day")))
            except ValueError:
                continue
    return _scattered_date(text or "", lexicon)


def month_number(word, lexicon):
    if word.isdigit():
        return int(word)
    key = fold(word)
    if key in lexicon.month_numbers:
        return lexicon.month_numbers[key]
    for part in re.split(r"[/\s]+", key):  # Arabic pairs such as 'آذار/مارس'
        if part in lexicon.month_numbers:
            return lexicon.month_numbers[part]
    return None


def _scattered_date(text, lexicon):
    """A date whose parts an extractor reordered ('15/00 ، الساعة2026 آذار/مارس 23'): month word, year, day."""
    if not lexicon.months:
        return None
    folded = fold(text)
    month = None
    for name, number in sorted(lexicon.month_numbers.items(), key=lambda item: -len(item[0])):
        if name in folded:
            month = number
            folded = folded.replace(name, " ")
            break
    years = re.findall(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)", folded)
    if month is None or not years:
        return None
    rest = re.sub(r"\d{1,2}\s*[/:.]\s*\d{2}", " ", folded.replace(years[0], " ", 1))  # drop clock times
    days = [int(d) for d in re.findall(r"(?<!\d)(\d{1,2})(?!\d)", rest) if 1 <= int(d) <= 31]
    if not days:
        return None
    try:
        return datetime.date(int(years[0]), month, days[0])
    except ValueError:
        return None
