"""The cover page: meeting number, year, date and time, place, status, president, members, agenda."""
import re
from dataclasses import dataclass, field

from records.parsing.clock import parse_date, parse_time
from records.parsing.countries import index_for
from records.parsing.errors import ParseError
from records.parsing.labels import parse_label
from records.parsing.lexicon import LEXICONS, fold
from records.parsing.model import Member
from records.parsing.numbers import chinese_number, number_from_words

SYMBOL = re.compile(r"S/PV\.(?P<n>\d{1,5})")
# The symbol of another body's meeting record: A/74/PV.50, E/2020/SR.5, A/C.1/78/PV.3.
OTHER_RECORD_SYMBOL = re.compile(r"(?<![\w/])(?!S/PV)[A-Z]{1,3}(?:/[A-Z0-9.\-]+)*/(?:PV|SR)\.\d+")
HEADING_SLACK = 40  # a heading line holds the body's name and little else (the symbol, 'United Nations')
LEADERS = re.compile(r"(?:\s*(?:\.\s*){2,}|\s*…+\s*|\t+|\s{3,})")
DOC_IN_BRACKETS = re.compile(r"[(（]\s*(?:S|A)/[^()（）]+[)）]\s*$")
FIRST_COUNCIL_YEAR = 1945  # the Council's first year of work was 1946


@dataclass
class Cover:
    meeting: int
    resumption: int | None
    council_year: int | None
    date: object
    scheduled: str | None
    place: str | None
    status: str
    president: Member
    members: list
    agenda: list
    warnings: list = field(default_factory=list)


def split_cover(blocks, lexicon):
    """Index of the first block of the body: the opening line, else the first speaker label."""
    openers = [lexicon.rx(p) for p in lexicon.opened + lexicon.resumed]
    for i, block in enumerate(blocks):
        if any(rx.match(block.text) for rx in openers):
            return i
    # Without an opening line, the first label after the cover's headings ('主席:' heads the cover's
    # President line and would read as the President's label).
    headings = [lexicon.rx(p) for p in (lexicon.agenda_heading, lexicon.members_heading, lexicon.president_heading)]
    after = max((i for i, block in enumerate(blocks) if any(rx.match(line) for rx in headings
                                                           for line in block.lines)), default=-1)
    for i in range(after + 1, len(blocks)):
        if parse_label(blocks[i].text, lexicon):
            return i
    return len(blocks)


def parse_cover(blocks, lexicon):
    lines = [line for block in blocks for line in block.lines]
    text = "\n".join(lines)
    date_index, date = _date(lines, lexicon)
    _check_body(lines[:date_index] if date is not None else lines, lexicon)
    warnings = []
    meeting, resumption = _meeting_number(text, lexicon)
    if date is None:
        raise ParseError("no meeting date on the first page: a verbatim record's cover gives the meeting's day, "
                         "as in 'Friday, 10 January 2020, 3 p.m.'; is this the record's first page?")
    scheduled = parse_time(_after_date(lines[date_index], lexicon), lexicon)
    year = _council_year(lines, lexicon, date)
    president, president_warning = _president(lines, lexicon)
    if president_warning:
        warnings.append(president_warning)
    members, member_warnings = _members(lines, lexicon)
    warnings += member_warnings
    return Cover(
        meeting=meeting, resumption=resumption, council_year=year, date=date, scheduled=scheduled,
        place=_place(lines, date_index, lexicon), status=_status(lines, lexicon), president=president,
        members=[m for m in members if m.country != president.country], agenda=_agenda(blocks, lexicon),
        warnings=warnings,
    )


def _check_body(head, lexicon):
    """The cover's heading, above the date, names the Security Council and no other body's record.

    Only the heading counts: the corrections notice below it also names the Council ("...Official
    Records of the Security Council"), and another body's record must not pass for one.
    """
    for line in head:
        other = OTHER_RECORD_SYMBOL.search(line)
        if other:
            raise ParseError(f"not a Security Council record: its symbol is {other.group()}, "
                             "where a Council meeting's is S/PV. and a number")
    for line in head:
        folded = fold(line)
        for name in lexicon.council + lexicon.other_organs:
            if fold(name) in folded and len(folded) <= len(name) + HEADING_SLACK:
                if name in lexicon.other_organs:
                    raise ParseError(f"not a Security Council record: the first page is headed '{name}'")
                return
    raise ParseError(f"not a Security Council verbatim record: the first page has no '{lexicon.council[0]}' "
                     "heading above the meeting's date")


def _meeting_number(text, lexicon):
    number = None
    for pattern in lexicon.meeting_number:
        match = lexicon.rx(pattern).search(text)
        if match:
            number = chinese_number(match.group("n"))
            break
    symbol = SYMBOL.search(text)
    if symbol and number != int(symbol.group("n")):
        # The record's own symbol heads the cover; where a damaged meeting line disagrees, it wins.
        number = int(symbol.group("n"))
    if not number:
        raise ParseError("no meeting number on the first page: a verbatim record's cover names its meeting, as "
                         "in '8700th meeting' or its symbol 'S/PV.8700'; is this the record's first page?")
    resumption = None
    for pattern in {lexicon.resumption, LEXICONS["en"].resumption}:
        match = re.search(r"S/PV\.\d+\s*" + pattern, text, re.IGNORECASE)
        if match:
            resumption = int(match.group("n"))
            break
    return number, resumption


def _date(lines, lexicon):
    for i, line in enumerate(lines):
        if SYMBOL.search(line) and re.search(r"\d{2}/\d{2}/\d{4}", line):
            continue  # a running header's dd/mm/yyyy is not the meeting's date line
        date = parse_date(line, lexicon)
        if date:
            return i, date
    return None, None


def _after_date(line, lexicon):
    match = lexicon.rx(lexicon.date).search(line)
    return line[match.end():] if match else line


def _council_year(lines, lexicon, date):
    rx = lexicon.rx(lexicon.council_year)
    for line in lines[:15]:
        match = rx.match(line.strip())
        if match:
            number = number_from_words(match.group("words"), lexicon)
            # A year line we cannot read still says which year: the Council counts from 1946.
            return number if number else date.year - FIRST_COUNCIL_YEAR
    return None


def _place(lines, date_index, lexicon):
    for line in lines[date_index + 1: date_index + 3]:
        candidate = line.strip()
        if (candidate and len(candidate) <= 40 and not re.search(r"\d", candidate)
                and fold(candidate) not in {fold(p) for p in lexicon.provisional + lexicon.final}):
            return candidate
    return None


def _status(lines, lexicon):
    """'Provisional' on a cover line of its own, or ending a short heading line: the 1990s covers set
    it in italics at the top right, level with 'Security Council', and extraction joins the two."""
    markers = [fold(m) for m in lexicon.provisional]
    for line in lines[:30]:
        folded = fold(line).strip()
        if any(folded.startswith(m) or (len(folded) <= 60 and re.search(rf"\s{re.escape(m)}$", folded))
               for m in markers):
            return "provisional"
    return "final"


def _section(lines, heading_rx, end_rxs):
    """Lines from a heading (its remainder included) to the first line matching an end pattern."""
    out = []
    inside = False
    for line in lines:
        if not inside:
            match = heading_rx.match(line)
            if match:
                inside = True
                rest = line[match.end():].strip()
                if rest:
                    out.append(rest)
            continue
        if any(rx.match(line) for rx in end_rxs):
            break
        out.append(line)
    return out


def _president(lines, lexicon):
    index = index_for(lexicon.code)
    end = [lexicon.rx(lexicon.members_heading), lexicon.rx(lexicon.agenda_heading)]
    section = _section(lines, lexicon.rx(lexicon.president_heading), end) or _bracketed_state_line(lines, index)
    if not section:
        raise ParseError("no President on the first page: a verbatim record's cover names the President above the "
                         "members, as in 'President: Mr. Dang Dinh Quy (Viet Nam)'")
    text = LEADERS.sub(" ", " ".join(section)).strip()
    # '(Viet Nam)'; extractors that lose right-to-left order print ')...(' instead.
    match = re.search(r"[(（](?P<c>[^()（）]+)[)）]\s*$", text) or re.search(r"\)(?P<c>[^()]+)\(\s*$", text)
    if not match:
        raise ParseError("no country for the President on the first page")
    country = index.resolve_damaged(match.group("c"))
    name = text[: match.start()].strip(" .:")
    if country is None:
        raise ParseError(f"the President's country '{match.group('c').strip()}' is not a known State")
    return Member(country=country, name=name), None


def _bracketed_state_line(lines, index):
    """Where the headings stand apart from their lines (an OCR'd cover reads the left column of
    headings first), the President's line is the first that ends with a State in brackets."""
    for line in lines:
        match = re.search(r"[(（](?P<c>[^()（）]+)[)）]\s*$", line)
        if match and index.resolve(match.group("c")):
            return [line]
    return []


def _members(lines, lexicon):
    members, warnings = _members_section(lines, lexicon)
    if len(members) < SCATTERED:
        scattered = _scattered_members(lines, lexicon)
        if len(scattered) > len(members):
            return scattered, [*warnings, "members list: read line by line, its heading standing apart"]
    return members, warnings


SCATTERED = 8  # fewer members than this under the heading: look for their lines anywhere on the cover


def _scattered_members(lines, lexicon):
    """Lines anywhere on the cover that part a State (however misread) from an honorific and a name."""
    index = index_for(lexicon.code)
    found, seen = [], set()
    for raw in lines:
        country_text, name = _split_member_line(raw, lexicon)
        if not (country_text and name):
            continue
        iso3 = index.resolve_damaged(country_text) or index.resolve_prefix(country_text)
        if iso3 and iso3 not in seen:
            seen.add(iso3)
            found.append(Member(country=iso3, name=name))
    return found


def _members_section(lines, lexicon):
    index = index_for(lexicon.code)
    end = [lexicon.rx(lexicon.agenda_heading)] + [lexicon.rx("^" + re.escape(p)) for p in lexicon.cover_end]
    section = _section(lines, lexicon.rx(lexicon.members_heading), end)
    members, warnings = [], []
    countries_only, names_only = [], []
    pending = ""
    for raw in section:
        country_text, name = _split_member_line(raw, lexicon)
        country_text = (pending + " " + country_text).strip() if pending else country_text
        if country_text and not name:
            if index.resolve(country_text):
                countries_only.append(country_text)
                pending = ""
            else:
                pending = country_text  # a long name wrapped onto the next line
            continue
        pending = ""
        if name and not country_text:
            names_only.append(name)
            continue
        iso3 = index.resolve_damaged(country_text)
        if iso3:
            members.append(Member(country=iso3, name=name))
        else:
            warnings.append(f"members list: '{country_text}' is not a known State")
    # The two-lists layout: all the States, then all the representatives, in the same order.
    for country_text, name in zip(countries_only, names_only):
        members.append(Member(country=index.resolve(country_text), name=name))
    if len(countries_only) != len(names_only):
        warnings.append("members list: States and representatives do not pair up")
    seen, unique = set(), []
    for member in members:
        if member.country not in seen:
            seen.add(member.country)
            unique.append(member)
    return unique, warnings


def _split_member_line(line, lexicon):
    """'Belgium. . . . Mr. Pecsteen de Buytswerve' -> ('Belgium', 'Mr. Pecsteen de Buytswerve')."""
    line = LEADERS.sub("\t", line).strip(" \t.")
    if "\t" in line:
        # Leaders (dots, a tab, a run of spaces) part the State from its representative, whatever
        # the name begins with: 'Ghana . . . Nana Effah-Apenteng' has no honorific.
        country, _, name = line.partition("\t")
        if index_for(lexicon.code).resolve_damaged(country.strip(" .")):
            return country.strip(" ."), name.strip(" \t")
    honorifics = lexicon.honorifics_longest_first
    if lexicon.honorific_position == "prefix":
        # An honorific begins the name, also where a damaged extraction glued it to the State's name.
        alternatives = "|".join(re.escape(h) for h in honorifics)
        match = lexicon.rx(rf"(?:^|(?<=[\s\t])|(?<=[^\W\d_]))(?:{alternatives})\s", 0).search(line)
        if match:
            return line[: match.start()].strip(" \t."), line[match.start():].strip()
        return line.strip(), ""
    parts = [p for p in re.split(r"[\t ]+", line) if p]
    if parts and any(parts[-1].endswith(h) for h in honorifics):
        country = " ".join(parts[:-1])
        name = parts[-1]
        if not country:
            country, name = _split_glued(name, lexicon)
        return country, name
    return line.strip(), ""


def _split_glued(text, lexicon):
    """'中国耿爽先生' -> ('中国', '耿爽先生'): the longest beginning that names a State."""
    index = index_for(lexicon.code)
    for cut in range(len(text) - 1, 0, -1):
        if index.resolve(text[:cut]):
            return text[:cut], text[cut:]
    return "", text


def _agenda(blocks, lexicon):
    heading = lexicon.rx(lexicon.agenda_heading)
    ends = [fold(p) for p in lexicon.cover_end]
    items, inside = [], False
    for block in blocks:
        if not inside:
            inside = any(heading.match(line) for line in block.lines)
            rest = _after_heading(block, heading)
            if inside and rest:
                items.append(rest)
            continue
        if any(fold(block.text).startswith(e) for e in ends):
            break
        text = block.text
        # Documents ('Report of the Secretary-General ... (S/2019/988)') belong to the item above them;
        # a bare title after an item that has its document begins another item.
        if items and not (DOC_IN_BRACKETS.search(items[-1]) and not DOC_IN_BRACKETS.search(text)):
            items[-1] += "\n" + text
        else:
            items.append(text)
    return items


def _after_heading(block, heading):
    for i, line in enumerate(block.lines):
        if heading.match(line):
            return " ".join(block.lines[i + 1:]).strip()
    return ""
