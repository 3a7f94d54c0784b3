"""The HTML pages, rendered on the server with Jinja2 (autoescaped): overview, issue, party, article, search,
analyze, correct, changes since, followed feeds. Each page shows one negotiation (`?negotiation=`, the store's only one by default)
with a switcher to the others."""
from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import E, ParleyError
from ..extraction.lexicon import load_lexicon
from ..sources import read_text
from ..store import report as reports
from ..store.changes import changes_since
from ..store.corrections import correct as record_correction
from ..store.negotiations import names
from . import views
from .api import Id, Limit, NegDep, TargetDep, WebDep, check_range, known_party, party_id
from .app import Negotiated
from .security import check_token

# A form sends empty fields: an empty date is no filter (the JSON API, by contrast, takes dates only).
FormDay = Annotated[str, Query(max_length=10)]
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _page(request: Request, name: str, n: Negotiated | None = None, revision: tuple | None = None,
          **context) -> HTMLResponse:
    """A page of negotiation `n`: its labels, the switcher's choices, and whether its analyses are stale."""
    web = request.app.state.web
    if n is None:
        around = {"labels": web.labels, "negotiation": None, "nq": "", "negotiations": names(web.store.engine),
                  "stale": 0}
    else:
        around = {"labels": n.labels, "negotiation": n.name, "nq": "?" + urlencode({"negotiation": n.name}),
                  **web.header(n, revision)}  # nq: the query of every link in the page (nurl where it has more)
    return request.app.state.templates.TemplateResponse(request, name, {**around, **context})


@router.get("/")
def overview(request: Request, w: WebDep,
             negotiation: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    """The negotiation's overview; the list of negotiations when the store holds several and none is named."""
    known = names(w.store.engine)
    if negotiation is None and len(known) != 1:
        return _page(request, "negotiations.html", listing=views.records(w.store.negotiations()))
    n = w.negotiation(negotiation)
    revision = n.store.revision()
    return _page(request, "overview.html", n, revision, view=w.overview(n, revision))


@router.get("/issues/{issue_id:path}")   # an issue id may hold "/"
def issue(request: Request, w: WebDep, n: NegDep, issue_id: str) -> HTMLResponse:
    found = views.issue(n.store, n.labels, issue_id, w.settings["evidence_limit"])
    return _page(request, "issue.html", n, view=_found(found, f"no position on issue {issue_id!r} in {n.name!r}"))


@router.get("/parties/{actor}")
def party(request: Request, w: WebDep, n: NegDep, actor: str) -> HTMLResponse:
    found = views.party(n.store, n.labels, known_party(n, actor), w.settings["party_statements"])
    return _page(request, "party.html", n,
                 view=_found(found, f"no statement or position of party {actor!r} in {n.name!r}"))


@router.get("/articles/{article_id}")
def article(request: Request, n: NegDep, article_id: int) -> HTMLResponse:
    return _page(request, "article.html", n, view=_found(views.article(n.store, article_id),
                                                        f"no article with id {article_id} in {n.name!r}"))


@router.get("/search")
def search(request: Request, w: WebDep, n: NegDep,
           q: Annotated[str | None, Query(max_length=200)] = None,
           kind: Annotated[str, Query(pattern="^(statements|articles)$")] = "statements",
           party: Id = None, issue: Id = None, action: Id = None, outlet: Id = None,
           since: FormDay = "", until: FormDay = "", limit: Limit = None) -> HTMLResponse:
    since, until = _day("since", since), _day("until", until)
    check_range(since, until)
    limit = limit or w.settings["search_limit"]
    if kind == "articles":
        results = views.records(n.store.articles(outlet, since, until, q, limit=limit))
    else:
        results = views.records(n.store.statements(issue, party_id(n, party), action, outlet, since, until, q, limit))
    form = {"q": q or "", "kind": kind, "party": party or "", "issue": issue or "", "action": action or "",
            "outlet": outlet or "", "since": since or "", "until": until or ""}
    choices = {"actions": sorted(load_lexicon().plover), "outlets": views.records(n.store.outlets().head(w.settings["outlet_choices"])),
               "parties": n.dossier.actors if n.dossier else [], "issues": n.labels.issues()}
    return _page(request, "search.html", n, form=form, results=results, choices=choices, limit=limit)


def _day(name: str, value: str) -> dt.date | None:
    """A date field of the search form: empty means no filter; anything else must be YYYY-MM-DD."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


@router.get("/analyze")
def analyze_form(request: Request, n: TargetDep) -> HTMLResponse:
    return _page(request, "analyze.html", n, result=None, stored=None, text="")


@router.post("/analyze")
async def analyze(request: Request, w: WebDep, n: TargetDep,
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
    result = await run_in_threadpool(w.analyze, n, document)
    stored = await run_in_threadpool(w.add, n, [result]) if store else None
    statements = [dict(s.model_dump(), index=i) for i, s in enumerate(result.statements)]
    quotes = [q.model_dump() for q in result.quotes]
    return _page(request, "analyze.html", n, result=result, stored=stored, text=text,
                 segments=views.segments(result.text, statements, quotes), statements=statements)


@router.get("/correct")
def correct_form(request: Request, n: NegDep, article: int, start: int | None = None,
                 end: int | None = None) -> HTMLResponse:
    """The correction form for one statement (by its evidence span), or for a position to add to an article."""
    detail = _found(n.store.article(article), f"no article with id {article} in {n.name!r}")
    rows = views.records(detail.statements)
    statement = next((s for s in rows if s["start"] == start and s["end"] == end), None)
    if start is not None and statement is None:
        raise ParleyError(E.E105, article=article, start=start, end=end, negotiation=n.name)
    return _page(request, "correct.html", n, article=detail.article, statement=statement, recorded=None)


@router.post("/correct")
def correct(request: Request, n: NegDep,
            article: Annotated[int, Form()], kind: Annotated[str, Form(pattern="^(wrong|change|add)$")],
            analyst: Annotated[str, Form(max_length=200)] = "", token: Annotated[str, Form()] = "",
            start: Annotated[str, Form(max_length=12)] = "", end: Annotated[str, Form(max_length=12)] = "",
            actor: Annotated[str, Form(max_length=100)] = "", issue: Annotated[str, Form(max_length=100)] = "",
            stance: Annotated[str, Form(max_length=20)] = "", condition: Annotated[str, Form(max_length=2000)] = "",
            note: Annotated[str, Form(max_length=2000)] = "") -> HTMLResponse:
    """Record a correction from the form (behind the write token, as every write)."""
    check_token(request, token)
    span = [int(value) if value.strip().isdigit() else None for value in (start, end)]
    number = record_correction(n.store.engine, n.scope, article, kind, analyst, *span, actor or None,
                               issue or None, stance or None, condition or None, note or None)
    detail = n.store.article(article)
    return _page(request, "correct.html", n, article=detail.article if detail else {"id": article},
                 statement=None, recorded={"id": number, "kind": kind, "issue": issue or None})


@router.get("/changes")
def changes(request: Request, n: NegDep, since: FormDay = "") -> HTMLResponse:
    """What changed since a day (dated reports only), with the report to download."""
    day = _day("since", since)
    found = {name: views.records(frame) for name, frame in changes_since(n.store, day).items()} if day else None
    return _page(request, "changes.html", n, since=day or "", found=found)


@router.get("/feeds")
def feeds(request: Request, n: NegDep) -> HTMLResponse:
    """The feeds, sitemaps and folders followed into the negotiation (`parley follow`): last run, new articles,
    errors."""
    return _page(request, "feeds.html", n, feeds=views.records(n.store.feeds()))


@router.get("/report")
def report(n: NegDep, since: FormDay = "",
           format: Annotated[str, Query(pattern="^(md|html)$")] = "html") -> Response:  # noqa: A002
    """The negotiation's report (see `parley report`), as a file to download."""
    text = reports.render(*reports.build(n.store, _day("since", since)), format)
    media = "text/markdown" if format == "md" else "text/html"
    filename = "".join(c if c.isalnum() or c in "-_" else "-" for c in n.name) + f"-report.{format}"
    return Response(text, media_type=f"{media}; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{filename}"'})


def _found(view, missing: str):
    """The view, or a 404 that says what is missing."""
    if view is None:
        raise HTTPException(404, missing)
    return view
