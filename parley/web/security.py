"""What keeps the dashboard safe to run: security headers (a strict Content-Security-Policy), a cap on request
bodies, and the token that write endpoints require."""
from __future__ import annotations

import hmac
import json
import logging

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Scripts only from our own static files (no inline script, no eval: vega-embed runs with its interpreter);
# styles may be set inline because Vega sets them on the SVG it draws.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
log = logging.getLogger("parley.web")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Adds the headers above to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            # Starlette answers an unhandled error outside every middleware, without these headers: answer it here
            if started:
                raise
            log.exception("unhandled error in %s %s", scope.get("method"), scope.get("path"))
            body = json.dumps({"error": {"status": 500, "message": "internal error"}}).encode()
            await with_headers({"type": "http.response.start", "status": 500, "headers": [
                (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuses request bodies over `max_bytes`: at once from Content-Length, else while the body streams in (the
    413 is then raised inside the app, so the app's error handlers answer it)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise HTTPException(413, self.message)
            return message

        await self.app(scope, counted, send)

    @property
    def message(self) -> str:
        return f"request body too large (at most {self.max_bytes} bytes)"

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"error": {"status": 413, "message": self.message}}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def check_token(request: Request, given: str | None) -> None:
    """Write endpoints: 403 when the server has no PARLEY_TOKEN, 401 when the request's token does not match."""
    expected = request.app.state.web.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with PARLEY_TOKEN set")
    header = request.headers.get("authorization", "")
    supplied = given or (header[7:] if header.lower().startswith("bearer ") else "")
    if not hmac.compare_digest(supplied.encode(), expected.encode()):
        raise HTTPException(401, "a valid token is required (Authorization: Bearer <PARLEY_TOKEN>)")
