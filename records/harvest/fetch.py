"""One document from the UN's document system: symbol and language in, a PDF or an outcome out.

    GET {base}/api/symbol/access?s=S/PV.9589&l=en&t=pdf
        302 -> the PDF at its stable address, or an HTML page where no such document exists
"""
from dataclasses import dataclass
from urllib.parse import urlencode

from records.harvest.client import FetchFailed
from records.models import ItemState

PDF_TYPES = ("application/pdf", "application/octet-stream", "binary/octet-stream")


@dataclass
class Fetched:
    state: str  # an ItemState; PENDING means: here is a PDF to import
    reason: str = ""
    url: str = ""
    data: bytes | None = None
    etag: str = ""
    last_modified: str = ""


def access_url(base_url, symbol, language):
    return f"{base_url}/api/symbol/access?" + urlencode({"s": symbol, "l": language, "t": "pdf"})


def fetch_document(client, base_url, symbol, language, known=None):
    """A Fetched: the PDF's bytes (state PENDING), or why there are none."""
    url = access_url(base_url, symbol, language)
    headers = {}
    if known is not None and known.etag:
        headers["If-None-Match"] = known.etag
    if known is not None and known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    try:
        response = client.get(url, headers)
    except FetchFailed as exc:
        return Fetched(ItemState.FAILED, str(exc), url)
    return _judge(response, known)


def _judge(response, known):
    header = {k.lower(): v for k, v in response.headers.items()}
    content_type = header.get("content-type", "").split(";")[0].strip().lower()
    if response.status == 304:
        return Fetched(ItemState.UNCHANGED, "not modified since the last fetch", known.url if known else response.url)
    if response.status == 404:
        return Fetched(ItemState.MISSING, "the document system has no such document (HTTP 404)", response.url)
    if response.status != 200:
        return Fetched(ItemState.FAILED, f"the document system answered HTTP {response.status}", response.url)
    if not response.body.startswith(b"%PDF-"):
        if "html" in content_type:
            return Fetched(ItemState.MISSING, "the document system answered with an HTML page: no such document",
                           response.url)
        return Fetched(ItemState.FAILED, f"the answer is not a PDF (Content-Type {content_type or 'none'})",
                       response.url)
    if content_type not in PDF_TYPES:
        return Fetched(ItemState.FAILED, f"a PDF sent as {content_type or 'no Content-Type'}: not trusted",
                       response.url)
    length = header.get("content-length")
    if length and length.isdigit() and int(length) != len(response.body):
        return Fetched(ItemState.FAILED, f"the file was cut short ({len(response.body)} of {length} bytes)",
                       response.url)
    return Fetched(ItemState.PENDING, "", response.url, response.body, header.get("etag", ""),
                   header.get("last-modified", ""))
