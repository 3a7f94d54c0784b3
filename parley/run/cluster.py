"""Analysis on a dask.distributed cluster: an existing one (its scheduler address) or a LocalCluster (`local:N`).

Workers load the pipeline once: a WorkerPlugin builds the Analyzer when a worker joins, and the worker module keeps
it for every later task. Results come back to the client, which stores them. Workers need parley and the spaCy
model installed (docs/scale.md).
"""
from __future__ import annotations

import time
from concurrent.futures import Future

import dask
from distributed import Client, LocalCluster, WorkerPlugin

from ..errors import E, ParleyError
from ..sources import SourceDocument
from .runners import ONE_THREAD, ParallelAnalyzer
from .worker import Job, analyse_batch, analyzer_for


# Dask starts its workers with MALLOC_TRIM_THRESHOLD_=65536, so that the memory they free goes back to the system at
# once; setting it also turns off glibc's own tuning of when to map memory, and the arrays the models allocate per
# batch were mapped and unmapped each time. On 500 BBC articles in tasks of 16 a worker took 11.1 CPU s with it and
# 9.3-9.6 without (peak RSS 341 vs 348 MiB): its LocalCluster workers start without it.
KEEP_MALLOC = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


class LoadPipeline(WorkerPlugin):
    """Build the job's Analyzer on every worker as it starts, before any task arrives."""

    name = "parley-pipeline"

    def __init__(self, job: Job) -> None:
        self.job = job

    def setup(self, worker) -> None:
        analyzer_for(self.job)


def connect(address: str) -> tuple[Client, LocalCluster | None]:
    """A client of the cluster at `address`, or of a new LocalCluster for `local:N`."""
    if address.startswith("local:"):
        count = address.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ParleyError(E.E070, address=address)
        with dask.config.set(KEEP_MALLOC):
            cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True,
                                   dashboard_address=":0", env=ONE_THREAD)
        return Client(cluster), cluster
    try:
        return Client(address, timeout="20s"), None
    except OSError as exc:
        raise ParleyError(E.E071, address=address, reason=str(exc)) from exc


class DaskAnalyzer(ParallelAnalyzer):
    def __init__(self, job: Job, address: str) -> None:
        self.client, self.cluster = connect(address)
        self.client.register_plugin(LoadPipeline(job))
        threads = sum(w["nthreads"] for w in self.client.scheduler_info()["workers"].values())
        super().__init__(job, max(threads, 1))

    def submit(self, documents: list[SourceDocument]) -> Future:
        return self.client.submit(analyse_batch, self.job, documents, pure=False)

    def worker_cpu_seconds(self) -> list[float]:
        """The CPU seconds each worker process has used so far (`parley bench` reports them per worker)."""
        return [seconds for _, seconds in sorted(self.client.run(time.process_time).items())]

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
