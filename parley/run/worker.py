"""What runs inside a worker process (a local process or a Dask worker): one Analyzer per job, loaded on first use
and kept for the life of the process, and the task that analyses one batch of articles."""
from __future__ import annotations

from dataclasses import dataclass

from ..dossier import Dossier
from ..errors import ParleyError
from ..models import ArticleAnalysis
from ..pipeline import SHARED_LOCK, Analyzer, shared_analyzer
from ..settings import Settings
from ..sources import SourceDocument


@dataclass(frozen=True)
class Job:
    """What a worker needs to build the same Analyzer as the client: the dossier (sent whole, not as a path the
    worker may not have) and the settings."""

    dossier: Dossier | None
    settings: Settings


def analyzer_for(job: Job) -> Analyzer:
    """The process's Analyzer for this job, built once."""
    return shared_analyzer(job.dossier, job.settings)


def analyse_batch(job: Job, documents: list[SourceDocument]) -> list[ArticleAnalysis | ParleyError]:
    """Analyses in input order, a ParleyError in place of an article that failed."""
    with SHARED_LOCK:   # a Dask worker may run tasks in several threads
        return list(analyzer_for(job).analyze_each(documents))
