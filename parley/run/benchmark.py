"""The throughput benchmark: raw spaCy with its full pipeline against parley end to end, on the same articles in the
same process, with peak memory and the eval scores with and without the speed-ups (so speed never buys a silent
loss of accuracy)."""
from __future__ import annotations

import resource
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

from ..errors import ParleyError
from ..settings import Settings, defaults
from ..sources import SourceDocument, read_paths

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "bulk" / "bbc-2005.jsonl"
TURN = defaults("run")["bench_turn"]
GOLD = [SHARED / "eval" / "seed.gold.json", SHARED / "eval" / "dev", SHARED / "dev2-conflict" / "gold",
        SHARED / "dev2-economy" / "gold", SHARED / "eval" / "plover" / "gsr-dev.jsonl"]


@dataclass
class Pass:
    """One timed pass over the articles."""

    name: str
    articles: int
    seconds: float
    cpu_seconds: float                   # of this process
    worker_cpu_seconds: list[float] = field(default_factory=list)   # of each Dask worker process, on Dask

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
    peak_rss_mib: float = 0.0            # of the process, loading included: parley's own with raw=False
    eval: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)   # group → measure → {full, fast}

    @property
    def ratio(self) -> float | None:
        return self.parley.rate / self.raw.rate if self.raw and self.parley and self.raw.rate else None

    @property
    def cpu_ratio(self) -> float | None:
        """The ratio in CPU seconds, which other work on the machine moves less than wall clock; on Dask parley's
        seconds are the client's and its workers'."""
        spent = self.parley.cpu_seconds + sum(self.parley.worker_cpu_seconds) if self.parley else 0.0
        if not (self.raw and spent and self.raw.articles):
            return None
        return (self.raw.cpu_seconds / self.raw.articles) / (spent / self.parley.articles)

    def as_dict(self) -> dict:
        data = asdict(self)
        for name in ("raw", "parley"):
            if getattr(self, name):
                data[name]["rate"] = getattr(self, name).rate
        data["ratio"] = self.ratio
        data["cpu_ratio"] = self.cpu_ratio
        return data


def documents(corpus: Path, n: int) -> Iterator[SourceDocument]:
    """The first `n` readable articles of the corpus, read lazily."""
    readable = (item for item in read_paths([corpus]) if not isinstance(item, ParleyError))
    return islice(readable, n)


class _Clock:
    """Adds up the wall-clock and CPU time of the runs it times into one Pass; `workers()`, if given, reads the CPU
    seconds of each worker process so far (a Dask run's work is theirs, not this process's)."""

    def __init__(self, name: str, workers: Callable[[], list[float]] | None = None) -> None:
        self.done = Pass(name, 0, 0.0, 0.0)
        self.workers = workers

    def time(self, articles: int, run):
        """Time `run` over `articles` and return what it returns."""
        wall, cpu = time.perf_counter(), time.process_time()
        before = self.workers() if self.workers else []
        value = run()
        self.done.seconds += time.perf_counter() - wall
        self.done.cpu_seconds += time.process_time() - cpu
        if self.workers:
            spent = [after - start for start, after in zip(before, self.workers(), strict=True)]
            totals = self.done.worker_cpu_seconds or [0.0] * len(spent)
            self.done.worker_cpu_seconds = [a + b for a, b in zip(totals, spent, strict=True)]
        self.done.articles += articles
        return value


class _Counted:
    """A stream of documents that counts those read and calls `progress(read, rate)` every `TURN` of them."""

    def __init__(self, stream: Iterable[SourceDocument], progress: Callable[[int, float], None] | None) -> None:
        self.stream = stream
        self.progress = progress
        self.read = 0

    def __iter__(self) -> Iterator[SourceDocument]:
        start = time.perf_counter()
        for document in self.stream:
            yield document
            self.read += 1
            if self.progress and self.read % TURN == 0:
                self.progress(self.read, self.read / (time.perf_counter() - start))


def run_passes(result: BenchResult, corpus: Path, n: int, *, raw: bool, workers: int = 1, dask: str | None = None,
               store: bool = False, progress: Callable[[int, float], None] | None = None) -> None:
    """parley end to end (clean, extract, positions, and with `store` into a fresh SQLite file) and, with `raw`,
    raw spaCy: `nlp.pipe` with every component on, as installed. Both are warmed up first, then take turns on
    `TURN` articles at a time, so that a machine whose speed drifts during the run slows both alike (without raw
    spaCy parley reads them all in one pass). Every `TURN` articles, and at the end, `progress(articles, rate)` gets
    parley's figures so far."""
    from ..store import Store  # the pipeline (spaCy) and the store load when a benchmark runs, not with the CLI
    from .runners import TASK_SIZE, open_analyzer

    settings = Settings()
    # one process measures in-process (the parse share is read from its extractor); the deadline is not timed
    with open_analyzer(None, settings, workers=workers, dask=dask, bounded=False) as analyzer, ExitStack() as stack:
        warm_up = list(documents(corpus, TASK_SIZE * max(workers, 2)))
        list(analyzer.analyze_many(warm_up))   # warm up every worker
        db = stack.enter_context(Store(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "bench.db")) \
            if store else None
        baseline = None
        if raw:
            import spacy

            baseline = spacy.load(settings.model)
            list(baseline.pipe(document.text for document in warm_up))

        def found(turn: Iterable[SourceDocument]) -> int:
            """Articles stored (with `store`) or statements found in a turn."""
            if db is not None:
                return db.ingest(turn, analyzer).stored
            return sum(len(getattr(a, "statements", ())) for a in analyzer.analyze_many(turn))

        label = "parley end to end" + (" into SQLite" if store else "") + (
            f" on Dask {dask}" if dask else f", {workers} processes" if workers > 1 else "")
        parley = _Clock(label, getattr(analyzer, "worker_cpu_seconds", None))
        spacy_alone = _Clock("raw spaCy (full pipeline)")
        selective = getattr(getattr(analyzer, "extractor", None), "selective", None)
        before = (selective.tokens, selective.parsed) if selective else None
        total = 0
        stream = documents(corpus, n)
        if baseline is None:
            # alone, parley reads the stream whole: a parallel runner would wait for its slowest task at the end of
            # every turn (a turn of 100 articles in tasks of 8 was 13 tasks: one of 2 workers ran 7, the other 6)
            counted = _Counted(stream, progress)
            total = parley.time(0, lambda: found(counted))
            parley.done.articles = counted.read
            if progress:
                progress(parley.done.articles, parley.done.rate)
        else:
            while turn := list(islice(stream, TURN)):
                total += parley.time(len(turn), lambda: found(turn))
                if progress:
                    progress(parley.done.articles, parley.done.rate)
                spacy_alone.time(len(turn), lambda: sum(1 for _ in baseline.pipe(d.text for d in turn)))
        result.parley = parley.done
        result.raw = spacy_alone.done if baseline is not None else None
        result.statements, result.stored = (None, total) if store else (total, None)
        if selective and before and selective.tokens > before[0]:
            result.parsed_share = (selective.parsed - before[1]) / (selective.tokens - before[0])


def eval_scores(gold: list[Path], scored: Callable[[], None] | None = None) -> dict[str, dict[str, dict[str, float]]]:
    """Every eval figure per group, with full parsing (`full`) and with selective parsing (`fast`); `scored()` is
    called after each item of either."""
    from ..evaluation import Evaluation, groups_of

    groups = groups_of(path for path in gold if path.exists())
    scores: dict[str, dict[str, dict[str, float]]] = {}
    for mode, selective in (("full", False), ("fast", True)):
        for group in Evaluation(Settings(selective_parsing=selective)).run(groups, scored):
            for measure, value in group.figures().items():
                scores.setdefault(group.name, {}).setdefault(measure, {})[mode] = value
    return scores


def peak_rss_mib() -> float:
    """This process's peak resident memory (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_benchmark(corpus: Path = CORPUS, n: int = 500, *, raw: bool = True, store: bool = False, workers: int = 1,
                  dask: str | None = None, gold: list[Path] | None = None,
                  progress: Callable[[int, float], None] | None = None,
                  scored: Callable[[], None] | None = None) -> BenchResult:
    result = BenchResult(str(corpus))
    run_passes(result, corpus, n, raw=raw, workers=workers, dask=dask, store=store, progress=progress)
    result.peak_rss_mib = peak_rss_mib()   # before the eval; with raw spaCy loaded, the process's, not parley's
    if gold:
        result.eval = eval_scores(gold, scored)
    return result
