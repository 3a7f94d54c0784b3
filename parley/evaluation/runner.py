"""Run parley over gold items and score them: one `Analyzer` per dossier, shared by every group that uses it."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import E, ParleyError
from ..models import ArticleAnalysis
from ..pipeline import Analyzer
from ..settings import Settings
from ..sources import SourceDocument, read_path, read_text
from .calibration import Bucket, Judged, judge, reliability
from .gold import ArticleGold, SentenceGold, group_name, load_gold
from .scoring import Accuracy, Comparison, Counts, event_accuracy, score_article, score_sentence


@dataclass
class ItemScore:
    """The comparisons of one article or sentence, kept for `--details`."""

    id: str
    kind: str  # "article" or "sentence"
    comparisons: dict[str, Comparison]
    text: str = ""
    judged: list[Judged] = field(default_factory=list)  # (confidence, right) per statement, for calibration


@dataclass
class GroupScore:
    """All items of one gold path (seed, dev, gsr-dev, cases, ...)."""

    name: str
    items: list[ItemScore] = field(default_factory=list)

    def measures(self) -> dict[str, Counts]:
        """Micro-averaged counts per measure, in first-seen order."""
        totals: dict[str, Counts] = {}
        for item in self.items:
            for name, comparison in item.comparisons.items():
                totals[name] = totals.get(name, Counts()) + comparison.counts
        return totals

    def accuracy(self) -> Accuracy | None:
        comparisons = [i.comparisons["event_type"] for i in self.items if "event_type" in i.comparisons]
        return event_accuracy(comparisons) if comparisons else None

    def calibration(self) -> list[Bucket]:
        return reliability(j for item in self.items for j in item.judged)

    def figures(self) -> dict[str, float]:
        """Every headline figure by measure name: F1 per measure, and `event_accuracy` (what floors pin)."""
        figures = {name: counts.f1 for name, counts in self.measures().items()}
        accuracy = self.accuracy()
        if accuracy is not None:
            figures["event_accuracy"] = accuracy.accuracy
        return figures

    def as_dict(self) -> dict:
        result = {"items": len(self.items),
                  "measures": {name: counts.as_dict() for name, counts in self.measures().items()}}
        accuracy = self.accuracy()
        if accuracy is not None:
            result["event_accuracy"] = accuracy.as_dict()
        return result


def plover_code_of() -> Callable[[str], str]:
    """Map an actor id to its PLOVER actor code (IGO, NGO, ISO code) with the world gazetteer; unknown ids stay."""
    from ..extraction.gazetteer import Gazetteer

    world = Gazetteer.world()

    def code(actor_id: str) -> str:
        actor = world.actor(actor_id)
        return actor.plover if actor is not None and actor.plover else actor_id

    return code


class Evaluation:
    """Scores gold paths. Analyzers (and so spaCy and each dossier) are loaded once for the whole run."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._analyzers: dict[Path | None, Analyzer] = {}
        self._code: Callable[[str], str] | None = None

    def analyzer(self, dossier: Path | None) -> Analyzer:
        if dossier not in self._analyzers:
            self._analyzers[dossier] = Analyzer(dossier, self.settings)
        return self._analyzers[dossier]

    def code(self, actor_id: str) -> str:
        if self._code is None:
            self._code = plover_code_of()
        return self._code(actor_id)

    def run(self, groups: Mapping[str, Iterable[str | Path]],
            scored: Callable[[], None] | None = None) -> list[GroupScore]:
        """Score each named group of gold paths, in the order given; `scored()` is called after each item."""
        return [GroupScore(name, [item for path in paths for item in self.score(list(load_gold(Path(path))), scored)])
                for name, paths in groups.items()]

    def score(self, golds: Sequence[ArticleGold | SentenceGold],
              scored: Callable[[], None] | None = None) -> list[ItemScore]:
        """Score items in gold order; each dossier's items go through its analyzer as one stream."""
        by_dossier: dict[Path | None, list[int]] = defaultdict(list)
        for index, gold in enumerate(golds):
            by_dossier[gold.dossier].append(index)
        scores: dict[int, ItemScore] = {}
        for dossier, indexes in by_dossier.items():
            documents = [self._document(golds[i]) for i in indexes]
            for i, result in zip(indexes, self.analyzer(dossier).analyze_many(documents), strict=True):
                if isinstance(result, ParleyError):  # a gold article parley cannot read (E120)
                    raise result
                scores[i] = self._item(golds[i], result)
                if scored:
                    scored()
        return [scores[i] for i in range(len(golds))]

    def _item(self, gold: ArticleGold | SentenceGold, result: ArticleAnalysis) -> ItemScore:
        judged = judge(result, gold, self.code)
        if isinstance(gold, ArticleGold):
            return ItemScore(gold.id, "article", score_article(result, gold), judged=judged)
        return ItemScore(gold.id, "sentence", score_sentence(result, gold, self.code), gold.text, judged)

    @staticmethod
    def _document(gold: ArticleGold | SentenceGold) -> SourceDocument:
        if isinstance(gold, SentenceGold):
            return read_text(gold.text, gold.id)
        items = list(read_path(gold.article))
        if gold.article_id is not None:
            items = [i for i in items if not isinstance(i, ParleyError) and i.id == gold.article_id]
            if len(items) != 1:
                raise ParleyError(E.E030, path=gold.path, reason=f"its article {gold.article} holds "
                                  f"{len(items)} articles with the id {gold.article_id!r}")
        if len(items) != 1:
            raise ParleyError(E.E030, path=gold.path, reason=f"its article {gold.article} holds {len(items)} articles")
        if isinstance(items[0], ParleyError):
            raise items[0]
        return items[0]


def groups_of(paths: Iterable[str | Path]) -> dict[str, list[Path]]:
    """Name each gold path after itself (seed.gold.json -> seed, dev/ -> dev); paths with one name share a group."""
    groups: dict[str, list[Path]] = {}
    for path in map(Path, paths):
        groups.setdefault(group_name(path), []).append(path)
    return groups
