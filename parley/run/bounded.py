"""Analysis with a deadline: a worker process that is stopped when a call overruns.

spaCy and the rules run C code that neither a signal nor a thread can interrupt, so the only way to bound the work
one article costs is to run it in a process of its own and kill that process when the time is up. `BoundedWorker`
is that process (started once, loading the pipeline once, started afresh after a kill); `analyse_bounded` gives a
batch the limit, and on overrun each of its articles the limit alone, so only the article that overruns fails,
with E090. `BoundedAnalyzer` is the one-process Analyzer of `parley analyze` and `parley ingest`; the local runners
and the dashboard keep several workers.
"""
from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from itertools import islice
from multiprocessing.connection import Connection

from ..errors import E, ParleyError
from ..models import ArticleAnalysis
from ..pipeline import BatchAnalysis
from ..settings import defaults
from ..sources import SourceDocument
from .worker import Job, analyse_batch, analyzer_for

TIME_LIMIT = defaults("run")["time_limit"]
Result = ArticleAnalysis | ParleyError


class Overrun(Exception):
    """A call to the worker did not finish in time, or its process died (`died`): the process is gone."""

    def __init__(self, reason: str, died: bool = False) -> None:
        super().__init__(reason)
        self.died = died


def _serve(connection: Connection, job: Job) -> None:
    """The worker process: load the pipeline, say so (or send the error that stopped it), then analyse batches.
    Ctrl-C is the parent's to handle: it stops this process when it stops."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        analyzer_for(job)
    except ParleyError as exc:
        connection.send(exc)
        return
    connection.send(None)
    while True:
        try:
            documents = connection.recv()
        except (EOFError, ConnectionResetError):   # the parent has gone (closed, or exited without closing)
            return
        connection.send(analyse_batch(job, documents))


class BoundedWorker:
    """One worker process for a job; each call may take `limit` seconds (0: no limit) beyond loading."""

    def __init__(self, job: Job, limit: float = TIME_LIMIT) -> None:
        self.job = job
        self.limit = limit
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        self._loaded = False
        self._exit_code: int | None = None

    def start(self) -> None:
        """Start the process now (it loads the pipeline while the caller goes on)."""
        if self._process is not None:
            return
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self.job), daemon=True, name="parley-analysis")
        self._process.start()
        child.close()
        self._loaded = False

    def ready(self) -> None:
        """Start the process if it is not running and wait until it has loaded the pipeline; a ParleyError from
        loading (no spaCy model) is raised."""
        self.start()
        assert self._connection is not None
        if not self._loaded:
            try:
                loaded = self._connection.recv()
            except (EOFError, OSError) as exc:
                self.stop()
                raise Overrun(f"exit code {self._exit_code}, while loading", died=True) from exc
            except BaseException:
                self.stop()
                raise
            if isinstance(loaded, ParleyError):
                self.stop()
                raise loaded
            self._loaded = True

    def run(self, documents: list[SourceDocument]) -> list[Result]:
        """The analyses of `documents`, or Overrun; a ParleyError from loading the pipeline is raised."""
        self.ready()   # loading is not the articles' time
        assert self._connection is not None
        try:
            self._connection.send(documents)
            if not self._connection.poll(self.limit or None):
                raise Overrun(f"the analysis took longer than {self.limit:g} s")
            return self._connection.recv()
        except (EOFError, OSError) as exc:   # the pipe closed (EOF), reset or broken: the process is gone
            self.stop()
            raise Overrun(f"exit code {self._exit_code}", died=True) from exc
        except BaseException:
            self.stop()   # a timeout, Ctrl-C or a signal in the caller: what the process does now is stale
            raise

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.kill()
        self._process.join()
        self._exit_code = self._process.exitcode
        self._process.close()
        assert self._connection is not None
        self._connection.close()
        self._process = self._connection = None


def source_of(document: SourceDocument) -> str:
    return document.path or document.id or "<text>"


def analyse_bounded(worker: BoundedWorker, documents: list[SourceDocument]) -> list[Result]:
    """The batch within the limit; if it overruns, each article alone within the limit (E090 for one that
    overruns alone, E091 for one whose process dies), so the others still come back."""
    try:
        return worker.run(documents)
    except Overrun as exc:
        if len(documents) == 1:
            return [_overrun(documents[0], worker, exc)]
    results: list[Result] = []
    for document in documents:
        try:
            results.extend(worker.run([document]))
        except Overrun as exc:
            results.append(_overrun(document, worker, exc))
    return results


def _overrun(document: SourceDocument, worker: BoundedWorker, exc: Overrun) -> ParleyError:
    if exc.died:
        return ParleyError(E.E091, source=source_of(document), reason=exc)
    return ParleyError(E.E090, source=source_of(document), seconds=worker.limit)


class BoundedAnalyzer(BatchAnalysis):
    """The Analyzer interface over one bounded worker process."""

    def __init__(self, job: Job, limit: float = TIME_LIMIT, worker: BoundedWorker | None = None) -> None:
        self.job = job
        self.settings = job.settings
        self.dossier = job.dossier
        self.worker = worker or BoundedWorker(job, limit)
        self.worker.start()

    def analyze(self, document: SourceDocument) -> Result:
        return analyse_bounded(self.worker, [document])[0]

    def analyze_many(self, documents: Iterable[SourceDocument]) -> Iterator[Result]:
        stream = iter(documents)
        while batch := list(islice(stream, self.settings.batch_size)):
            yield from analyse_bounded(self.worker, batch)

    def analyze_each(self, documents: Iterable[SourceDocument],
                     guard: Callable[[], AbstractContextManager] = nullcontext) -> Iterator[Result]:
        """As `analyze_many`: the worker's deadline bounds each article, so an in-process `guard` (a signal
        timer, which cannot stop C code anyway) is not needed and is not used."""
        return self.analyze_many(documents)

    def close(self) -> None:
        self.worker.stop()
