"""`Store`: one database of analysed articles; what `parley.open(db)` returns."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ParleyError
from ..models import ArticleAnalysis
from ..sources import SourceDocument
from ..settings import defaults
from .database import open_engine, resolve_url
from .dedupe import NearDuplicates
from .export import export_tables
from .ingest import IngestSummary, Ingestor
from .queries import Queries

if TYPE_CHECKING:
    from ..pipeline import Analyzer


class Store(Queries):
    """Ingest into and query one store (SQLite file or PostgreSQL URL); the schema is migrated on open."""

    def __init__(self, db: str | Path | None = None) -> None:
        self.url = resolve_url(db)
        super().__init__(open_engine(db))
        self._ingestor: Ingestor | None = None

    def ingest(self, items: Iterable[SourceDocument | ParleyError], analyzer: Analyzer | None = None,
               progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
        """Analyse and store new articles (read with `parley.sources.read_paths`); see `IngestSummary`."""
        from ..pipeline import Analyzer

        return self._ingest_state().run(items, analyzer or Analyzer(), progress)

    def _ingest_state(self) -> Ingestor:
        """What the store holds (keys, hashes, signatures), loaded on the first ingest."""
        if self._ingestor is None:
            store = defaults("store")
            self._ingestor = Ingestor(self.engine, NearDuplicates(**store["near_duplicates"]),
                                      store["analysis_time_limit"])
        return self._ingestor

    def add(self, analyses: Iterable[ArticleAnalysis | ParleyError],
            progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
        """Store finished analyses (e.g. from `parley analyze --json`) without re-analysing them."""
        return self._ingest_state().add(analyses, progress)

    def export(self, fmt: str, tables: list[str] | None = None, out: str | Path = "export") -> list[Path]:
        """Write tables to files; returns their paths."""
        return export_tables(self.engine, fmt, tables, Path(out))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
