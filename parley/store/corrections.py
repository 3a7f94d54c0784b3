"""Analysts' corrections: kept in their own table, keyed to the article and the evidence span, and laid over the
machine's reading wherever it is shown. A negotiation's positions are rebuilt from its statements with the
corrections applied whenever either changes (a correction made, or a re-analysis), so they survive `reanalyze`.
`export_gold` writes them as gold files of the contract (§5) so that `parley eval` scores the machine against them.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from ..errors import E, ParleyError
from ..models import Position, Statement
from ..positions import build_positions
from . import schema
from .negotiations import Scope

KINDS = ("wrong", "change", "add")
STANCES = ("for", "against", "conditional")
CHANGED = ("actor", "issue", "stance", "condition")
C, S, P = schema.Correction, schema.Statement, schema.PositionRecord


def _latest(corrections: list[schema.Correction]) -> dict[tuple[int, int], schema.Correction]:
    """The correction in force for each evidence span: the newest one."""
    return {(c.start, c.end): c for c in sorted(corrections, key=lambda c: c.id) if c.kind != "add"}


def apply_to_positions(session: Session, article_id: int, negotiation_id: int, published: dt.date | None,
                       machine: list[Position] | None = None) -> None:
    """The article's positions in the negotiation: the machine's (`machine`, as the analysis made them) when no
    analyst corrected the article; else rebuilt from its statements with the corrections applied: a wrong
    statement is left out, a changed one counts as changed (so it is contested, or no longer, by its corrected
    stance, as the evidence shown is), a position added by hand stands as given, contested by nothing."""
    rows = list(session.scalars(select(S).where(S.article_id == article_id, S.negotiation_id == negotiation_id)
                                .order_by(S.index)))
    corrections = list(session.scalars(select(C).where(C.article_id == article_id,
                                                       C.negotiation_id == negotiation_id)))
    session.execute(delete(P).where(P.article_id == article_id, P.negotiation_id == negotiation_id))
    if not corrections and machine is not None:
        for position in machine:
            _add_position(session, article_id, negotiation_id, position, rows, published, False)
        return
    in_force = _latest(corrections)
    kept, corrected = [], []
    for row in rows:
        correction = in_force.get((row.start, row.end))
        if correction is not None and correction.kind == "wrong":
            continue
        fields = {name: getattr(row, name) for name in Statement.model_fields if hasattr(row, name)}
        if correction is not None:
            fields.update({name: getattr(correction, name) for name in CHANGED if getattr(correction, name)})
        kept.append((row, Statement.model_validate(fields)))
        corrected.append(correction is not None)
    by_hand = {(c.actor, c.issue): c for c in sorted(corrections, key=lambda c: c.id) if c.kind == "add"}
    for position in build_positions([statement for _, statement in kept]):
        if (position.actor, position.issue) not in by_hand:
            _add_position(session, article_id, negotiation_id, position, [row for row, _ in kept], published,
                          any(corrected[i] for i in position.statements))
    for (actor, issue), added in by_hand.items():
        evidence = [i for i, row in enumerate(rows) if added.start is not None and row.start <= added.start < row.end]
        position = Position(actor=actor, issue=issue, stance=added.stance, condition=added.condition, confidence=1.0,
                            statements=evidence)
        _add_position(session, article_id, negotiation_id, position, rows, published, True)


def _add_position(session: Session, article_id: int, negotiation_id: int, position: Position,
                  rows: list[schema.Statement], published: dt.date | None, corrected: bool) -> None:
    """One position row, its `statements` and `contested` (indexes into `rows`) kept as statement ids; dated by
    its latest dated evidence (else the article's date)."""
    evidence = [rows[i] for i in position.statements]  # an index out of range: a malformed analysis
    dates = [row.date for row in evidence if row.date is not None]
    session.add(P(article_id=article_id, negotiation_id=negotiation_id, actor=position.actor, issue=position.issue,
                  stance=position.stance, condition=position.condition, confidence=position.confidence,
                  date=max(dates, default=published), statement_ids=[row.id for row in evidence],
                  contested_ids=[rows[i].id for i in position.contested], corrected=corrected))


def correct(engine: Engine, scope: Scope, article_id: int, kind: str, analyst: str, start: int | None = None,
            end: int | None = None, actor: str | None = None, issue: str | None = None, stance: str | None = None,
            condition: str | None = None, note: str | None = None) -> int:
    """Record one correction and rebuild the article's positions; returns the correction's id. `wrong` and
    `change` name a statement by its evidence span (start, end); `add` needs actor, issue and stance."""
    analyst = (analyst or "").strip()
    problem = None
    if kind not in KINDS:
        problem = f"kind {kind!r} is not one of {', '.join(KINDS)}"
    elif not analyst:
        problem = "the analyst's name is required"
    elif stance is not None and stance not in STANCES:
        problem = f"stance {stance!r} is not one of {', '.join(STANCES)}"
    elif kind == "add" and not (actor and issue and stance):
        problem = "a position added by hand needs an actor, an issue and a stance"
    elif kind == "change" and not any((actor, issue, stance, condition)):
        problem = "a change needs a new actor, issue, stance or condition"
    elif kind != "add" and (start is None or end is None):
        problem = "a statement is named by its evidence span: give start and end"
    if problem:
        raise ParleyError(E.E106, reason=problem)
    with Session(engine) as session, session.begin():
        article = session.get(schema.Article, article_id)
        member = session.scalar(select(schema.Analysis.id).where(schema.Analysis.article_id == article_id,
                                                                 schema.Analysis.negotiation_id == scope.id))
        if article is None or member is None:
            raise ParleyError(E.E106, reason=f"article {article_id} is not in negotiation {scope.name!r}")
        if kind != "add":
            found = session.scalar(select(S.id).where(S.article_id == article_id, S.negotiation_id == scope.id,
                                                      S.start == start, S.end == end))
            if found is None:
                raise ParleyError(E.E105, article=article_id, start=start, end=end, negotiation=scope.name)
        row = C(negotiation_id=scope.id, article_id=article_id, start=start, end=end, kind=kind, actor=actor,
                issue=issue, stance=stance, condition=condition, note=note, analyst=analyst,
                created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None))
        session.add(row)
        session.flush()
        apply_to_positions(session, article_id, scope.id, article.published)
        return row.id


def corrections(engine: Engine, scope: Scope) -> pd.DataFrame:
    """Every correction of the negotiation, oldest first; `applies` is False for one whose statement the current
    reading no longer has (a re-analysis read that sentence differently): it is kept, and shown, but changes
    nothing until a statement with that span is read again."""
    found = (select(S.id).where(S.article_id == C.article_id, S.negotiation_id == C.negotiation_id,
                                S.start == C.start, S.end == C.end).exists())
    applies = ((C.kind == "add") | found).label("applies")
    with engine.connect() as connection:
        return pd.read_sql(select(C.__table__, applies).where(C.negotiation_id == scope.id).order_by(C.id),
                           connection)


def overlay(frame: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Statements (with article_id, start, end) as corrected: changed fields replaced, and `corrected` saying by
    whom and why ("wrong: ..." for a statement marked wrong); the machine's reading stays in the store."""
    frame = frame.assign(corrected=None)
    if frame.empty or table.empty:
        return frame
    in_force = {(r.article_id, r.start, r.end): r for r in table[table["kind"] != "add"].itertuples()}
    for position, row in enumerate(frame.itertuples()):
        correction = in_force.get((row.article_id, row.start, row.end))
        if correction is None:
            continue
        for name in CHANGED:
            value = getattr(correction, name)
            if isinstance(value, str) and value and name in frame.columns:
                frame.iat[position, frame.columns.get_loc(name)] = value
        note = correction.note if isinstance(correction.note, str) and correction.note else None
        said = f"{correction.kind} by {correction.analyst}" + (f": {note}" if note else "")
        frame.iat[position, frame.columns.get_loc("corrected")] = said
    return frame


def export_gold(engine: Engine, scope: Scope, out: Path) -> list[Path]:
    """One `<article>.gold.json` per corrected article (its positions after the corrections, CONTRACT.md §5), with
    the article's stored text and the dossier it was read with beside it, so `parley eval out/` scores them."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with Session(engine) as session:
        articles = sorted(set(session.scalars(select(C.article_id).where(C.negotiation_id == scope.id))))
        dossier = None
        if scope.dossier_version_id is not None:
            version = session.get(schema.DossierVersion, scope.dossier_version_id)
            dossier = Path("dossiers") / f"{version.content_hash[:12]}.yaml"
            (out / "dossiers").mkdir(exist_ok=True)
            (out / dossier).write_text(version.text, encoding="utf-8")
        (out / "articles").mkdir(exist_ok=True)
        for article_id in articles:
            article = session.get(schema.Article, article_id)
            header = "".join(f"{key}: {value}\n" for key, value in (("Title", article.title),
                                                                     ("Outlet", article.outlet),
                                                                     ("Published", article.published_raw))
                             if value and "\n" not in str(value))
            text_path = Path("articles") / f"{article_id}.txt"
            (out / text_path).write_text((header + "---\n" if header else "") + (article.text or ""),
                                         encoding="utf-8")
            positions = session.execute(select(P.actor, P.issue, P.stance).where(
                P.article_id == article_id, P.negotiation_id == scope.id).order_by(P.id)).all()
            gold = {"article": str(text_path), "dossier": str(dossier) if dossier else None,
                    "positions": [list(p) for p in positions],
                    "note": f"corrected in parley, negotiation {scope.name!r}"}
            target = out / f"{re.sub(r'[^\w.-]+', '-', scope.name)}-{article_id}.gold.json"
            target.write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            written.append(target)
    return written
