"""How positions combine over time: a party's stance on an issue is its latest reported one, and a shift is a
change from one report to the next. The input is the store's `history` (one row per article position, in time
order, undated first); the store and the dashboard ask these functions rather than each deciding it.

Time is told only by dates: an undated report is counted as evidence but never orders anything. It does not make a
shift, does not say since when a stance holds, and is the current stance only when nothing dated says otherwise
(then the stance most sources report, and `since`/`last_seen` stay empty: undated)."""
from __future__ import annotations

import pandas as pd

POSITION_COLUMNS = ["actor", "issue", "stance", "condition", "since", "last_seen", "articles", "sources", "contrary",
                    "article_id", "statement_ids", "contested_ids", "corrected"]


def latest_positions(history: pd.DataFrame) -> pd.DataFrame:
    """Per (actor, issue): the latest dated stance, since when it has held (the first dated report of its
    unbroken run), and how many articles and independent sources report it (`articles`, `sources`) or another
    stance (`contrary`), dated or not; the latest report's evidence (`statement_ids`), and those of it that read
    another stance (`contested_ids`); `corrected` when an analyst's correction made or changed it."""
    rows = []
    for (who, what), group in history.groupby(["actor", "issue"], sort=True):
        dated = group[group["date"].notna()]
        if dated.empty:
            by_sources = group.groupby("stance", sort=True)["source"].nunique()
            stance = by_sources.idxmax()
            latest = group[group["stance"] == stance].iloc[-1]
            since = last_seen = None
        else:
            stances = dated["stance"].tolist()
            start = len(stances) - 1
            while start > 0 and stances[start - 1] == stances[-1]:
                start -= 1
            latest = dated.iloc[-1]
            since, last_seen = dated["date"].iloc[start], latest["date"]
        agreeing = group["stance"] == latest["stance"]
        rows.append({
            "actor": who, "issue": what, "stance": latest["stance"], "condition": latest["condition"],
            "since": since, "last_seen": last_seen,
            "articles": int(group.loc[agreeing, "article_id"].nunique()),
            "sources": int(group.loc[agreeing, "source"].nunique()),
            "contrary": int(group.loc[~agreeing, "source"].nunique()),
            "article_id": int(latest["article_id"]), "statement_ids": latest["statement_ids"],
            "contested_ids": latest["contested_ids"],
            "corrected": bool(latest.get("corrected", False)),
        })
    return pd.DataFrame(rows, columns=POSITION_COLUMNS)


def shifts(history: pd.DataFrame) -> list[tuple[dict, dict]]:
    """Each pair of consecutive dated reports of one (actor, issue) whose stances differ: (before, after) as row
    dicts. Undated reports are left out: a shift needs a before and an after."""
    pairs = []
    for _, group in history[history["date"].notna()].groupby(["actor", "issue"], sort=True):
        records = group.to_dict("records")
        pairs += [(before, after) for before, after in zip(records, records[1:]) if before["stance"] != after["stance"]]
    return pairs
