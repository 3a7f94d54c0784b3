"""`create_app`: the FastAPI application over one store (JSON API under /api, HTML pages elsewhere)."""
from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.trustedhost import TrustedHostMiddleware
from jinja2 import Environment, FileSystemLoader, pass_context
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..dossier import Dossier
from ..errors import ParleyError
from ..models import ArticleAnalysis
from ..settings import defaults
from ..sources import SourceDocument
from ..store import IngestSummary, Store
from ..store.negotiations import WORLD, Scope, dossier_of, find_scope, names, open_scope, stale_count
from ..store.queries import Queries
from . import views
from .labels import Labels, merge_dossiers
from .analysis import AnalysisPool, RateLimit
from .security import BodyLimit, SecurityHeaders

HERE = Path(__file__).resolve().parent
LOOPBACK_NAMES = ("127.0.0.1", "localhost")


@dataclass
class Negotiated:
    """One negotiation as the pages show it: its queries, its own dossier (as the store kept it; None for `world`)
    and labels, its cached overview."""

    scope: Scope
    store: Queries
    dossier: Dossier | None
    labels: Labels

    def __post_init__(self) -> None:
        self._cached: dict[str, tuple[tuple, object]] = {}

    def cached(self, name: str, revision: tuple, compute):
        """`compute()`, kept until the store's revision changes (what a page shows of the whole negotiation is the
        costly part: the overview, and the header's list of negotiations and stale count)."""
        if name not in self._cached or self._cached[name][0] != revision:
            self._cached[name] = (revision, compute())
        return self._cached[name][1]

    @property
    def name(self) -> str:
        return self.scope.name


@dataclass
class Web:
    """What the app serves from: the store, the negotiations in it (each with its dossier as the store kept it;
    `dossier` only names parties and issues for a negotiation the store has no dossier for), the write token,
    and analyzers (one per dossier) loaded on first use."""

    store: Store
    labels: Labels
    dossier: Dossier | None
    token: str | None
    settings: dict
    analyzer: object | None = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._negotiations: dict[tuple[int, int | None], Negotiated] = {}
        self._pools: dict[int | None, AnalysisPool] = {}
        self.rate_limit = RateLimit(self.settings["analyze_per_minute"])

    def negotiation(self, name: str | None) -> Negotiated:
        """The negotiation a request names (the store's only one if it names none: E100/E101 otherwise)."""
        scope = find_scope(self.store.engine, name, "the store")
        key = (scope.id, scope.dossier_version_id)
        if key not in self._negotiations:
            dossier = dossier_of(self.store.engine, scope)
            self._negotiations[key] = Negotiated(scope, Queries(self.store.engine, scope), dossier,
                                                 Labels(dossier) if dossier is not None else self.labels)
        return self._negotiations[key]

    def target(self, name: str | None) -> Negotiated:
        """The negotiation a write goes to: the one named or the store's only one; `world` in an empty store."""
        if name is None and not self.store.negotiations().shape[0]:
            open_scope(self.store.engine, None, None)
        return self.negotiation(name)

    def overview(self, negotiation: Negotiated, revision: tuple | None = None) -> dict:
        """The negotiation's overview, recomputed only when the store has changed since."""
        return negotiation.cached("overview", revision or negotiation.store.revision(), lambda: views.overview(
            negotiation.store, negotiation.labels, self.settings["matrix_parties"]))

    def header(self, negotiation: Negotiated, revision: tuple | None = None) -> dict:
        """What every page of the negotiation shows in its header: the negotiations to switch to, and how many of
        this one's analyses are stale."""
        return negotiation.cached("header", revision or negotiation.store.revision(), lambda: {
            "negotiations": names(self.store.engine), "stale": stale_count(self.store.engine, negotiation.scope)})

    def _pool(self, negotiation: Negotiated) -> AnalysisPool:
        """The worker processes that read with this negotiation's own dossier (several dossiers are never merged),
        each stopped at the time limit; started on first use."""
        key = negotiation.scope.dossier_version_id
        if key not in self._pools:
            fallback = self.dossier if negotiation.name != WORLD else None  # a migrated store kept no dossier
            self._pools[key] = AnalysisPool(negotiation.dossier or fallback, self.settings["analysis_workers"],
                                            self.settings["analysis_queue"], self.settings["analysis_wait"])
        return self._pools[key]

    def analyze(self, negotiation: Negotiated, document: SourceDocument) -> ArticleAnalysis:
        """In the negotiation's worker processes, stopped at the time limit (a coded error is raised); an analyzer
        given to `create_app` runs here instead, one analysis at a time."""
        if self.analyzer is None:
            result = self._pool(negotiation).analyze(document)
            if isinstance(result, ParleyError):
                raise result
            return result
        with self._lock:
            return self.analyzer.analyze(document)

    def add(self, negotiation: Negotiated, results: list[ArticleAnalysis]) -> IngestSummary:
        """Store analyses made with the negotiation's dossier into it."""
        return self.store.add(results, negotiation=negotiation.name)

    def ingest(self, negotiation: Negotiated, documents: list[SourceDocument]) -> IngestSummary:
        """Analyse and store articles into the negotiation: in a worker of its pool, or with the analyzer given to
        `create_app` (under the same lock as `analyze`)."""
        into = {"negotiation": negotiation.name, "dossier": negotiation.dossier}
        if self.analyzer is None:
            pool = self._pool(negotiation)
            with pool.borrow() as worker:
                return self.store.ingest(documents, pool.analyzer(worker), **into)
        with self._lock:
            return self.store.ingest(documents, self.analyzer, **into)


def _href(url: str | None) -> str | None:
    """A link target only for http(s) URLs: an article's `javascript:` URL is shown as text, never linked."""
    return url if url and urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


@pass_context
def nurl(context, path: str, **params: object) -> str:
    """A link within the dashboard that stays in the page's negotiation (`?negotiation=`): per-negotiation URLs."""
    name = context.get("negotiation")
    base, _, fragment = path.partition("#")
    query = {**({"negotiation": name} if name else {}), **{k: v for k, v in params.items() if v not in (None, "")}}
    return base + ("?" + urlencode(query) if query else "") + ("#" + fragment if fragment else "")


def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["href"] = _href
    env.globals["nurl"] = nurl
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
    app.state.web = Web(Store(db, create=False), Labels(dossier), dossier, token or os.environ.get("PARLEY_TOKEN") or None,
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
