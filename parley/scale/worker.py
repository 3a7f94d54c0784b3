"""What runs inside a worker process (a local process or a Dask worker): one Analyzer per job, loaded on first use
and kept for the life of the process, and the task that analyses one batch of articles."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache

from ..dossier import Dossier
from ..models import ArticleAnalysis
from ..pipeline import Analyzer
from ..settings import Settings
from ..sources import SourceDocument

_LOCK = threading.Lock()   # a Dask worker may run tasks in several threads; one spaCy pipeline serves one at a time


class AnalysisFailed(Exception):
    """One article failed in a worker; carries the original error's type and message back to the client."""


@dataclass(frozen=True)
class Job:
    """What a worker needs to build the same Analyzer as the client: the dossier (sent whole, not as a path the
    worker may not have) and the settings."""

    dossier: Dossier | None
    settings: Settings

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.dossier.model_dump_json() if self.dossier else None, self.settings.model_dump_json())


def analyzer_for(job: Job) -> Analyzer:
    """The process's Analyzer for this job, built once."""
    return _cached(job.key)


@cache
def _cached(key: tuple[str | None, str]) -> Analyzer:
    dossier, settings = key
    return Analyzer(Dossier.model_validate_json(dossier) if dossier else None, Settings.model_validate_json(settings))


def analyse_batch(job: Job, documents: list[SourceDocument]) -> list[ArticleAnalysis | AnalysisFailed]:
    """Analyses in input order; if the batch breaks, each article again alone so only the bad one fails."""
    analyzer = analyzer_for(job)
    with _LOCK:
        try:
            return list(analyzer.analyze_many(documents))
        except Exception:  # noqa: BLE001  (one bad article must not fail its neighbours)
            return [_one(analyzer, document) for document in documents]


def _one(analyzer: Analyzer, document: SourceDocument) -> ArticleAnalysis | AnalysisFailed:
    try:
        return analyzer.analyze(document)
    except Exception as exc:  # noqa: BLE001
        return AnalysisFailed(f"{type(exc).__name__}: {exc}")
