"""Vega-Lite specs for the dashboard's charts; the browser draws them with the vendored vega-embed."""
from __future__ import annotations

import pandas as pd

from .labels import Labels

STANCE_ORDER = ["for", "conditional", "against"]


def stance_over_time(history: pd.DataFrame, labels: Labels) -> dict | None:
    """Each party's stance on one issue, report by report, as steps over time; None when no report is dated."""
    dated = history[history["date"].notna()]
    if dated.empty:
        return None
    values = [{"date": row.date.isoformat(), "party": labels.actor(row.actor), "stance": row.stance,
               "condition": row.condition or "", "outlet": row.outlet or "", "title": row.title or ""}
              for row in dated.itertuples()]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": "Stance of each party over time",
        "width": "container",
        "height": 200,
        "padding": 12,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "config": {"legend": {"orient": "bottom"}},
        "data": {"values": values},
        "layer": [
            {"mark": {"type": "line", "interpolate": "step-after", "opacity": 0.5},
             "encoding": {"color": {"field": "party", "type": "nominal", "title": "party"}}},
            {"mark": {"type": "point", "filled": True, "size": 90},
             "encoding": {
                 "color": {"field": "party", "type": "nominal", "title": "party"},
                 "shape": {"field": "party", "type": "nominal", "title": "party"},
                 "tooltip": [{"field": "party"}, {"field": "stance"}, {"field": "date", "type": "temporal"},
                             {"field": "condition"}, {"field": "outlet"}, {"field": "title"}]}},
        ],
        "encoding": {
            "x": {"field": "date", "type": "temporal", "title": None, "axis": {"format": "%d %b %Y", "labelOverlap": True}},
            "y": {"field": "stance", "type": "ordinal", "title": None,
                  "scale": {"domain": STANCE_ORDER}, "sort": STANCE_ORDER},
        },
    }
