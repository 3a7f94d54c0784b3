"""`create_app`: the FastAPI application over one store (JSON API under /api, HTML pages elsewhere)."""
from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.trustedhost import TrustedHostMiddleware
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..dossier import Dossier
from ..errors import ParleyError
from ..models import ArticleAnalysis
from ..settings import defaults
from ..sources import SourceDocument
from ..store import IngestSummary, Store
from . import views
from .labels import Labels, merge_dossiers
from .analysis import AnalysisPool, RateLimit
from .security import BodyLimit, SecurityHeaders

HERE = Path(__file__).resolve().parent
LOOPBACK_NAMES = ("127.0.0.1", "localhost")


@dataclass
class Web:
    """What the app serves from: the store, display labels, the write token, and an analyzer loaded on first use."""

    store: Store
    labels: Labels
    dossier: Dossier | None
    token: str | None
    settings: dict
    analyzer: object | None = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._overview: tuple[tuple, dict] | None = None
        self.pool = AnalysisPool(self.dossier, self.settings["analysis_workers"], self.settings["analysis_queue"],
                                 self.settings["analysis_wait"])
        self.rate_limit = RateLimit(self.settings["analyze_per_minute"])

    def overview(self) -> dict:
        """The overview, recomputed only when the store has changed since (positions over the whole store are
        the costly part of the landing page)."""
        revision = self.store.revision()
        cached = self._overview
        if cached is None or cached[0] != revision:
            cached = (revision, views.overview(self.store, self.labels, self.settings["matrix_parties"]))
            self._overview = cached
        return cached[1]

    def analyze(self, document: SourceDocument) -> ArticleAnalysis:
        """In the pool's worker processes, stopped at the time limit (a coded error is raised); an analyzer given
        to `create_app` runs here instead, one analysis at a time."""
        if self.analyzer is None:
            result = self.pool.analyze(document)
            if isinstance(result, ParleyError):
                raise result
            return result
        with self._lock:
            return self.analyzer.analyze(document)

    def ingest(self, documents: list[SourceDocument]) -> IngestSummary:
        """Analyse and store articles: in a worker of the pool, or with the analyzer given to `create_app` (under
        the same lock as `analyze`)."""
        if self.analyzer is None:
            with self.pool.borrow() as worker:
                return self.store.ingest(documents, self.pool.analyzer(worker))
        with self._lock:
            return self.store.ingest(documents, self.analyzer)


def _href(url: str | None) -> str | None:
    """A link target only for http(s) URLs: an article's `javascript:` URL is shown as text, never linked."""
    return url if url and urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["href"] = _href
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def create_app(db: str | Path | None = None, dossiers: Sequence[str | Path] = (), token: str | None = None,
               analyzer: object | None = None, hosts: Sequence[str] = LOOPBACK_NAMES) -> FastAPI:
    """The app over the store `db`; `token` defaults to $PARLEY_TOKEN (no token: the app is read-only). Requests
    must name one of `hosts` in their Host header: a web page elsewhere cannot reach a loopback dashboard through
    a name of its own that resolves to 127.0.0.1 (DNS rebinding)."""
    from . import api, docs, pages

    dossier = merge_dossiers(dossiers)
    settings = defaults("web")
    app = FastAPI(title="parley", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Where each party in a negotiation stands on each issue, with the evidence.")
    app.state.web = Web(Store(db), Labels(dossier), dossier, token or os.environ.get("PARLEY_TOKEN") or None,
                        settings, analyzer)
    app.state.templates = templates()
    app.add_middleware(BodyLimit, max_bytes=settings["max_body_bytes"])
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(docs.router)
    _error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_response(request: Request, status: int, message: str, problems: list[dict] | None = None) -> Response:
    """JSON `{"error": {...}}` for the API, an HTML page for the pages."""
    if _wants_json(request):
        body: dict = {"status": status, "message": message}
        if problems:
            body["problems"] = problems
        return JSONResponse({"error": body}, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "problems": problems or []},
        status_code=status)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = error_response(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})   # Retry-After on 429 and 503
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_query(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"where": ".".join(str(part) for part in error["loc"]), "message": error["msg"]}
                    for error in exc.errors()]
        summary = "; ".join(f"{p['where']}: {p['message']}" for p in problems)
        return error_response(request, 400, f"bad request: {summary}", problems)

    @app.exception_handler(ParleyError)
    async def parley_error(request: Request, exc: ParleyError) -> Response:
        # stopped at the time limit, or the worker died: the server could not finish it; else a bad input
        return error_response(request, 503 if exc.code in ("E090", "E091") else 400, str(exc))
