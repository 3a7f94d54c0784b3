"""Calibration: is a statement that parley gives confidence c right about c of the time?

A statement counts as right when its (actor, action) is among the article's gold events, or, for a PLOVER sentence,
when its (actor code, PLOVER type) is among the sentence's gold (source, event) pairs.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..models import ArticleAnalysis
from .gold import ArticleGold, SentenceGold

Judged = tuple[float, bool]  # (confidence, right)


def judge(result: ArticleAnalysis, gold: ArticleGold | SentenceGold, code: Callable[[str], str]) -> list[Judged]:
    """Each statement with an actor, as (confidence, right); none for an article gold without events (nothing to
    judge them by: eval/clutter scores boilerplate only)."""
    if isinstance(gold, ArticleGold):
        if gold.events is None:
            return []
        events = {(actor, action) for actor, action, _ in gold.events}
        return [(s.confidence, (s.actor, s.action) in events) for s in result.statements if s.actor]
    pairs = {(source, gold.event) for source in gold.source}
    return [(s.confidence, (code(s.actor), s.plover) in pairs) for s in result.statements if s.actor]


@dataclass(frozen=True)
class Bucket:
    low: float
    high: float
    right: int
    total: int

    @property
    def precision(self) -> float:
        return self.right / self.total if self.total else 0.0


def reliability(judged: Iterable[Judged], width: float = 0.1) -> list[Bucket]:
    """Precision per confidence band [low, low + width), lowest band first; empty bands left out."""
    counts: dict[int, list[int]] = {}
    for confidence, right in judged:
        band = min(int(round(confidence / width, 6)), int(round(1 / width)) - 1)  # 0.3 / 0.1 is 2.9999...
        tally = counts.setdefault(band, [0, 0])
        tally[0] += right
        tally[1] += 1
    return [Bucket(round(band * width, 2), round((band + 1) * width, 2), right, total)
            for band, (right, total) in sorted(counts.items())]
