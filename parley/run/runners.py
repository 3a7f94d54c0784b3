"""Parallel analysis that stands in for an `Analyzer`: `analyze_many` sends batches of articles to worker processes
and yields their results in input order, so `Store.ingest` (dedupe, dates, one transaction per article) runs
unchanged on the client and the store ends up as a one-process run leaves it.

A failed article comes back as a ParleyError in its place, which the ingest records as that article's error.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from itertools import batched, islice
from pathlib import Path
from queue import Queue

from ..dossier import Dossier, load_dossier
from ..errors import E, ParleyError, needs_extra
from ..models import ArticleAnalysis
from ..pipeline import BatchAnalysis
from ..settings import Settings, defaults
from ..sources import SourceDocument
from .bounded import TIME_LIMIT, BoundedAnalyzer, BoundedWorker, analyse_bounded
from .worker import Job, analyzer_for

TASK_SIZE = defaults("run")["task_size"]
CHUNKS_PER_WORKER = defaults("run")["chunks_per_worker"]
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class ParallelAnalyzer(BatchAnalysis):
    """The Analyzer interface over some workers; subclasses say how a task is submitted."""

    works_ahead = 1

    def __init__(self, job: Job, workers: int) -> None:
        self.job = job
        self.workers = workers
        # The ingest hands over `settings.batch_size` articles at a time: enough for every worker.
        self.settings = job.settings.model_copy(update={"batch_size": TASK_SIZE * CHUNKS_PER_WORKER * workers})

    @property
    def dossier(self) -> Dossier | None:
        """The dossier the workers read with (as `Analyzer.dossier`: the store files the articles under it)."""
        return self.job.dossier

    def submit(self, documents: list[SourceDocument]) -> Future:
        raise NotImplementedError

    def analyze(self, document: SourceDocument) -> ArticleAnalysis | ParleyError:
        return next(self.analyze_many([document]))

    def analyze_many(self, documents: Iterable[SourceDocument]) -> Iterator[ArticleAnalysis | ParleyError]:
        """Results in input order, with at most a few tasks per worker in flight (memory stays flat)."""
        return self._in_order(documents, None)

    def analyze_each(self, documents: Iterable[SourceDocument],
                     guard: Callable[[], AbstractContextManager] = nullcontext) -> Iterator[ArticleAnalysis | ParleyError]:
        """As `analyze_many`, each task's results handed out as soon as it is back (the ingest stores them while
        later tasks run); a task that fails, or outlasts the guard, is done again article by article."""
        return self._in_order(documents, guard)

    def _in_order(self, documents: Iterable[SourceDocument],
                  guard: Callable[[], AbstractContextManager] | None) -> Iterator[ArticleAnalysis | ParleyError]:
        """The first tasks are submitted now, not when the results are first asked for: an ingest starts its
        next chunk this way before it stores the chunk before (`works_ahead`)."""
        stream = map(list, batched(documents, TASK_SIZE))
        pending = deque((batch, self.submit(batch)) for batch in islice(stream, CHUNKS_PER_WORKER * self.workers))
        return self._collect(pending, stream, guard)

    def _collect(self, pending: deque[tuple[list[SourceDocument], Future]], stream: Iterator[list[SourceDocument]],
                 guard: Callable[[], AbstractContextManager] | None) -> Iterator[ArticleAnalysis | ParleyError]:
        while pending:
            batch, task = pending.popleft()
            if (more := next(stream, None)) is not None:
                pending.append((more, self.submit(more)))
            if guard is None:
                yield from task.result()
                continue
            try:
                with guard():
                    results = task.result()
            except Exception:  # noqa: BLE001  (one bad article must not stop the task)
                results = list(self.one_by_one(batch, guard))
            yield from results

    def close(self) -> None:
        raise NotImplementedError


class LocalAnalyzer(ParallelAnalyzer):
    """N local worker processes, each loading the pipeline once and stopped when a task overruns its time limit
    (parley.run.bounded); a thread per worker waits on it."""

    def __init__(self, job: Job, workers: int) -> None:
        super().__init__(job, workers)
        os.environ.update(ONE_THREAD)   # inherited by the workers: one BLAS thread each, no oversubscription
        self.idle: Queue[BoundedWorker] = Queue()
        for _ in range(workers):
            worker = BoundedWorker(job)
            worker.start()
            self.idle.put(worker)
        self.threads = ThreadPoolExecutor(workers)

    def submit(self, documents: list[SourceDocument]) -> Future:
        return self.threads.submit(self._run, documents)

    def _run(self, documents: list[SourceDocument]) -> list[ArticleAnalysis | ParleyError]:
        worker = self.idle.get()
        try:
            return analyse_bounded(worker, documents)
        finally:
            self.idle.put(worker)

    def close(self) -> None:
        self.threads.shutdown(cancel_futures=True)
        while not self.idle.empty():
            self.idle.get().stop()


def job_for(dossier: Dossier | str | Path | None, settings: Settings | None = None) -> Job:
    return Job(load_dossier(dossier) if isinstance(dossier, (str, Path)) else dossier, settings or Settings())


@contextmanager
def open_analyzer(dossier: Dossier | str | Path | None = None, settings: Settings | None = None, workers: int = 1,
                  dask: str | None = None, bounded: bool = True) -> Iterator:
    """An Analyzer in one worker process stopped at the time limit (`bounded`, and a limit is set; else this
    process's own), or a parallel one: `workers` local processes, or a Dask cluster (`dask` is a scheduler address,
    or `local:N` for a LocalCluster of N one-thread worker processes)."""
    if workers < 1 or (workers > 1 and dask):
        raise ParleyError(E.E072, workers=workers)
    job = job_for(dossier, settings)
    if dask:
        with needs_extra("dask", "--dask"):
            from .cluster import DaskAnalyzer

        runner: ParallelAnalyzer | BoundedAnalyzer = DaskAnalyzer(job, dask)
    elif workers > 1:
        runner = LocalAnalyzer(job, workers)
    elif bounded and TIME_LIMIT:
        runner = BoundedAnalyzer(job)
    else:
        yield analyzer_for(job)
        return
    try:
        yield runner
    finally:
        runner.close()
