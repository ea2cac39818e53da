"""Citations: a plain reference, BibTeX, RIS and CSL-JSON of speeches and meetings, and the meta tags
that reference managers read off the page."""
import re
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy

from tests.site.conftest import needs_pdfs

pytestmark = pytest.mark.django_db
SPEECH = "/meetings/8700/speeches/3/"


class MetaTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            self.tags.setdefault(attrs.get("name") or attrs.get("property"), []).append(attrs["content"])


def meta(page):
    parser = MetaTags()
    parser.feed(page)
    return parser.tags


def test_a_speech_page_carries_the_citation_tags_reference_managers_read(client):
    needs_pdfs()
    page = client.get(SPEECH).content.decode()
    tags = meta(page)
    speech_label = re.search(r'<p class="label">([^<]+)</p>', page).group(1)
    assert tags["citation_title"] == [f"Statement by {speech_label} at the 8700th meeting of the Security Council"]
    assert tags["citation_author"] == ["United Nations Security Council"]
    assert tags["citation_publication_date"] == ["2020/01/10"]
    assert tags["citation_publisher"] == ["United Nations"]
    assert tags["citation_technical_report_number"] == ["S/PV.8700"]
    assert tags["citation_language"] == ["en"]
    assert tags["citation_pdf_url"] == ["http://testserver/meetings/8700/file/en/"]
    assert tags["og:url"] == ["http://testserver/meetings/8700/speeches/3/"]


def test_the_plain_reference_names_the_council_the_state_and_the_permalink(client):
    needs_pdfs()
    page = client.get(SPEECH).content.decode()
    reference = re.search(r'<textarea id="cite-plain"[^>]*>([^<]+)</textarea>', page).group(1)
    assert reference == ("United Nations Security Council, S/PV.8700, 10 January 2020, p. 2, speech 3: "
                         "Mr. Pecsteen de Buytswerve (Belgium). http://testserver/meetings/8700/speeches/3/")


def test_bibtex_ris_and_csl_json_parse_back(client):
    needs_pdfs()
    bib = client.get(SPEECH, {"format": "bibtex"})
    assert bib["Content-Type"].startswith("application/x-bibtex") and "attachment" in bib["Content-Disposition"]
    library = bibtexparser.parse_string(bib.content.decode())
    assert not library.failed_blocks
    entry = library.entries[0]
    assert entry.entry_type == "techreport" and entry["number"] == "S/PV.8700" and entry["year"] == "2020"
    assert entry["url"] == "http://testserver/meetings/8700/speeches/3/"
    entries = rispy.loads(client.get(SPEECH, {"format": "ris"}).content.decode())
    assert len(entries) == 1 and entries[0]["type_of_reference"] == "GOVDOC"
    assert entries[0]["authors"] == ["United Nations Security Council"] and entries[0]["year"] == "2020"
    assert entries[0]["urls"] == ["http://testserver/meetings/8700/speeches/3/"] and entries[0]["note"] == "S/PV.8700"
    csl = client.get(SPEECH, {"format": "csl-json"}).json()[0]
    assert csl["issued"] == {"date-parts": [[2020, 1, 10]]} and csl["number"] == "S/PV.8700"


def test_a_meeting_is_citable_too(client):
    page = client.get("/meetings/9589/").content.decode()
    tags = meta(page)
    assert tags["citation_title"] == ["Security Council, 9589th meeting"]
    assert tags["citation_language"] == ["zh"]
    library = bibtexparser.parse_string(client.get("/meetings/9589/", {"format": "bibtex"}).content.decode())
    assert library.entries[0]["number"] == "S/PV.9589"


def test_a_citation_download_stays_a_download_when_served_again(client):
    first = client.get("/meetings/9589/", {"format": "bibtex"})
    again = client.get("/meetings/9589/", {"format": "bibtex"})
    assert first["Content-Disposition"] == again["Content-Disposition"] != ""
    assert first.content == again.content
