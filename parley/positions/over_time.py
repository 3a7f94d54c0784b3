"""How positions combine over time: a party's stance on an issue is its latest reported one, and a shift is a
change from one report to the next. The input is the store's `history` (one row per article position, in time
order); the store and the dashboard ask these functions rather than each deciding it."""
from __future__ import annotations

import pandas as pd

POSITION_COLUMNS = ["actor", "issue", "stance", "condition", "since", "last_seen", "articles", "sources", "contrary",
                    "article_id", "statement_ids"]


def latest_positions(history: pd.DataFrame) -> pd.DataFrame:
    """Per (actor, issue): the latest stance, since when it has held (the first report of its unbroken run), and how
    many articles and independent sources report it (`articles`, `sources`) or another stance (`contrary`)."""
    rows = []
    for (who, what), group in history.groupby(["actor", "issue"], sort=True):
        stances = group["stance"].tolist()
        start = len(stances) - 1
        while start > 0 and stances[start - 1] == stances[-1]:
            start -= 1
        latest = group.iloc[-1]
        agreeing = group["stance"] == latest["stance"]
        rows.append({
            "actor": who, "issue": what, "stance": latest["stance"], "condition": latest["condition"],
            "since": group["date"].iloc[start], "last_seen": latest["date"],
            "articles": int(group.loc[agreeing, "article_id"].nunique()),
            "sources": int(group.loc[agreeing, "source"].nunique()),
            "contrary": int(group.loc[~agreeing, "source"].nunique()),
            "article_id": int(latest["article_id"]), "statement_ids": latest["statement_ids"],
        })
    return pd.DataFrame(rows, columns=POSITION_COLUMNS)


def shifts(history: pd.DataFrame) -> list[tuple[dict, dict]]:
    """Each pair of consecutive reports of one (actor, issue) whose stances differ: (before, after) as row dicts."""
    pairs = []
    for _, group in history.groupby(["actor", "issue"], sort=True):
        records = group.to_dict("records")
        pairs += [(before, after) for before, after in zip(records, records[1:]) if before["stance"] != after["stance"]]
    return pairs
