"""The JSON API (/api/...): the store's queries, the dashboard's views, and the two write endpoints."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from ..sources import SourceDocument, read_text
from . import charts, views
from ..settings import defaults
from .app import Web
from .security import check_token

router = APIRouter(prefix="/api", tags=["api"])
MAX_LIMIT = defaults("web")["max_limit"]
Limit = Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description=f"At most this many rows (1-{MAX_LIMIT}).")]
Day = Annotated[dt.date | None, Query(description="A day, YYYY-MM-DD.")]
Id = Annotated[str | None, Query(max_length=100)]


def web(request: Request) -> Web:
    return request.app.state.web


WebDep = Annotated[Web, Depends(web)]


@router.get("/counts", summary="Totals: articles, duplicates, stories, statements, positions")
def counts(w: WebDep) -> dict[str, int]:
    return w.store.counts()


@router.get("/overview", summary="The positions matrix and the gaps panel")
def overview(w: WebDep) -> dict:
    return w.overview()


@router.get("/positions", summary="Where each party stands on each issue (as of a day)")
def positions(w: WebDep, issue: Id = None, actor: Id = None, as_of: Day = None) -> list[dict]:
    return views.records(w.store.positions(issue, actor, as_of))


@router.get("/gaps", summary="Issue by issue, how far apart two parties are")
def gaps(w: WebDep, a: Annotated[str, Query(max_length=100)], b: Annotated[str, Query(max_length=100)],
         as_of: Day = None) -> list[dict]:
    return views.records(w.store.gaps(a, b, as_of))


@router.get("/timeline", summary="Shifts of stance, with the evidence before and after")
def timeline(w: WebDep, issue: Id = None, actor: Id = None) -> list[dict]:
    return views.records(w.store.timeline(issue, actor))


@router.get("/statements", summary="Statements matching every filter, in time order")
def statements(w: WebDep, issue: Id = None, actor: Id = None, action: Id = None, outlet: Id = None,
               since: Day = None, until: Day = None,
               q: Annotated[str | None, Query(max_length=200, description="Words the statement contains.")] = None,
               limit: Limit = None) -> list[dict]:
    check_range(since, until)
    return views.records(w.store.statements(issue, actor, action, outlet, since, until, q,
                                            limit or w.settings["search_limit"]))


@router.get("/articles", summary="Stored articles with their statement counts")
def articles(w: WebDep, outlet: Id = None, since: Day = None, until: Day = None,
             q: Annotated[str | None, Query(max_length=200, description="Words the article contains.")] = None,
             limit: Limit = None) -> list[dict]:
    check_range(since, until)
    return views.records(w.store.articles(outlet, since, until, q, limit=limit or w.settings["search_limit"]))


@router.get("/articles/{article_id}", summary="One article: text, statements, quotes, people, positions")
def article(w: WebDep, article_id: int) -> dict:
    found = views.article(w.store, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id}")
    found["segments"] = [dataclasses.asdict(segment) for segment in found["segments"]]
    return found


@router.get("/issues/{issue_id:path}/chart", summary="The Vega-Lite spec of each party's stance over time")
def issue_chart(w: WebDep, issue_id: str) -> dict:
    history = w.store.history(issue=issue_id)
    spec = charts.stance_over_time(history, w.labels)
    if spec is None:
        raise HTTPException(404, f"no dated position on issue {issue_id!r} in the store")
    return spec


# after the chart route: an issue id may hold "/", and a path parameter would take "x/chart" whole
@router.get("/issues/{issue_id:path}", summary="One issue: positions, chart spec, shifts, evidence")
def issue(w: WebDep, issue_id: str, limit: Limit = None) -> dict:
    found = views.issue(w.store, w.labels, issue_id, limit or w.settings["evidence_limit"])
    if found is None:
        raise HTTPException(404, f"no position on issue {issue_id!r} in the store")
    return found


@router.get("/parties/{actor}", summary="One party: positions, people, statements by action")
def party(w: WebDep, actor: str) -> dict:
    found = views.party(w.store, w.labels, actor, w.settings["party_statements"])
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
def analyze(w: WebDep, request: Request, body: AnalyzeIn) -> dict:
    w.rate_limit.check(request.client.host if request.client else "")
    if body.store:
        check_token(request, None)
    result = w.analyze(body.document())
    stored = dataclasses.asdict(w.store.add([result])) if body.store else None
    return {"analysis": result.model_dump(mode="json"), "stored": stored}


@router.post("/ingest", summary="Analyse and store articles (token required)")
def ingest(w: WebDep, request: Request, body: IngestIn) -> dict:
    check_token(request, None)
    return dataclasses.asdict(w.ingest([item.document() for item in body.articles]))


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise HTTPException(400, f"since ({since}) is after until ({until})")
