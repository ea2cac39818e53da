"""A polite HTTP client for someone else's service: it names us, keeps to a rate, and retries
timeouts, 429 and 5xx with backoff, honouring Retry-After."""
import email.utils
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

RETRIED = {429, 500, 502, 503, 504}


class FetchFailed(Exception):
    """No usable answer after the retries; the message says why."""


@dataclass
class Response:
    status: int
    url: str
    headers: dict = field(default_factory=dict)
    body: bytes = b""


class PoliteClient:
    def __init__(self, user_agent, rate=1.0, timeout=30.0, retries=4, max_body=None, max_backoff=300.0,
                 sleep=time.sleep):
        self.user_agent = user_agent
        self.interval = 1.0 / rate if rate else 0.0
        self.timeout = timeout
        self.retries = retries
        self.max_body = max_body
        self.max_backoff = max_backoff
        self.sleep = sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def get(self, url, headers=None):
        """The final answer for `url` (redirects followed); FetchFailed when none came."""
        problem = None
        for attempt in range(self.retries + 1):
            self._wait_turn()
            try:
                response = self._once(url, headers or {})
            except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as exc:
                problem = f"no answer ({getattr(exc, 'reason', exc)})"
                delay = self._backoff(attempt)
            except http.client.IncompleteRead as exc:
                raise FetchFailed(f"the answer was cut short ({len(exc.partial)} bytes of the file arrived)") \
                    from None
            else:
                if response.status not in RETRIED:
                    return response
                problem = f"HTTP {response.status}"
                delay = retry_after(response.headers) or self._backoff(attempt)
            if attempt < self.retries:
                self.sleep(min(delay, self.max_backoff))
        raise FetchFailed(f"{problem} after {self.retries + 1} attempts")

    def _once(self, url, headers):
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **headers})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                body = answer.read(self.max_body + 1) if self.max_body else answer.read()
                return Response(answer.status, answer.geturl(), dict(answer.headers.items()), body)
        except urllib.error.HTTPError as error:
            with error:
                return Response(error.code, error.geturl() or url, dict(error.headers.items()),
                                error.read(64_000))

    def _wait_turn(self):
        with self._lock:
            now = time.monotonic()
            wait = self._next - now
            self._next = max(now, self._next) + self.interval
        if wait > 0:
            self.sleep(wait)

    def _backoff(self, attempt):
        return min(self.max_backoff, 2.0 ** attempt)


def retry_after(headers):
    """Seconds from a Retry-After header (a number or an HTTP date), or None."""
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
