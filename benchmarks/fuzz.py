"""The robustness campaign: seeded hostile and random inputs through the readers and the bounded analysis.

Every input goes the way a user's goes: raw text through `read_text` (plain or HTML), or a JSON Lines record
through `read_jsonl`, then through one analysis worker process with the time limit (parley.run.bounded). An input
passes when it ends, within the limit plus a margin, as an analysis whose offsets point into its own text, or as
a coded ParleyError of the readers or the limit (E090). E053 (an exception inside the analysis) and E091 (the
worker died) count as uncaught; so does any exception out of a reader.

    .venv/bin/python -m benchmarks.fuzz --inputs 10000 --seed 1     (or: make fuzz)

It prints the outcome table that docs/robustness.md keeps.

`tests/fuzz/test_fuzz_campaign.py` runs it in CI on a small budget.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from parley.errors import ParleyError
from parley.models import ArticleAnalysis
from parley.run.bounded import TIME_LIMIT, BoundedWorker, analyse_bounded
from parley.run.runners import job_for
from parley.sources import read_text
from parley.sources.jsonl import read_jsonl

MARGIN = 10.0   # seconds past the limit that count as a hang (stopping and restarting the worker takes a few)
SENTENCES = ["Russia said \"no\".", "Norway rejected the proposal, the minister said.", "«Nous refusons», a dit Paris.",
             "Iceland will only accept a deal if Norway withdraws its boats.", "The union's terms include a bonus."]
MARKS = "\"“”«»„'’()[]{}!?.,;:-–—…*#@/\\|<>&%$^~`"


def _quote_bomb(r: random.Random) -> str:
    return r.choice(["", "Russia said "]) + r.choice(MARKS) * r.randint(100, 50_000) + r.choice(["", " now."])


def _punctuation_bomb(r: random.Random) -> str:
    return " ".join("".join(r.choice(MARKS) for _ in range(r.randint(1, 3000))) for _ in range(r.randint(1, 20)))


def _surrogates(r: random.Random) -> str:
    return r.choice(SENTENCES) + chr(r.randint(0xD800, 0xDFFF)) + r.choice(SENTENCES)


def _nuls(r: random.Random) -> str:
    return r.choice(["", r.choice(SENTENCES)]) + "\x00" * r.randint(1, 200)


def _random_unicode(r: random.Random) -> str:
    return "".join(chr(r.choice([r.randint(0x20, 0x7E), r.randint(0xA0, 0xD7FF), r.randint(0xE000, 0x10FFFF)]))
                   for _ in range(r.randint(1, 2000)))


def _prose(r: random.Random) -> str:
    return " ".join(r.choice(SENTENCES) for _ in range(r.randint(1, 100)))


def _quoted_prose(r: random.Random) -> str:
    return 'Russia said "no". ' * r.randint(1, 2000)


def _html(r: random.Random) -> str:
    body = "".join(f"<p>{r.choice(SENTENCES)}</p>" for _ in range(r.randint(1, 50)))
    return f"<!doctype html><html><head><title>t</title></head><body>{r.choice(['', '<div>' * 500])}{body}</body></html>"


def _jsonl(r: random.Random) -> str:
    record: dict = {"text": r.choice([_prose(r), _surrogates(r), "", 5, None, _quote_bomb(r)])}
    if r.random() < 0.5:
        record["id"] = r.choice(["a", "\ud800", 7, None, "x" * 1000])
    return json.dumps(record) if r.random() < 0.9 else json.dumps(record)[: r.randint(0, 40)]


def _line_5mb(r: random.Random) -> str:
    return (r.choice(SENTENCES) + " ") * (5_000_000 // 40)


def _text_20mb(r: random.Random) -> str:
    return "\n".join(r.choice(SENTENCES) for _ in range(20_000_000 // 40))


# class name → (generator, weight); JSON Lines inputs go through read_jsonl, the rest through read_text
CLASSES: dict[str, tuple[Callable[[random.Random], str], float]] = {
    "quote bomb": (_quote_bomb, 10), "punctuation bomb": (_punctuation_bomb, 10), "surrogates": (_surrogates, 10),
    "NULs": (_nuls, 10), "random unicode": (_random_unicode, 20), "prose": (_prose, 15),
    "quoted prose": (_quoted_prose, 3), "HTML": (_html, 10), "JSON Lines": (_jsonl, 12),
    "5 MB line": (_line_5mb, 0.03), "20 MB text": (_text_20mb, 0.03),
}


@dataclass
class Outcome:
    inputs: int = 0
    analysed: int = 0
    coded: Counter = field(default_factory=Counter)
    uncaught: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    offsets_checked: int = 0
    offsets_wrong: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    per_class: Counter = field(default_factory=Counter)


def inputs(count: int, seed: int) -> Iterator[tuple[str, str]]:
    """(class, input) pairs; each of the two huge classes at least once in a campaign of 1,000 or more."""
    r = random.Random(seed)
    names, weights = list(CLASSES), [w for _, w in CLASSES.values()]
    forced = ["5 MB line", "20 MB text"] if count >= 1000 else []
    for number in range(count):
        name = forced[number] if number < len(forced) else r.choices(names, weights)[0]
        yield name, CLASSES[name][0](r)


def _read(name: str, raw: str, label: str) -> list:
    if name == "JSON Lines":
        return list(read_jsonl([raw], label))
    try:
        return [read_text(raw, label)]
    except ParleyError as exc:
        return [exc]


def _check_offsets(result: ArticleAnalysis, label: str, outcome: Outcome) -> None:
    for item in [*result.statements, *result.quotes]:
        outcome.offsets_checked += 1
        if not (0 <= item.start <= item.end <= len(result.text)) or result.text[item.start:item.end] != item.text:
            outcome.offsets_wrong.append(f"{label}: {item.start}-{item.end}")


def campaign(count: int, seed: int, limit: float = TIME_LIMIT) -> Outcome:
    outcome = Outcome()
    worker = BoundedWorker(job_for(None), limit)
    try:
        for number, (name, raw) in enumerate(inputs(count, seed)):
            label = f"#{number} ({name})"
            outcome.inputs += 1
            outcome.per_class[name] += 1
            worker.ready()   # after a stop, the worker's reload is not the next input's time
            started = time.perf_counter()
            try:
                items = _read(name, raw, label)
            except Exception as exc:  # noqa: BLE001  (what the campaign is looking for)
                outcome.uncaught.append(f"{label}: {type(exc).__name__}: {exc}"[:300])
                continue
            documents = [item for item in items if not isinstance(item, ParleyError)]
            results = [*(item for item in items if isinstance(item, ParleyError)),
                       *(analyse_bounded(worker, documents) if documents else [])]
            seconds = time.perf_counter() - started
            if seconds > limit + MARGIN:
                outcome.hangs.append(f"{label}: {seconds:.1f} s")
            outcome.slowest = max(outcome.slowest, (seconds, label))
            for result in results:
                if isinstance(result, ArticleAnalysis):
                    outcome.analysed += 1
                    _check_offsets(result, label, outcome)
                elif result.code in ("E053", "E091"):
                    outcome.uncaught.append(f"{label}: {result}"[:300])
                else:
                    outcome.coded[result.code] += 1
    finally:
        worker.stop()
    return outcome


def table(outcome: Outcome, seed: int, limit: float) -> str:
    coded = ", ".join(f"{code} {n}" for code, n in sorted(outcome.coded.items()))
    classes = ", ".join(f"{name} {n}" for name, n in outcome.per_class.items())
    rows = [("inputs", outcome.inputs), ("by class", classes), ("analysed", outcome.analysed),
            ("coded errors", coded or "0"), ("uncaught exceptions (incl. E053, E091)", len(outcome.uncaught)),
            (f"hangs past the limit ({limit:g} s + {MARGIN:g} s)", len(outcome.hangs)),
            ("offsets checked (statements and quotes)", outcome.offsets_checked),
            ("offsets wrong", len(outcome.offsets_wrong)),
            ("slowest input", f"{outcome.slowest[0]:.1f} s, {outcome.slowest[1]}")]
    lines = [f"| measure (seed {seed}) | value |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)]
    for title, found in (("uncaught", outcome.uncaught), ("hangs", outcome.hangs), ("offsets", outcome.offsets_wrong)):
        lines += [f"- {title}: {entry}" for entry in found[:20]]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=TIME_LIMIT)
    args = parser.parse_args()
    started = time.perf_counter()
    outcome = campaign(args.inputs, args.seed, args.limit)
    print(table(outcome, args.seed, args.limit))
    print(f"campaign time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
