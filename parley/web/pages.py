"""The HTML pages, rendered on the server with Jinja2 (autoescaped): overview, issue, party, article, search,
analyze."""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from ..errors import E, ParleyError
from ..extraction.lexicon import load_lexicon
from ..sources import read_text
from . import views
from .api import Id, Limit, WebDep, check_range
from .security import check_token

# A form sends empty fields: an empty date is no filter (the JSON API, by contrast, takes dates only).
FormDay = Annotated[str, Query(max_length=10)]
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _page(request: Request, name: str, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, {"labels": request.app.state.web.labels,
                                                                        **context})


@router.get("/")
def overview(request: Request, w: WebDep) -> HTMLResponse:
    return _page(request, "overview.html", view=w.overview())


@router.get("/issues/{issue_id:path}")   # an issue id may hold "/"
def issue(request: Request, w: WebDep, issue_id: str) -> HTMLResponse:
    found = views.issue(w.store, w.labels, issue_id, w.settings["evidence_limit"])
    return _page(request, "issue.html", view=_found(found, f"no position on issue {issue_id!r} in the store"))


@router.get("/parties/{actor}")
def party(request: Request, w: WebDep, actor: str) -> HTMLResponse:
    found = views.party(w.store, w.labels, actor, w.settings["party_statements"])
    return _page(request, "party.html", view=_found(found, f"no statement or position of party {actor!r} in the store"))


@router.get("/articles/{article_id}")
def article(request: Request, w: WebDep, article_id: int) -> HTMLResponse:
    return _page(request, "article.html", view=_found(views.article(w.store, article_id),
                                                     f"no article with id {article_id}"))


@router.get("/search")
def search(request: Request, w: WebDep,
           q: Annotated[str | None, Query(max_length=200)] = None,
           kind: Annotated[str, Query(pattern="^(statements|articles)$")] = "statements",
           party: Id = None, issue: Id = None, action: Id = None, outlet: Id = None,
           since: FormDay = "", until: FormDay = "", limit: Limit = None) -> HTMLResponse:
    since, until = _day("since", since), _day("until", until)
    check_range(since, until)
    limit = limit or w.settings["search_limit"]
    if kind == "articles":
        results = views.records(w.store.articles(outlet, since, until, q, limit=limit))
    else:
        results = views.records(w.store.statements(issue, party, action, outlet, since, until, q, limit))
    form = {"q": q or "", "kind": kind, "party": party or "", "issue": issue or "", "action": action or "",
            "outlet": outlet or "", "since": since or "", "until": until or ""}
    choices = {"actions": sorted(load_lexicon().plover), "outlets": views.records(w.store.outlets().head(w.settings["outlet_choices"])),
               "parties": w.dossier.actors if w.dossier else [], "issues": w.labels.issues()}
    return _page(request, "search.html", form=form, results=results, choices=choices, limit=limit)


def _day(name: str, value: str) -> dt.date | None:
    """A date field of the search form: empty means no filter; anything else must be YYYY-MM-DD."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


@router.get("/analyze")
def analyze_form(request: Request) -> HTMLResponse:
    return _page(request, "analyze.html", result=None, stored=None, text="")


@router.post("/analyze")
async def analyze(request: Request, w: WebDep,
                  text: Annotated[str, Form()] = "",
                  file: Annotated[UploadFile | None, File()] = None,
                  store: Annotated[bool, Form()] = False,
                  token: Annotated[str, Form()] = "") -> HTMLResponse:
    w.rate_limit.check(request.client.host if request.client else "")
    if file is not None and file.filename:
        raw = await file.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParleyError(E.E004, path=file.filename, position=exc.start) from exc
    if store:
        check_token(request, token)
    document = read_text(text, file.filename if file is not None and file.filename else None)
    result = await run_in_threadpool(w.analyze, document)
    stored = await run_in_threadpool(w.store.add, [result]) if store else None
    statements = [dict(s.model_dump(), index=i) for i, s in enumerate(result.statements)]
    quotes = [q.model_dump() for q in result.quotes]
    return _page(request, "analyze.html", result=result, stored=stored, text=text,
                 segments=views.segments(result.text, statements, quotes), statements=statements)


def _found(view, missing: str):
    """The view, or a 404 that says what is missing."""
    if view is None:
        raise HTTPException(404, missing)
    return view
