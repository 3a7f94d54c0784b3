"""Re-analysis: read a negotiation's stored articles again when its dossier or parley itself has changed since
they were read (each analysis records both), keeping the analysts' corrections, which are laid over the new
reading (they are keyed to the evidence span, not to statement ids)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Engine, delete, func, or_, select
from sqlalchemy.orm import Session

from ..errors import E, ParleyError, failure_reason
from ..sources import SourceDocument
from . import schema
from .ingest import IngestSummary, add_reading, time_limit
from .negotiations import Scope, parley_version

if TYPE_CHECKING:
    from ..pipeline import BatchAnalysis

N = schema.Analysis
CHILDREN = (schema.Statement, schema.Quote, schema.Person, schema.PositionRecord)


def stale_articles(engine: Engine, scope: Scope, everything: bool = False) -> list[int]:
    """Ids of the negotiation's analysed articles (not exact copies) read with another dossier version or
    another parley version than now (all of them with `everything`)."""
    query = (select(N.article_id).join(schema.Article, schema.Article.id == N.article_id)
             .where(N.negotiation_id == scope.id, schema.Article.duplicate_of.is_(None)).order_by(N.article_id))
    if not everything:
        query = query.where(or_(N.parley_version != parley_version(),
                                func.coalesce(N.dossier_version_id, -1) != (scope.dossier_version_id or -1)))
    with Session(engine) as session:
        return list(session.scalars(query))


def reanalyze(engine: Engine, scope: Scope, analyzer: BatchAnalysis, seconds: float, everything: bool = False,
              progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Read the stale articles again and replace their reading in this negotiation, one transaction per article;
    an article that fails keeps its old reading and is reported."""
    from .ingest import _tracker

    summary, tick = _tracker(progress)
    ids = stale_articles(engine, scope, everything)
    batch = analyzer.settings.batch_size
    for start in range(0, len(ids), batch):
        with Session(engine) as session:
            articles = list(session.scalars(select(schema.Article).where(schema.Article.id.in_(ids[start:start + batch]))
                                            .order_by(schema.Article.id)))
            session.expunge_all()
        documents = [SourceDocument(text=a.text or "", id=a.source_key, path=a.source, title=a.title, outlet=a.outlet,
                                    published=a.published_raw, url=a.url, metadata=a.extra or {}) for a in articles]
        results = analyzer.analyze_each(documents, guard=lambda: time_limit(seconds))
        for article, result in zip(articles, results, strict=True):
            summary.read += 1
            source = article.source or article.source_key
            if isinstance(result, ParleyError):
                summary.failed += 1
                summary.errors.append(str(result))
            elif result.text != (article.text or ""):  # cleaning is idempotent today; if not, spans would not match
                summary.failed += 1
                summary.errors.append(str(ParleyError(E.E054, source=source, reason="the text read again differs "
                                                      "from the stored one (its old reading is kept)")))
            else:
                try:
                    _replace(engine, scope, article, result)
                    summary.stored += 1
                except Exception as exc:  # noqa: BLE001  (the old reading stays; report and go on)
                    summary.failed += 1
                    summary.errors.append(str(ParleyError(E.E054, source=source, reason=failure_reason(exc))))
            tick()
    return summary


def _replace(engine: Engine, scope: Scope, article: schema.Article, result) -> None:
    """The article's new reading in the negotiation, in place of the old one; its exact copies follow it."""
    with Session(engine) as session, session.begin():
        for model in CHILDREN:
            session.execute(delete(model).where(model.article_id == article.id, model.negotiation_id == scope.id))
        session.execute(delete(N).where(N.article_id == article.id, N.negotiation_id == scope.id))
        add_reading(session, article.id, scope, result, article.published)
        copies = select(schema.Article.id).where(schema.Article.duplicate_of == article.id)
        for copy in session.scalars(select(N).where(N.negotiation_id == scope.id, N.article_id.in_(copies))):
            copy.parley_version, copy.dossier_version_id = parley_version(), scope.dossier_version_id
