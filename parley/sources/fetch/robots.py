"""robots.txt, read once per host and run through the same client (its User-Agent, pace and limits) and obeyed
with the standard library's parser: a disallowed address is never requested (E137). As the parser does, a
robots.txt answered 401 or 403 disallows everything and one that is missing (other 4xx) allows everything; one
that cannot be read (5xx, no answer, too large) stops fetching from that host for the run (E138). A robots.txt
that redirects is followed as RFC 9309 (2.3.1.2) asks, up to fetch.max_redirects (a loop or more: E138), and what
it leads to is the host's rules."""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from ...errors import E, ParleyError

if TYPE_CHECKING:
    from .client import Fetcher


class Robots:
    """Each host's robots.txt (or why it could not be read), fetched the first time an address there is asked."""

    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher
        self._rules: dict[str, RobotFileParser | ParleyError] = {}
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}

    def check(self, address: str, reported: str) -> None:
        """Raise E137 if robots.txt keeps parley from `address`, E138 if it could not be read, E145 if its
        Crawl-delay is longer than fetch.max_crawl_delay."""
        rules = self._for(address)
        if isinstance(rules, ParleyError):
            raise ParleyError(E.E138, url=reported, host=rules.details["host"], reason=rules.details["reason"])
        if not rules.can_fetch(self._fetcher.user_agent, address):
            raise ParleyError(E.E137, url=reported, host=_root(address), agent=self._fetcher.user_agent)
        asked, most = self.delay(address), float(self._fetcher.limits["max_crawl_delay"])
        if asked > most:
            raise ParleyError(E.E145, url=reported, host=_root(address), delay=asked, limit=most)

    def delay(self, address: str) -> float:
        """The Crawl-delay robots.txt asks of parley at this host, once it has been read (else 0)."""
        rules = self._rules.get(_root(address))
        if rules is None or isinstance(rules, ParleyError):
            return 0.0
        return float(rules.crawl_delay(self._fetcher.user_agent) or 0)

    def _for(self, address: str) -> RobotFileParser | ParleyError:
        root = _root(address)
        with self._lock:
            host_lock = self._host_locks.setdefault(root, threading.Lock())
        with host_lock:  # one thread reads a host's robots.txt; the others wait for it
            if root not in self._rules:
                self._rules[root] = self._read(root)
            return self._rules[root]

    def _read(self, root: str) -> RobotFileParser | ParleyError:
        from .client import REDIRECTS, check_scheme, join_location

        robots_url = f"{root}/robots.txt"
        parser = RobotFileParser(robots_url)
        current, chain = robots_url, []
        try:
            while True:
                answer, started = self._fetcher.get(current, {}, robots_url)
                if answer.status not in REDIRECTS or not answer.headers.get("Location"):
                    break
                self._fetcher.discard(answer)
                chain.append(current)
                current = join_location(current, answer.headers["Location"], robots_url)
                check_scheme(current, robots_url)
                if current in chain or len(chain) > int(self._fetcher.limits["max_redirects"]):
                    trail = " -> ".join([*chain, current])
                    return ParleyError(E.E138, url=robots_url, host=root, reason=f"redirects without end: {trail}")
            if answer.status in (401, 403):
                self._fetcher.discard(answer)
                parser.disallow_all = True
                return parser
            if 400 <= answer.status < 500:
                self._fetcher.discard(answer)
                parser.allow_all = True
                return parser
            if answer.status != 200:
                self._fetcher.discard(answer)
                return ParleyError(E.E138, url=robots_url, host=root, reason=f"HTTP {answer.status}")
            body = self._fetcher.read_body(answer, robots_url, started)
        except ParleyError as exc:
            return ParleyError(E.E138, url=robots_url, host=root, reason=str(exc))
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser


def _root(address: str) -> str:
    parts = urlsplit(address)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
