"""`Store`: one database of analysed articles; what `parley.open(db)` returns."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..dossier import Dossier
from ..errors import E, ParleyError
from ..models import ArticleAnalysis
from ..sources import SourceDocument
from ..settings import defaults
from .database import open_engine, resolve_url
from .dedupe import NearDuplicates
from .export import export_tables
from .ingest import IngestSummary, Ingestor
from .negotiations import WORLD, Scope, dossier_of, find_scope, open_scope, overview
from .queries import Queries

if TYPE_CHECKING:
    from ..pipeline import Analyzer


class Store(Queries):
    """Ingest into and query one store (SQLite file or PostgreSQL URL); the schema is migrated on open."""

    def __init__(self, db: str | Path | None = None, create: bool = True) -> None:
        """`create=False`: a store that does not exist yet is an error (E103), not a new empty one."""
        self.url = resolve_url(db)
        super().__init__(open_engine(db, create))
        self._ingestor: Ingestor | None = None

    def open_negotiation(self, name: str | None = None, dossier: Dossier | None = None) -> Scope:
        """The negotiation an ingest writes to (made on first use; `world` when neither is given), with `dossier`
        as its newest version; see `negotiations.open_scope`."""
        return open_scope(self.engine, name, dossier)

    def dossier(self, scope: Scope) -> Dossier | None:
        """The negotiation's newest dossier as the store kept it."""
        return dossier_of(self.engine, scope)

    def negotiations(self) -> pd.DataFrame:
        """Every negotiation with its dossier, article count and stale analyses."""
        return overview(self.engine)

    def ingest(self, items: Iterable[SourceDocument | ParleyError], analyzer: Analyzer | None = None,
               progress: Callable[[IngestSummary], None] | None = None, negotiation: str | None = None,
               dossier: Dossier | None = None) -> IngestSummary:
        """Analyse and store new articles (read with `parley.sources.read_paths`) into a negotiation; see
        `IngestSummary`. The analyzer must read with the negotiation's dossier (by default, one that does)."""
        from ..pipeline import Analyzer

        if dossier is None and negotiation != WORLD:  # the analyzer's dossier names the negotiation's
            dossier = getattr(analyzer, "dossier", None)
        scope = self.open_negotiation(negotiation, dossier)
        return self._ingest_state(scope).run(items, analyzer or Analyzer(self.dossier(scope)), progress)

    def _ingest_state(self, scope: Scope) -> Ingestor:
        """What the store holds (keys, hashes, signatures), loaded on the first ingest, and what the negotiation
        written to has read."""
        if self._ingestor is None:
            store = defaults("store")
            self._ingestor = Ingestor(self.engine, NearDuplicates(**store["near_duplicates"]),
                                      store["analysis_time_limit"], scope)
        elif self._ingestor.scope != scope:
            self._ingestor.rescope(scope)
        return self._ingestor

    def reanalyze(self, scope: Scope, analyzer: Analyzer | None = None, everything: bool = False,
                  progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
        """Read again the negotiation's articles whose analysis is stale (dossier or parley changed since)."""
        from ..pipeline import Analyzer
        from .reanalysis import reanalyze

        summary = reanalyze(self.engine, scope, analyzer or Analyzer(self.dossier(scope)),
                            defaults("store")["analysis_time_limit"], everything, progress)
        self._ingestor = None  # the readings changed under it: reloaded on the next ingest
        return summary

    def add(self, analyses: Iterable[ArticleAnalysis | ParleyError],
            progress: Callable[[IngestSummary], None] | None = None, negotiation: str | None = None,
            dossier: Dossier | None = None) -> IngestSummary:
        """Store finished analyses (e.g. from `parley analyze --json`, read with `dossier`) into a negotiation
        without re-analysing them."""
        return self._ingest_state(self.open_negotiation(negotiation, dossier)).add(analyses, progress)

    def follow(self, urls: list[str], negotiation: str | None = None, dossier: Dossier | None = None,
               filtered: bool | None = None) -> list[bool]:
        """Follow feed or sitemap addresses, or folders, into a negotiation (made with `dossier` if new); for each,
        whether it is new. `filtered` (default: the setting follow.filter_entries) fetches only the entries that
        name a party or an issue of the negotiation's dossier."""
        from ..sources.fetch import is_url
        from .feeds import add_feeds

        scope = self.open_negotiation(negotiation, dossier)
        filtered = defaults("follow")["filter_entries"] if filtered is None else filtered
        added = []
        for url in urls:
            folder = not is_url(url)
            if folder and not Path(url).is_dir():
                raise ParleyError(E.E141, url=url)
            target = str(Path(url).resolve()) if folder else url
            added += add_feeds(self.engine, scope, [target], "folder" if folder else "feed", filtered)
        return added

    def unfollow(self, url: str, negotiation: str | None = None) -> None:
        """Stop following a feed, sitemap or folder of the negotiation."""
        from ..sources.fetch import is_url
        from .feeds import remove_feed

        remove_feed(self.engine, find_scope(self.engine, negotiation, self.url),
                    url if is_url(url) else str(Path(url).resolve()))

    def export(self, fmt: str, tables: list[str] | None = None, out: str | Path = "export",
               negotiation: str | None = None) -> list[Path]:
        """Write one negotiation's rows of the tables to files (statements as corrected); returns their paths."""
        return export_tables(self.negotiation(negotiation), fmt, tables, Path(out))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
