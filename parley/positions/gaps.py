"""Gaps: for every issue, every pair of parties that spoke in the article, how far apart they are."""
from __future__ import annotations

from itertools import combinations

from ..models import Gap, Position


def gap_status(a: str | None, b: str | None) -> str:
    """agree / opposed / conditional / unknown for two stances (None: no known stance)."""
    if a is None or b is None:
        return "unknown"
    if "conditional" in (a, b):
        return "conditional"
    return "agree" if a == b else "opposed"


def build_gaps(positions: list[Position], parties: list[str]) -> list[Gap]:
    """Pairs where at least one side has a position on the issue; parties in order of appearance."""
    stance = {(p.actor, p.issue): p.stance for p in positions}
    issues = list(dict.fromkeys(p.issue for p in positions))
    gaps = []
    for issue in issues:
        for a, b in combinations(parties, 2):
            sa, sb = stance.get((a, issue)), stance.get((b, issue))
            if sa is None and sb is None:
                continue
            gaps.append(Gap(issue=issue, a=a, b=b, status=gap_status(sa, sb)))
    return gaps
