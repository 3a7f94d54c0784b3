"""One polite HTTP client for every page, feed and robots.txt parley fetches: a User-Agent that names parley, a
per-host pace shared by all threads, robots.txt obeyed, redirects followed within a limit, time and size limits
(the body is streamed and the reading stops at the limit), content types checked and conditional GETs.

Every failure is a `ParleyError` naming the address and the problem (E130-E138, E145), so a batch goes on without it."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import HTTPError as TransportError
from urllib3.exceptions import TimeoutError as TransportTimeout

from ... import __version__
from ...errors import E, ParleyError
from ...settings import defaults
from .robots import Robots

REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 65536


def is_url(value: object) -> bool:
    """Whether an input names a web address rather than a path (checked before `Path()` folds its `//`)."""
    return str(value).lower().startswith(("http://", "https://"))


@dataclass
class Response:
    """A fetched body, or `not_modified` when a conditional GET was answered 304."""

    url: str                      # the address asked for
    final_url: str                # after redirects
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


class _Pace:
    """The earliest time of the next request to each host, reserved under a lock so that threads take turns."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}

    def wait(self, host: str, interval: float) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + interval
        if start > now:
            time.sleep(start - now)


class Fetcher:
    """Fetch pages and feeds within the `fetch` settings (`overrides` replace some of them for one fetcher). One
    Fetcher is one run: it keeps each host's robots.txt and pace while it lives; its methods are thread-safe."""

    def __init__(self, **overrides: object) -> None:
        self.limits = {**defaults("fetch"), **overrides}
        self.user_agent = str(self.limits["user_agent"]).format(version=__version__)
        timeout = urllib3.Timeout(connect=self.limits["connect_timeout"], read=self.limits["read_timeout"])
        self._pool = urllib3.PoolManager(num_pools=64, maxsize=max(1, int(self.limits["workers"])), block=False,
                                         timeout=timeout, retries=False)
        self._pace = _Pace()
        self.robots = Robots(self)

    def fetch(self, url: str, kind: str = "page", etag: str | None = None,
              last_modified: str | None = None) -> Response:
        """GET `url` (kind "page" or "feed": the content types accepted), following redirects; with `etag` or
        `last_modified`, a 304 answer gives `Response(not_modified=True)`."""
        expected = self.limits["page_types" if kind == "page" else "feed_types"]
        headers = {key: value for key, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified))
                   if value}
        headers["Accept"] = ", ".join(expected) + ", */*;q=0.1"
        chain: list[str] = []
        current = url
        while True:
            check_scheme(current, url)
            self.robots.check(current, url)
            answer, started = self.get(current, headers, url)
            if answer.status in REDIRECTS and answer.headers.get("Location"):
                self.discard(answer)
                chain.append(current)
                current = join_location(current, answer.headers["Location"], url)
                if current in chain:
                    raise ParleyError(E.E133, url=url, reason="a redirect loop", chain=" -> ".join([*chain, current]))
                if len(chain) > int(self.limits["max_redirects"]):
                    raise ParleyError(E.E133, url=url, reason="too many redirects", chain=" -> ".join(chain))
                continue
            return self._finish(url, current, answer, started, expected, kind)

    def get(self, address: str, headers: dict[str, str], reported: str) -> tuple[urllib3.BaseHTTPResponse, float]:
        """One request at the host's pace, its body not read yet, and when it was sent; transport failures as
        E131/E132 for `reported`."""
        self._pace.wait(urlsplit(address).netloc.lower(), self.interval(address))
        started = time.monotonic()
        try:
            return self._pool.request("GET", address, headers={**headers, "User-Agent": self.user_agent},
                                      redirect=False, preload_content=False), started
        except TransportTimeout as exc:
            raise ParleyError(E.E132, url=reported, seconds=_timeout_of(exc, self.limits),
                              setting=_setting_of(exc)) from exc
        except TransportError as exc:
            raise ParleyError(E.E131, url=reported, reason=_reason(exc)) from exc

    def interval(self, address: str) -> float:
        """Seconds between two requests to this address's host: the setting, or the host's Crawl-delay if longer
        (at most fetch.max_crawl_delay: a host asking more is refused with E145 before it is asked)."""
        delay = min(self.robots.delay(address), float(self.limits["max_crawl_delay"]))
        return max(float(self.limits["host_interval"]), delay)

    def read_body(self, answer: urllib3.BaseHTTPResponse, reported: str, started: float) -> bytes:
        """The body, streamed: stopped at `max_bytes` (E135) or when the answer has taken `total_time` (E132)."""
        limit, total = int(self.limits["max_bytes"]), float(self.limits["total_time"])
        declared = answer.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            self.discard(answer)
            raise ParleyError(E.E135, url=reported, limit=limit)
        chunks, size = [], 0
        try:
            while chunk := answer.read1(_CHUNK):  # what has arrived, so the clock is looked at as it trickles
                size += len(chunk)
                if size > limit:
                    self.discard(answer)
                    raise ParleyError(E.E135, url=reported, limit=limit)
                if time.monotonic() - started > total:
                    self.discard(answer)
                    raise ParleyError(E.E132, url=reported, seconds=total, setting="total_time")
                chunks.append(chunk)
        except TransportTimeout as exc:
            raise ParleyError(E.E132, url=reported, seconds=_timeout_of(exc, self.limits),
                              setting="read_timeout") from exc
        except TransportError as exc:
            raise ParleyError(E.E131, url=reported, reason=_reason(exc)) from exc
        finally:
            answer.release_conn()
        return b"".join(chunks)

    def _finish(self, url: str, final: str, answer: urllib3.BaseHTTPResponse, started: float, expected: list[str],
                kind: str) -> Response:
        if answer.status == 304:
            self.discard(answer)
            return Response(url, final, not_modified=True, etag=answer.headers.get("ETag"),
                            last_modified=answer.headers.get("Last-Modified"))
        if answer.status != 200:
            self.discard(answer)
            raise ParleyError(E.E134, url=url, status=answer.status, reason=answer.reason or "no reason given")
        content_type = answer.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in expected:
            self.discard(answer)
            raise ParleyError(E.E136, url=url, content_type=content_type or "none given", expected=", ".join(expected),
                              setting="page_types" if kind == "page" else "feed_types")
        body = self.read_body(answer, url, started)
        return Response(url, final, body, content_type, answer.headers.get("ETag"), answer.headers.get("Last-Modified"))

    @staticmethod
    def discard(answer: urllib3.BaseHTTPResponse) -> None:
        """Drop an answer whose body is not wanted (or not wanted whole): its connection is closed, not reused."""
        answer.close()
        answer.release_conn()

    def close(self) -> None:
        self._pool.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def join_location(base: str, location: str, reported: str) -> str:
    """A redirect's Location made absolute (E130 when it cannot be parsed: `http://[oops/a`)."""
    try:
        return urljoin(base, location)
    except ValueError as exc:
        raise ParleyError(E.E130, url=reported, reason=f"a redirect to {location!r}: {exc}") from exc


def check_scheme(address: str, reported: str) -> None:
    try:
        parts = urlsplit(address)
    except ValueError as exc:  # an address that cannot be parsed: `http://[oops/a` ("Invalid IPv6 URL")
        raise ParleyError(E.E130, url=reported, reason=f"{address!r} cannot be parsed: {exc}") from exc
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ParleyError(E.E130, url=reported, reason=f"{address!r} is not an http(s) address with a host")


def _setting_of(exc: Exception) -> str:
    return "connect_timeout" if "connect" in type(exc).__name__.lower() else "read_timeout"


def _timeout_of(exc: Exception, limits: dict) -> float:
    return float(limits[_setting_of(exc)])


def _reason(exc: Exception) -> str:
    """The transport error in one line, without urllib3's object reprs."""
    reason = getattr(exc, "reason", None) or exc
    return f"{type(reason).__name__}: {str(reason).splitlines()[0][:200]}" if str(reason) else type(reason).__name__
