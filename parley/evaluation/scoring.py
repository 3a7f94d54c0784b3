"""Micro-averaged precision, recall and F1 over sets (CONTRACT.md §5), and the sets each measure compares.

Every measure turns one prediction and its gold into two sets of hashable keys; true positives are the
intersection. Summing counts over articles or sentences before dividing is what makes the average micro.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from ..models import ArticleAnalysis
from .gold import ArticleGold, SentenceGold


@dataclass(frozen=True)
class Counts:
    """True positives, false positives, false negatives; a ratio with nothing on either side counts as 1.0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def _ratio(self, part: int, whole: int) -> float:
        if whole:
            return part / whole
        return 1.0 if not (self.tp or self.fp or self.fn) else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self._ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return self._ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Comparison:
    """One measure on one item: what was predicted, what the gold says."""

    predicted: frozenset
    gold: frozenset

    @classmethod
    def of(cls, predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> Comparison:
        return cls(frozenset(predicted), frozenset(gold))

    @property
    def counts(self) -> Counts:
        tp = len(self.predicted & self.gold)
        return Counts(tp, len(self.predicted) - tp, len(self.gold) - tp)

    @property
    def false_positives(self) -> list:
        return sorted(self.predicted - self.gold, key=repr)

    @property
    def false_negatives(self) -> list:
        return sorted(self.gold - self.predicted, key=repr)


def normalize(text: str) -> str:
    """Compare strings the way a reader would: same letters, any quotes, any spacing, any case."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans("‘’‚‛“”„‟«»", "''''\"\"\"\"\"\""))
    return re.sub(r"\s+", " ", text).strip().strip("\"' ").casefold()


def _events(result: ArticleAnalysis) -> list:
    """Affirmed statements with a known actor: what the text says a party did."""
    return [s for s in result.statements if s.actor is not None and not s.negated]


def _speaker(name: str | None) -> str | None:
    return normalize(name) if name else None


def _quote_keys(result: ArticleAnalysis, gold: list) -> list[tuple]:
    """A predicted quote takes the key of the gold quote it matches (same speaker, text starts alike)."""
    keys = []
    for quote in result.quotes:
        speaker, text = _speaker(quote.speaker), normalize(quote.text)
        match = next((g for g in gold if _speaker(g.speaker) == speaker
                      and text.startswith(normalize(g.starts))), None)
        keys.append((speaker, normalize(match.starts)) if match else (speaker, text))
    return keys


def outlet(name: str) -> str:
    """An outlet's name for comparison: "The Guardian" and "Guardian" are one paper."""
    return normalize(name).removeprefix("the ")


def _reporters(result: ArticleAnalysis) -> set[str]:
    return {outlet(o) for s in result.statements for o in s.reported_by}


# Article measures: name -> (gold field that must be present, comparison of prediction and gold).
ARTICLE_MEASURES: dict[str, tuple[str, Callable[[ArticleAnalysis, ArticleGold], Comparison]]] = {
    "positions": ("positions", lambda r, g: Comparison.of(
        ((p.actor, p.issue, p.stance) for p in r.positions), (tuple(p) for p in g.positions))),
    "events": ("events", lambda r, g: Comparison.of(
        ((s.actor, s.action) for s in _events(r)), ((a, act) for a, act, _ in g.events))),
    "events_strict": ("events", lambda r, g: Comparison.of(
        ((s.actor, s.action, s.target) for s in _events(r)), (tuple(e) for e in g.events))),
    "people": ("people", lambda r, g: Comparison.of(
        ((normalize(n), a) for n, a in r.people.items()), ((normalize(n), a) for n, a in g.people.items()))),
    "outlets": ("reported_by", lambda r, g: Comparison.of(
        _reporters(r) | {outlet(o) for o in r.sources_cited},
        {outlet(o) for o in [*g.reported_by, *(g.sources or [])]})),
    "reported_by": ("reported_by", lambda r, g: Comparison.of(_reporters(r), map(outlet, g.reported_by))),
    "sources": ("sources", lambda r, g: Comparison.of(map(outlet, r.sources_cited), map(outlet, g.sources))),
    "boilerplate": ("boilerplate", lambda r, g: Comparison.of(
        (normalize(b) for b in r.boilerplate), (normalize(b) for b in g.boilerplate))),
    "quotes": ("quotes", lambda r, g: Comparison.of(
        _quote_keys(r, g.quotes), ((_speaker(q.speaker), normalize(q.starts)) for q in g.quotes))),
}


def score_article(result: ArticleAnalysis, gold: ArticleGold) -> dict[str, Comparison]:
    """Every article measure whose gold field is present."""
    return {name: compare(result, gold) for name, (field, compare) in ARTICLE_MEASURES.items()
            if getattr(gold, field) is not None}


def score_sentence(result: ArticleAnalysis, gold: SentenceGold, code: Callable[[str], str]) -> dict[str, Comparison]:
    """PLOVER pairs `(source, event)`, with actor ids mapped to PLOVER actor codes by `code` on both sides.

    `event_type` compares the set of predicted PLOVER types with the gold type (event accuracy is read off it);
    `source_action` compares contract actions where the gold names one (our own cases).
    """
    events = _events(result)
    gold_event = {gold.event} if gold.event else set()
    scores = {
        "source_event": Comparison.of(((code(s.actor), s.plover) for s in events),
                                      ((code(s), e) for s in gold.source for e in gold_event)),
        "event_type": Comparison.of((s.plover for s in result.statements if not s.negated), gold_event),
    }
    if gold.action is not None:
        scores["source_action"] = Comparison.of(((s.actor, s.action) for s in events),
                                                ((s, gold.action) for s in gold.source))
    return scores


@dataclass(frozen=True)
class Accuracy:
    """Event type accuracy: of the sentences with a gold event and at least one predicted event, how many
    have the gold type among their predicted types. `sentences` counts all sentences with a gold event."""

    correct: int = 0
    predicted: int = 0
    sentences: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def coverage(self) -> float:
        return self.predicted / self.sentences if self.sentences else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.accuracy, 4), "coverage": round(self.coverage, 4),
                "correct": self.correct, "predicted": self.predicted, "sentences": self.sentences}


def event_accuracy(comparisons: Iterable[Comparison]) -> Accuracy:
    """Accuracy over the `event_type` comparisons of many sentences."""
    correct = predicted = sentences = 0
    for c in comparisons:
        if not c.gold:
            continue
        sentences += 1
        if c.predicted:
            predicted += 1
            correct += bool(c.predicted & c.gold)
    return Accuracy(correct, predicted, sentences)
