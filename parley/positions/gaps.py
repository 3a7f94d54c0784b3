"""Gaps: how far apart two parties are on an issue. The one place that pairs parties up: an article's gaps, the
store's `gaps(a, b)` and the dashboard's gaps panel all call `gaps_between`."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

from ..models import Gap, Position


def gap_status(a: str | None, b: str | None) -> str:
    """agree / opposed / conditional / unknown for two stances (None: no known stance)."""
    if a is None or b is None:
        return "unknown"
    if "conditional" in (a, b):
        return "conditional"
    return "agree" if a == b else "opposed"


def gaps_between(stances: Mapping[tuple[str, str], str], parties: Sequence[str], issues: Iterable[str]) -> list[Gap]:
    """Issue by issue, every pair of `parties` (in their order) of which at least one has a stance in `stances`,
    keyed (party, issue)."""
    gaps = []
    for issue in issues:
        for a, b in combinations(parties, 2):
            sa, sb = stances.get((a, issue)), stances.get((b, issue))
            if sa is None and sb is None:
                continue
            gaps.append(Gap(issue=issue, a=a, b=b, status=gap_status(sa, sb)))
    return gaps


def build_gaps(positions: list[Position], parties: list[str]) -> list[Gap]:
    """An article's gaps: issues in order of first position, parties in order of appearance."""
    stances = {(p.actor, p.issue): p.stance for p in positions}
    return gaps_between(stances, parties, dict.fromkeys(p.issue for p in positions))
