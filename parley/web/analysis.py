"""Analysis behind the dashboard, so that it degrades and never hangs: a few worker processes, each stopped at the
time limit (parley.run.bounded, loaded on first use, so the dashboard itself imports no spaCy), a bounded number of
requests running or waiting (more get 503 at once), a wait for a free worker that ends in 503, and a per-client
rate limit on analysis requests (429)."""
from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from queue import Empty, Queue

from fastapi import HTTPException

from ..errors import ParleyError
from ..models import ArticleAnalysis
from ..sources import SourceDocument


class AnalysisPool:
    """`workers` bounded worker processes for the dossier, started on first use."""

    def __init__(self, dossier: object, workers: int, queue: int, wait: float) -> None:
        self.dossier = dossier
        self.workers = workers
        self.wait = wait
        self._admitted = threading.BoundedSemaphore(queue)
        self._idle: Queue = Queue()
        self._started = False
        self._lock = threading.Lock()
        self.job: object = None

    def _start(self) -> None:
        with self._lock:
            if self._started:
                return
            from ..run.bounded import BoundedWorker
            from ..run.worker import Job
            from ..settings import Settings

            self.job = Job(self.dossier, Settings())
            for _ in range(self.workers):
                worker = BoundedWorker(self.job)
                worker.start()
                self._idle.put(worker)
            self._started = True

    @contextmanager
    def borrow(self) -> Iterator:
        """A free worker for the block; 503 at once when `queue` requests are in, or after `wait` seconds."""
        self._start()
        if not self._admitted.acquire(blocking=False):
            raise HTTPException(503, "too many analyses at once; try again shortly", headers={"Retry-After": "5"})
        try:
            try:
                worker = self._idle.get(timeout=self.wait)
            except Empty:
                raise HTTPException(503, f"no analysis worker free within {self.wait:g} s; try again shortly",
                                    headers={"Retry-After": "5"}) from None
            try:
                yield worker
            finally:
                self._idle.put(worker)
        finally:
            self._admitted.release()

    def analyze(self, document: SourceDocument) -> ArticleAnalysis | ParleyError:
        """The analysis, or its coded error (E090 when stopped at the limit)."""
        from ..run.bounded import analyse_bounded

        with self.borrow() as worker:
            return analyse_bounded(worker, [document])[0]

    def analyzer(self, worker: object) -> object:
        """An Analyzer (for `Store.ingest`) over a borrowed worker."""
        from ..run.bounded import BoundedAnalyzer

        return BoundedAnalyzer(self.job, worker=worker)


class RateLimit:
    """At most `per_minute` requests per client in any sliding minute."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: defaultdict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            seen = self._seen[client]
            while seen and seen[0] <= now - 60:
                seen.popleft()
            if len(seen) >= self.per_minute:
                retry = int(seen[0] + 60 - now) + 1
                raise HTTPException(429, f"at most {self.per_minute} analyses a minute per client; "
                                         f"try again in {retry} s", headers={"Retry-After": str(retry)})
            seen.append(now)
