"""Citations of a speech or a meeting, built once and written in each style: a plain reference,
BibTeX, RIS, CSL-JSON, and the Highwire and Open Graph meta tags that reference managers and
link previews read off the page."""
from dataclasses import dataclass

from django.utils.text import slugify

from records import languages

AUTHOR = "United Nations Security Council"
PUBLISHER = "United Nations"


@dataclass
class Citation:
    title: str
    symbol: str
    date: object  # datetime.date
    url: str
    language: str
    pdf_url: str = ""
    speaker: str = ""  # as the record prints the label: 'Mr. Nebenzia (Russian Federation)'
    state: str = ""
    page: int | None = None
    speech: int | None = None

    @property
    def key(self):
        """A BibTeX key: 'unsc-S_PV.8700-2020-s2'."""
        key = f"unsc-{self.symbol.replace('/', '_').replace(' ', '')}-{self.date.year}"
        return slugify(key + (f"-s{self.speech}" if self.speech else ""))


def for_meeting(meeting, record, absolute):
    """The citation of a meeting's record in one language; `absolute` makes a path a full URL."""
    title = f"Security Council, {_ordinal(meeting.number)} meeting"
    if meeting.resumption:
        title += f" (resumption {meeting.resumption})"
    return Citation(title=title, symbol=meeting.symbol, date=meeting.date,
                    url=absolute(meeting.get_absolute_url()), language=record.language if record else "en",
                    pdf_url=absolute(record.get_download_url()) if record and record.file else "")


def for_speech(speech, absolute):
    meeting, record = speech.record.meeting, speech.record
    state = speech.country.name_en if speech.country else (speech.organization or "")
    base = for_meeting(meeting, record, absolute)
    return Citation(title=f"Statement by {speech.label} at the {_ordinal(meeting.number)} meeting of the Security "
                          f"Council", symbol=meeting.symbol, date=meeting.date, url=absolute(speech.get_absolute_url()),
                    language=record.language, pdf_url=base.pdf_url, speaker=speech.label, state=state,
                    page=speech.page, speech=speech.seq)


def plain(c):
    """'United Nations Security Council, S/PV.8700, 10 January 2020, p. 3, speech 2: Mr. Nebenzia (Russian
    Federation), Russian Federation. https://…/meetings/8700/speeches/2/'."""
    parts = [AUTHOR, c.symbol, f"{c.date.day} {c.date:%B %Y}"]
    if c.page:
        parts.append(f"p. {c.page}")
    if c.speech:
        who = c.speaker + (f", {c.state}" if c.state and c.state not in c.speaker else "")
        parts.append(f"speech {c.speech}: {who}")
    return ", ".join(parts) + f". {c.url}"


def bibtex(c):
    fields = {"author": "{" + AUTHOR + "}", "title": "{" + _bib(c.title) + "}", "institution": PUBLISHER,
              "number": c.symbol, "year": str(c.date.year), "month": c.date.strftime("%b").lower(),
              "day": str(c.date.day), "url": c.url, "language": languages.name(c.language)}
    if c.page:
        fields["pages"] = str(c.page)
    if c.speaker:
        fields["note"] = "{" + _bib(f"Speech {c.speech}, {c.speaker}" + (f", {c.state}" if c.state else "")) + "}"
    body = ",\n".join(f"  {name} = {value if value.startswith('{') else '{' + _bib(value) + '}'}"
                      for name, value in fields.items())
    return f"@techreport{{{c.key},\n{body}\n}}\n"


def ris(c):
    lines = [("TY", "GOVDOC"), ("AU", AUTHOR), ("TI", c.title), ("PB", PUBLISHER), ("M1", c.symbol),
             ("DA", c.date.strftime("%Y/%m/%d")), ("PY", str(c.date.year)), ("UR", c.url),
             ("LA", languages.name(c.language))]
    if c.page:
        lines.append(("SP", str(c.page)))
    if c.pdf_url:
        lines.append(("L1", c.pdf_url))
    if c.speaker:
        lines.append(("N1", f"Speech {c.speech}: {c.speaker}" + (f" ({c.state})" if c.state else "")))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines) + "ER  - \r\n"


def csl_json(c):
    item = {"id": c.key, "type": "report", "title": c.title, "author": [{"literal": AUTHOR}],
            "publisher": PUBLISHER, "number": c.symbol, "URL": c.url, "language": c.language,
            "issued": {"date-parts": [[c.date.year, c.date.month, c.date.day]]}}
    if c.page:
        item["page"] = str(c.page)
    if c.speaker:
        item["note"] = f"Speech {c.speech}: {c.speaker}" + (f" ({c.state})" if c.state else "")
    return item


def meta_tags(c, description=""):
    """[(attribute, name, content)] for the page's head: Highwire citation_* and Open Graph."""
    tags = [("name", "citation_title", c.title), ("name", "citation_author", AUTHOR),
            ("name", "citation_publication_date", c.date.strftime("%Y/%m/%d")),
            ("name", "citation_date", c.date.strftime("%Y/%m/%d")), ("name", "citation_publisher", PUBLISHER),
            ("name", "citation_technical_report_institution", AUTHOR),
            ("name", "citation_technical_report_number", c.symbol), ("name", "citation_language", c.language),
            ("name", "citation_public_url", c.url)]
    if c.pdf_url:
        tags.append(("name", "citation_pdf_url", c.pdf_url))
    if c.page:
        tags.append(("name", "citation_firstpage", str(c.page)))
    tags += [("property", "og:title", c.title), ("property", "og:type", "article"), ("property", "og:url", c.url),
             ("property", "og:site_name", "UN Security Council archive"),
             ("property", "og:description", description or plain(c))]
    return tags


STYLES = {"bibtex": ("application/x-bibtex", "bib", bibtex), "ris": ("application/x-research-info-systems", "ris", ris)}


def _bib(text):
    return text.replace("{", "(").replace("}", ")").replace("&", r"\&").replace("%", r"\%").replace("#", r"\#")


def _ordinal(number):
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
