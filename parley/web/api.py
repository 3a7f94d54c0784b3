"""The JSON API (/api/...): the store's queries, the dashboard's views, and the two write endpoints."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from ..errors import ParleyError
from ..sources import SourceDocument, read_text
from ..store.corrections import corrections, correct
from . import charts, views
from ..settings import defaults
from .app import Negotiated, Web
from .security import check_token

router = APIRouter(prefix="/api", tags=["api"])
MAX_LIMIT = defaults("web")["max_limit"]
Limit = Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description=f"At most this many rows (1-{MAX_LIMIT}).")]
Day = Annotated[dt.date | None, Query(description="A day, YYYY-MM-DD.")]
Id = Annotated[str | None, Query(max_length=100)]


def web(request: Request) -> Web:
    return request.app.state.web


WebDep = Annotated[Web, Depends(web)]


def negotiated(w: WebDep, negotiation: Annotated[str | None, Query(
        max_length=200, description="The negotiation asked about [default: the store's only one].")] = None
               ) -> Negotiated:
    return w.negotiation(negotiation or None)


NegDep = Annotated[Negotiated, Depends(negotiated)]


def target(w: WebDep, negotiation: Annotated[str | None, Query(
        max_length=200, description="The negotiation to write to [default: the store's only one; `world` in an "
                                    "empty store].")] = None) -> Negotiated:
    return w.target(negotiation or None)


TargetDep = Annotated[Negotiated, Depends(target)]


@router.get("/negotiations", summary="The store's negotiations: dossier, articles, stale analyses")
def negotiations(w: WebDep) -> list[dict]:
    return views.records(w.store.negotiations())


@router.get("/counts", summary="The negotiation's totals: articles, duplicates, stories, statements, positions")
def counts(n: NegDep) -> dict[str, int]:
    return n.store.counts()


@router.get("/feeds", summary="The feeds, sitemaps and folders followed into the negotiation: last run, new "
                              "articles and entries, errors, backoff (times in ISO 8601, UTC: ...+00:00)")
def feeds(n: NegDep) -> list[dict]:
    return [{key: value.isoformat() if isinstance(value, dt.datetime) else value for key, value in row.items()}
            for row in views.records(n.store.feeds())]


@router.get("/overview", summary="The negotiation's positions matrix and gaps panel")
def overview(w: WebDep, n: NegDep) -> dict:
    return w.overview(n)


@router.get("/positions", summary="Where each party stands on each issue (as of a day)")
def positions(n: NegDep, issue: Id = None, actor: Id = None, as_of: Day = None) -> list[dict]:
    return views.records(n.store.positions(issue, party_id(n, actor), as_of))


@router.get("/gaps", summary="Issue by issue, how far apart two parties are (ids in any case)")
def gaps(n: NegDep, a: Annotated[str, Query(max_length=100)], b: Annotated[str, Query(max_length=100)],
         as_of: Day = None) -> list[dict]:
    return views.records(n.store.gaps(a, b, as_of))


@router.get("/timeline", summary="Shifts of stance between dated reports, with the evidence before and after")
def timeline(n: NegDep, issue: Id = None, actor: Id = None) -> list[dict]:
    return views.records(n.store.timeline(issue, party_id(n, actor)))


@router.get("/statements", summary="Statements matching every filter, in time order, as corrected")
def statements(w: WebDep, n: NegDep, issue: Id = None, actor: Id = None, action: Id = None, outlet: Id = None,
               since: Day = None, until: Day = None,
               q: Annotated[str | None, Query(max_length=200, description="Words the statement contains.")] = None,
               limit: Limit = None) -> list[dict]:
    check_range(since, until)
    return views.records(n.store.statements(issue, party_id(n, actor), action, outlet, since, until, q,
                                            limit or w.settings["search_limit"]))


@router.get("/articles", summary="The negotiation's articles with their statement counts")
def articles(w: WebDep, n: NegDep, outlet: Id = None, since: Day = None, until: Day = None,
             q: Annotated[str | None, Query(max_length=200, description="Words the article contains.")] = None,
             limit: Limit = None) -> list[dict]:
    check_range(since, until)
    return views.records(n.store.articles(outlet, since, until, q, limit=limit or w.settings["search_limit"]))


@router.get("/articles/{article_id}", summary="One article: text, statements, quotes, people, positions")
def article(n: NegDep, article_id: int) -> dict:
    found = views.article(n.store, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id}")
    found["segments"] = [dataclasses.asdict(segment) for segment in found["segments"]]
    return found


@router.get("/issues/{issue_id:path}/chart", summary="The Vega-Lite spec of each party's stance over time")
def issue_chart(n: NegDep, issue_id: str) -> dict:
    history = n.store.history(issue=issue_id)
    spec = charts.stance_over_time(history, n.labels)
    if spec is None:
        raise HTTPException(404, f"no dated position on issue {issue_id!r} in the store")
    return spec


# after the chart route: an issue id may hold "/", and a path parameter would take "x/chart" whole
@router.get("/issues/{issue_id:path}", summary="One issue: positions, chart spec, shifts, evidence")
def issue(w: WebDep, n: NegDep, issue_id: str, limit: Limit = None) -> dict:
    found = views.issue(n.store, n.labels, issue_id, limit or w.settings["evidence_limit"])
    if found is None:
        raise HTTPException(404, f"no position on issue {issue_id!r} in {n.name!r}")
    return found


@router.get("/parties/{actor}", summary="One party: positions, people, statements by action")
def party(w: WebDep, n: NegDep, actor: str) -> dict:
    found = views.party(n.store, n.labels, known_party(n, actor), w.settings["party_statements"])
    if found is None:
        raise HTTPException(404, f"no statement or position of party {actor!r} in the store")
    return found


class ArticleIn(BaseModel):
    """An article to analyse: its text (plain, with an optional header block, or HTML) and optional metadata."""

    text: str = Field(min_length=1)
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="The publication date, e.g. 2025-03-03.")
    url: str | None = None

    def document(self) -> SourceDocument:
        document = read_text(self.text)
        for name in ("id", "title", "outlet", "published", "url"):
            if getattr(self, name):
                setattr(document, name, getattr(self, name))
        return document


class AnalyzeIn(ArticleIn):
    store: bool = Field(False, description="Also store the analysis (needs the token).")


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1)


@router.post("/analyze", summary="Analyse one article; store it only on request (token required to store)")
def analyze(w: WebDep, n: TargetDep, request: Request, body: AnalyzeIn) -> dict:
    w.rate_limit.check(request.client.host if request.client else "")
    if body.store:
        check_token(request, None)
    result = w.analyze(n, body.document())
    stored = dataclasses.asdict(w.add(n, [result])) if body.store else None
    return {"analysis": result.model_dump(mode="json"), "stored": stored}


@router.post("/ingest", summary="Analyse and store articles (token required)")
def ingest(w: WebDep, n: TargetDep, request: Request, body: IngestIn) -> dict:
    check_token(request, None)
    return dataclasses.asdict(w.ingest(n, [item.document() for item in body.articles]))


class CorrectionIn(BaseModel):
    """An analyst's correction (see `parley correct`): `wrong` or `change` name a statement by its article and
    evidence span; `add` gives a position the machine missed."""

    article_id: int
    kind: str = Field(pattern="^(wrong|change|add)$")
    analyst: str = Field(min_length=1, max_length=200)
    start: int | None = None
    end: int | None = None
    actor: str | None = Field(None, max_length=100)
    issue: str | None = Field(None, max_length=100)
    stance: str | None = Field(None, pattern="^(for|against|conditional)$")
    condition: str | None = Field(None, max_length=2000)
    note: str | None = Field(None, max_length=2000)


@router.post("/corrections", summary="Record an analyst's correction (token required)")
def add_correction(n: NegDep, request: Request, body: CorrectionIn) -> dict:
    check_token(request, None)
    number = correct(n.store.engine, n.scope, **body.model_dump())
    return {"id": number, "negotiation": n.name}


@router.get("/corrections", summary="The negotiation's corrections, oldest first")
def list_corrections(n: NegDep) -> list[dict]:
    return views.records(corrections(n.store.engine, n.scope))


def party_id(n: Negotiated, actor: str | None) -> str | None:
    """A party id as the negotiation stores it (any case); an unknown one is E104, which lists the known."""
    return n.store.party_id(actor) if actor else None


def known_party(n: Negotiated, actor: str) -> str:
    """A party named in a path: 404 (with the known ids) when the negotiation has none such."""
    try:
        return n.store.party_id(actor)
    except ParleyError as exc:
        raise HTTPException(404, str(exc)) from None


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise HTTPException(400, f"since ({since}) is after until ({until})")
