"""What each page shows, computed from the store's DataFrames: plain dicts and lists, for templates and JSON alike."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

import pandas as pd

from ..positions.gaps import gaps_between
from ..store import Store
from . import charts
from .labels import Labels


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values (NaN/NaT become None)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def overview(store: Store, labels: Labels, max_parties: int) -> dict:
    """The positions matrix (most reported parties × issues) and the gaps between every pair of those parties."""
    positions = store.positions()
    ranked = (positions.groupby("actor")["sources"].sum().reset_index()
              .sort_values(["sources", "actor"], ascending=[False, True]))
    parties = ranked["actor"].head(max_parties).tolist()
    shown = positions[positions["actor"].isin(parties)]
    issues = shown["issue"].value_counts().sort_index().sort_values(ascending=False, kind="stable").index.tolist()
    cell = {(r["actor"], r["issue"]): r for r in records(shown)}
    matrix = [{"actor": actor, "name": labels.actor(actor),
               "cells": [_cell(cell.get((actor, issue)), issue) for issue in issues]} for actor in parties]
    return {
        "issues": [{"id": issue, "label": labels.issue(issue)} for issue in issues],
        "matrix": matrix,
        "gaps": _gaps(cell, parties, issues, labels),
        "counts": store.counts(),
    }


def _cell(position: dict | None, issue: str) -> dict:
    if position is None:
        return {"issue": issue, "stance": "unknown", "condition": None, "sources": 0, "contrary": 0, "since": None,
                "corrected": False}
    return {key: position[key] for key in ("issue", "stance", "condition", "sources", "contrary", "since",
                                           "corrected")}


def _gaps(cell: dict, parties: list[str], issues: list[str], labels: Labels) -> list[dict]:
    """Per issue: pairs opposed, and pairs that might meet (one side conditional: its condition is the offer)."""
    stances = {key: position["stance"] for key, position in cell.items()}
    panel = []
    for issue, gaps in groupby(gaps_between(stances, parties, issues), key=attrgetter("issue")):
        opposed, meet, agree = [], [], []
        for gap in gaps:
            pair = {"a": gap.a, "b": gap.b, "a_name": labels.actor(gap.a), "b_name": labels.actor(gap.b),
                    "status": gap.status}
            if gap.status == "opposed":
                opposed.append(pair)
            elif gap.status == "agree":
                agree.append(pair)
            elif gap.status == "conditional":
                sides = (cell[(gap.a, issue)], cell[(gap.b, issue)])
                pair["conditions"] = [f"{labels.actor(p['actor'])}: {p['condition']}" for p in sides
                                      if p["stance"] == "conditional" and p["condition"]]
                meet.append(pair)
        if opposed or meet:
            panel.append({"issue": issue, "label": labels.issue(issue), "opposed": opposed, "meet": meet,
                          "agree": agree})
    return panel


def issue(store: Store, labels: Labels, issue_id: str, limit: int) -> dict | None:
    """Positions, the stance-over-time chart, shifts and evidence on one issue; None if the store has none."""
    history = store.history(issue=issue_id)
    if history.empty:
        return None
    statements = store.statements(issue=issue_id)
    sources = statements.groupby(["actor", "stance"], dropna=False)["source"].nunique()
    evidence = records(statements.tail(limit).iloc[::-1])
    for row in evidence:
        row["sources"] = int(sources.get((row["actor"], row["stance"]), 1))
    return {
        "id": issue_id, "label": labels.issue(issue_id), "proposition": labels.proposition(issue_id),
        "positions": records(store.positions(issue=issue_id)),
        "chart": charts.stance_over_time(history, labels),
        "shifts": records(store.timeline(issue=issue_id)),
        "evidence": evidence,
        "statements": len(statements),
    }


def party(store: Store, labels: Labels, actor: str, per_action: int) -> dict | None:
    """A party's positions, its people and its statements grouped by action; None if the store has none."""
    statements = store.statements(actor=actor)
    positions = store.positions(actor=actor)
    if statements.empty and positions.empty:
        return None
    actions = [{"action": action, "count": len(group), "statements": records(group.tail(per_action).iloc[::-1])}
               for action, group in statements.groupby("action")]
    actions.sort(key=lambda entry: (-entry["count"], entry["action"]))
    return {"id": actor, "name": labels.actor(actor), "positions": records(positions),
            "people": records(store.people(actor=actor)), "actions": actions}


@dataclass
class Segment:
    """A run of article text with the statements and quotes that cover it."""

    text: str
    statements: list[int]
    quote: bool


def segments(text: str, statements: list[dict], quotes: list[dict]) -> list[Segment]:
    """Cut the text at every statement and quote boundary, so each piece can be highlighted on its own."""
    spans = [(s["start"], s["end"]) for s in statements] + [(q["start"], q["end"]) for q in quotes]
    cuts = sorted({0, len(text)} | {max(0, min(len(text), x)) for span in spans for x in span})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [s["index"] for s in statements if s["start"] <= start and end <= s["end"]]
        quoted = any(q["start"] <= start and end <= q["end"] for q in quotes)
        pieces.append(Segment(text[start:end], covering, quoted))
    return pieces


def article(store: Store, article_id: int) -> dict | None:
    """One article with its analysis and highlighted text; None if there is no such id (nor can be: the store's
    ids are 64-bit, and a larger number is no error of the server's)."""
    if not 0 < article_id < 2**63:
        return None
    detail = store.article(article_id)
    if detail is None:
        return None
    statements, quotes = records(detail.statements), records(detail.quotes)
    dissenting = {i for ids in detail.positions["contested_ids"] for i in ids}
    for statement in statements:  # evidence against its party's position here: marked where the page lists it
        statement["dissents"] = statement["id"] in dissenting
    row = {key: value for key, value in detail.article.items() if key != "text"}
    text = detail.article["text"] or ""
    return {"article": row, "text": text, "statements": statements, "quotes": quotes,
            "people": records(detail.people), "positions": records(detail.positions),
            "segments": segments(text, statements, quotes)}
