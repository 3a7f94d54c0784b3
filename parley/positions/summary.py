"""A one-paragraph reading of the gaps: where parties are far apart and where they might meet."""
from __future__ import annotations

from ..models import Gap, Position


def summarize(positions: list[Position], gaps: list[Gap], labels: dict[str, str] | None = None) -> str | None:
    labels = labels or {}
    if not positions:
        return None
    name = lambda issue: labels.get(issue, issue.replace("_", " "))  # noqa: E731
    condition = {(p.actor, p.issue): p.condition for p in positions if p.condition}
    opposed = [g for g in gaps if g.status == "opposed"]
    meeting = [g for g in gaps if g.status in ("agree", "conditional")]
    parts = []
    if opposed:
        parts.append("Far apart: " + "; ".join(f"{g.a} and {g.b} on {name(g.issue)}" for g in opposed) + ".")
    if meeting:
        phrases = []
        for g in meeting:
            if g.status == "agree":
                phrases.append(f"{g.a} and {g.b} agree on {name(g.issue)}")
            else:
                cond = condition.get((g.a, g.issue)) or condition.get((g.b, g.issue))
                phrases.append(f"{g.a} and {g.b} on {name(g.issue)}" + (f" ({cond})" if cond else " (conditional)"))
        parts.append("Might meet: " + "; ".join(phrases) + ".")
    if not parts:
        lone = "; ".join(f"{p.actor} is {p.stance} {name(p.issue)}" for p in positions)
        parts.append(f"Only one side is on record per issue: {lone}.")
    return " ".join(parts)
