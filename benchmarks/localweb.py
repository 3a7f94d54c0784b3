"""A real web site on 127.0.0.1 for the fetch and follow tests and the follow benchmark: the standard library's
threading HTTP server on an ephemeral port, serving routes given in code (pages, feeds, redirects, slow or
oversized answers), answering conditional GETs with 304, and logging every request so a test can say what was
asked and what not. It never listens on any other address."""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Mon, 02 Mar 2026 09:00:00 GMT"


@dataclass
class Route:
    """What one path answers."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0          # seconds before the answer starts
    trickle: float = 0.0        # seconds between 1 kB pieces of the body
    length: bool = True         # send Content-Length (without it, the closed connection ends the body)
    validators: bool = True     # send an ETag and Last-Modified, and answer a matching conditional GET with 304

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass
class Request:
    path: str
    status: int
    user_agent: str
    conditional: bool


class LocalSite:
    """`with LocalSite() as site: site.page("/a.html", html); site.url("/a.html"); site.requests()`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Request] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def add(self, path: str, body: bytes | str = b"", **route: object) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **route)

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.routes[path] = Route(status=status, headers={"Location": to}, validators=False)

    def url(self, path: str) -> str:
        assert self._server is not None, "the site is not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def requests(self, path: str | None = None) -> list[Request]:
        with self._lock:
            return [r for r in self.log if path is None or r.path == path]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    def start(self) -> LocalSite:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802  (http.server's name)
                route = site.routes.get(self.path.split("?")[0], Route(b"not here", "text/plain", 404))
                conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
                status = route.status
                if route.validators and status == 200 and (self.headers.get("If-None-Match") == route.etag or (
                        self.headers.get("If-Modified-Since") == LAST_MODIFIED and not self.headers.get("If-None-Match"))):
                    status = 304
                with site._lock:
                    site.log.append(Request(self.path, status, self.headers.get("User-Agent", ""), conditional))
                try:
                    time.sleep(route.delay)
                    self.send_response(status)
                    headers = dict(route.headers)
                    if status != 304:
                        headers["Content-Type"] = route.content_type
                        if route.length:
                            headers["Content-Length"] = str(len(route.body))
                    if route.validators:
                        headers.update({"ETag": route.etag, "Last-Modified": LAST_MODIFIED})
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if status != 304:
                        self._write(route)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a time or size limit): what the test wants

            def _write(self, route: Route) -> None:
                if not route.trickle:
                    self.wfile.write(route.body)
                    return
                for start in range(0, len(route.body), 1000):
                    self.wfile.write(route.body[start:start + 1000])
                    self.wfile.flush()
                    time.sleep(route.trickle)

            def log_message(self, *args: object) -> None:
                pass  # the site keeps its own log

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
