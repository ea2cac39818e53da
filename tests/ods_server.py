"""A stand-in for the UN's Official Document System on 127.0.0.1, speaking its protocol:

    GET /api/symbol/access?s=S/PV.8700&l=en&t=pdf -> 302 to /files/S_PV.8700_E.pdf, or an HTML
    "not found" page where there is no such document; files with an ETag, answering 304 to
    If-None-Match. Meetings can be told to misbehave: 500, 429 with Retry-After, answers slower
    than the client's timeout, truncated bodies, another meeting's PDF, PDFs with a wrong type.
"""
import hashlib
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

NOT_FOUND_PAGE = b"<html><body><h1>Document not found</h1><p>No document with this symbol.</p></body></html>"


class DocumentSystem:
    def __init__(self, pdf_folder):
        self.files = {}  # symbol -> Path, English only (the development PDFs)
        for path in Path(pdf_folder).glob("S_PV.*_E.pdf"):
            match = re.match(r"S_PV\.(\d+)(?:\(Resumption(\d+)\))?_E\.pdf", path.name)
            number, resumption = match.groups()
            self.files[f"S/PV.{number}" + (f" (Resumption {resumption})" if resumption else "")] = path
        self.misbehaving = {}  # symbol -> "500" | "429" | "slow" | "truncated" | "wrong" | "octet-html"
        self.log = []  # (method, path, headers)
        self.answered_429 = set()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def requests_for(self, prefix):
        return [entry for entry in self.log if entry[1].startswith(prefix)]

    def _handler(self):
        system = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                system.log.append(("GET", unquote(self.path), dict(self.headers.items())))
                parts = urlsplit(self.path)
                if parts.path == "/api/symbol/access":
                    query = parse_qs(parts.query)
                    return system.access(self, query.get("s", [""])[0], query.get("l", [""])[0])
                if parts.path.startswith("/files/"):
                    return system.file(self, unquote(parts.path[len("/files/"):]))
                self.send_error(404)

        return Handler

    def access(self, handler, symbol, language):
        behaviour = self.misbehaving.get(symbol)
        if behaviour in ("404", "500"):
            return handler.send_error(int(behaviour))  # an HTML error page
        if behaviour == "429" and symbol not in self.answered_429:
            self.answered_429.add(symbol)
            handler.send_response(429)
            handler.send_header("Retry-After", "1")
            handler.end_headers()
            return
        if behaviour == "slow":
            time.sleep(3)
        source = self.files.get("S/PV.8700") if behaviour == "wrong" else self.files.get(symbol)
        if language != "en" or source is None:
            return self.send(handler, 200, NOT_FOUND_PAGE, "text/html; charset=utf-8")
        handler.send_response(302)
        handler.send_header("Location", f"/files/{quote(source.name)}?as={quote(symbol)}")
        handler.end_headers()

    def file(self, handler, name):
        path = next((p for p in self.files.values() if p.name == name.split("?")[0]), None)
        if path is None:
            return handler.send_error(404)
        data = path.read_bytes()
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return
        symbol = next((s for s, p in self.files.items() if p == path), "")
        asked = unquote(handler.path.split("as=", 1)[1]) if "as=" in handler.path else symbol
        behaviour = self.misbehaving.get(asked)
        if behaviour == "truncated":
            handler.send_response(200)
            handler.send_header("Content-Type", "application/pdf")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data[: len(data) // 2])
            handler.close_connection = True
            return
        content_type = "text/html" if behaviour == "octet-html" else "application/pdf"
        self.send(handler, 200, data, content_type, {"ETag": etag})

    @staticmethod
    def send(handler, status, body, content_type, headers=None):
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(body)
