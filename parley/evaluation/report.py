"""Show evaluation figures: Rich tables per group, false positives/negatives per item, or JSON."""
from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .runner import GroupScore, ItemScore


def _kinds(group: GroupScore) -> str:
    articles = sum(i.kind == "article" for i in group.items)
    sentences = len(group.items) - articles
    return ", ".join(f"{n} {word}{'s' if n != 1 else ''}"
                     for n, word in ((articles, "article"), (sentences, "sentence")) if n)


def group_table(group: GroupScore, floors: dict[str, float] | None = None) -> Table:
    """One row per measure; with floors, a floor column and the F1 in red where it falls below."""
    table = Table(title=f"{group.name} ({_kinds(group)})", title_justify="left")
    for column in ("measure", "P", "R", "F1", "TP", "FP", "FN", *(["floor"] if floors else [])):
        table.add_column(column, justify="left" if column == "measure" else "right")
    floors = floors or {}

    def score(measure: str, value: float) -> Text:
        below = measure in floors and value < floors[measure]
        return Text(f"{value:.3f}", style="bold red" if below else "")

    def floor(measure: str) -> list[str]:
        return [f"{floors[measure]:.3f}" if measure in floors else ""] if floors else []

    measures = group.measures()
    for measure, counts in measures.items():
        table.add_row(measure, f"{counts.precision:.3f}", f"{counts.recall:.3f}", score(measure, counts.f1),
                      str(counts.tp), str(counts.fp), str(counts.fn), *floor(measure))
    captions = []
    clutter = measures.get("boilerplate")
    if clutter is not None and clutter.tp + clutter.fn:
        # Every line of a page is clutter or article: a line dropped that the gold does not call clutter is article.
        captions.append(f"boilerplate: {clutter.tp} of {clutter.tp + clutter.fn} clutter lines found (R), "
                        f"{clutter.fp} article lines dropped as clutter (FP)")
    accuracy = group.accuracy()
    if accuracy is not None:
        table.add_row("event_accuracy", "", "", score("event_accuracy", accuracy.accuracy), str(accuracy.correct),
                      str(accuracy.predicted - accuracy.correct), "", *floor("event_accuracy"))
        captions.append(f"event_accuracy: TP = gold type predicted, FP = not, over the {accuracy.predicted} of "
                        f"{accuracy.sentences} sentences with a gold event where parley predicts any")
    if captions:
        table.caption = "\n".join(captions)
        table.caption_justify = "left"
    return table


def _show(key: object) -> str:
    return " ".join("·" if part is None else str(part) for part in key) if isinstance(key, tuple) else str(key)


def item_details(console: Console, item: ItemScore) -> None:
    """The false positives and negatives of one item, measure by measure; silent when it scored perfectly."""
    misses = {name: c for name, c in item.comparisons.items() if c.predicted != c.gold}
    if not misses:
        return
    console.print(Text(f"{item.kind} {item.id}", style="bold"), Text(item.text, style="italic") if item.text else "")
    for name, comparison in misses.items():
        for label, keys in (("FP", comparison.false_positives), ("FN", comparison.false_negatives)):
            if keys:
                console.print(f"  {name:<14} {label}: " + "; ".join(_show(k) for k in keys), highlight=False,
                              markup=False)


def as_json(groups: list[GroupScore], details: bool = False) -> str:
    """All figures as one JSON object; with details, each item's false positives and negatives too."""
    result: dict = {"groups": {g.name: g.as_dict() for g in groups}}
    if details:
        for group in groups:
            result["groups"][group.name]["details"] = [
                {"id": item.id, "kind": item.kind,
                 "measures": {name: {"fp": c.false_positives, "fn": c.false_negatives}
                              for name, c in item.comparisons.items() if c.predicted != c.gold}}
                for item in group.items]
    return json.dumps(result, ensure_ascii=False, indent=2)


def calibration_table(group: GroupScore) -> Table:
    """Precision per confidence band: a calibrated parley is right about as often as it says."""
    table = Table(title=f"{group.name}: calibration", title_justify="left")
    for column in ("confidence", "statements", "right", "precision"):
        table.add_column(column, justify="right")
    for bucket in group.calibration():
        table.add_row(f"[{bucket.low:.1f}, {bucket.high:.1f})", str(bucket.total), str(bucket.right),
                      f"{bucket.precision:.2f}")
    return table
