"""The throughput benchmark: raw spaCy with its full pipeline against parley end to end, on the same articles in the
same process, with peak memory and the eval scores with and without the speed-ups (so speed never buys a silent
loss of accuracy)."""
from __future__ import annotations

import resource
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

from ..errors import ParleyError
from ..settings import Settings
from ..sources import SourceDocument, read_paths
from .runners import TASK_SIZE, open_analyzer

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "bulk" / "bbc-2005.jsonl"
GOLD = [SHARED / "eval" / "seed.gold.json", SHARED / "eval" / "dev", SHARED / "eval" / "plover" / "gsr-dev.jsonl"]


@dataclass
class Pass:
    """One timed pass over the articles."""

    name: str
    articles: int
    seconds: float
    cpu_seconds: float

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


@dataclass
class BenchResult:
    corpus: str
    raw: Pass | None = None
    parley: Pass | None = None
    statements: int | None = None        # found, without --store
    stored: int | None = None            # articles stored, with --store
    parsed_share: float | None = None     # tokens the parser saw, of all tokens (one-process selective runs)
    peak_rss_mib: float = 0.0            # of the parley pass (run first), loading included
    eval: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)   # group → measure → {full, fast}

    @property
    def ratio(self) -> float | None:
        return self.parley.rate / self.raw.rate if self.raw and self.parley and self.raw.rate else None

    def as_dict(self) -> dict:
        data = asdict(self)
        for name in ("raw", "parley"):
            if getattr(self, name):
                data[name]["rate"] = getattr(self, name).rate
        data["ratio"] = self.ratio
        return data


def documents(corpus: Path, n: int) -> Iterator[SourceDocument]:
    """The first `n` readable articles of the corpus, read lazily."""
    readable = (item for item in read_paths([corpus]) if not isinstance(item, ParleyError))
    return islice(readable, n)


def _timed(name: str, articles: int, run) -> Pass:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return Pass(name, articles, time.perf_counter() - wall, time.process_time() - cpu)


def raw_spacy(corpus: Path, n: int, model: str) -> Pass:
    """spaCy as installed, every component on, `nlp.pipe` with its own batch size: the baseline."""
    import spacy

    nlp = spacy.load(model)
    texts = [document.text for document in documents(corpus, n)]
    return _timed("raw spaCy (full pipeline)", len(texts), lambda: sum(1 for _ in nlp.pipe(texts)))


def parley_end_to_end(result: BenchResult, corpus: Path, n: int, *, workers: int = 1, dask: str | None = None,
                      store: bool = False) -> None:
    """Clean, extract, positions (and with `store` into a fresh SQLite file), streaming over the corpus."""
    with open_analyzer(None, Settings(), workers=workers, dask=dask) as analyzer, \
            tempfile.TemporaryDirectory() as tmp:
        list(analyzer.analyze_many(documents(corpus, TASK_SIZE * max(workers, 2))))   # warm up every worker
        counted = {"articles": 0}

        def counting() -> Iterator[SourceDocument]:
            for document in documents(corpus, n):
                counted["articles"] += 1
                yield document

        if store:
            from ..store import Store

            def run() -> None:
                with Store(Path(tmp) / "bench.db") as db:
                    result.stored = db.ingest(counting(), analyzer).stored
        else:
            def run() -> None:
                result.statements = sum(len(getattr(a, "statements", ())) for a in analyzer.analyze_many(counting()))

        label = "parley end to end" + (" into SQLite" if store else "") + (
            f" on Dask {dask}" if dask else f", {workers} processes" if workers > 1 else "")
        selective = getattr(getattr(analyzer, "extractor", None), "selective", None)
        before = (selective.tokens, selective.parsed) if selective else None
        timed = _timed(label, 0, run)
        timed.articles = counted["articles"]
        result.parley = timed
        if selective and before and selective.tokens > before[0]:
            result.parsed_share = (selective.parsed - before[1]) / (selective.tokens - before[0])


def eval_scores(gold: list[Path]) -> dict[str, dict[str, dict[str, float]]]:
    """Every eval figure per group, with full parsing (`full`) and with selective parsing (`fast`)."""
    from ..evaluation import Evaluation, groups_of

    groups = groups_of(path for path in gold if path.exists())
    scores: dict[str, dict[str, dict[str, float]]] = {}
    for mode, selective in (("full", False), ("fast", True)):
        for group in Evaluation(Settings(selective_parsing=selective)).run(groups):
            for measure, value in group.figures().items():
                scores.setdefault(group.name, {}).setdefault(measure, {})[mode] = value
    return scores


def peak_rss_mib() -> float:
    """This process's peak resident memory (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_benchmark(corpus: Path = CORPUS, n: int = 500, *, raw: bool = True, store: bool = False, workers: int = 1,
                  dask: str | None = None, gold: list[Path] | None = None) -> BenchResult:
    result = BenchResult(str(corpus))
    parley_end_to_end(result, corpus, n, workers=workers, dask=dask, store=store)
    result.peak_rss_mib = peak_rss_mib()   # parley first: the process's peak so far is parley's own
    if raw:
        result.raw = raw_spacy(corpus, n, Settings().model)
    if gold:
        result.eval = eval_scores(gold)
    return result
