"""What changed in a negotiation since a day: positions first reported since, shifts since, parties first heard
since. Only dated reports count: an undated one cannot be placed before or after the day."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .queries import Queries


def changes_since(queries: Queries, since: dt.date) -> dict[str, pd.DataFrame]:
    """`new_positions` (actor, issue, stance, condition, first), `shifts` (the timeline's, to_date >= since) and
    `new_parties` (actor, first)."""
    history = queries.history()
    dated = history[history["date"].notna()]
    first = dated.groupby(["actor", "issue"], as_index=False)["date"].min().rename(columns={"date": "first"})
    current = queries.positions()[["actor", "issue", "stance", "condition"]]
    new_positions = (first[first["first"] >= since].merge(current, on=["actor", "issue"], how="left")
                     [["actor", "issue", "stance", "condition", "first"]].reset_index(drop=True))
    timeline = queries.timeline()
    shifts = timeline[timeline["to_date"].notna() & (timeline["to_date"] >= since)].reset_index(drop=True)
    parties = dated.groupby("actor", as_index=False)["date"].min().rename(columns={"date": "first"})
    new_parties = parties[parties["first"] >= since].reset_index(drop=True)
    return {"new_positions": new_positions, "shifts": shifts, "new_parties": new_parties}
