"""Ingest: stream articles through the Analyzer into the store, one transaction per article.

What is already stored is skipped before analysis, so a re-run (after Ctrl-C or kill -9) only does the rest. An
exact copy is stored once (a row that points at the first); a near-copy is analysed and linked to the first copy.
An article is stored once and read once per negotiation it belongs to (`Scope`): ingesting a stored article into
another negotiation adds that negotiation's reading, not a second article.
"""
from __future__ import annotations

import datetime as dt
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import E, ParleyError, failure_reason
from ..models import ArticleAnalysis
from ..sources import SourceDocument
from . import schema
from .corrections import apply_to_positions
from .dates import article_date, statement_date
from .dedupe import NearDuplicates, content_hash
from .negotiations import Scope, parley_version

if TYPE_CHECKING:  # the pipeline (spaCy) loads only when an ingest runs, not for queries
    from ..pipeline import Analyzer


@dataclass
class IngestSummary:
    """Counts of one ingest run. `stored` includes the near-duplicates; `skipped` were stored by an earlier run."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.stored + self.duplicates + self.failed + self.skipped

    @property
    def rate(self) -> float:
        """Articles finished per second."""
        return self.done / self.seconds if self.seconds else 0.0


@dataclass
class _Item:
    document: SourceDocument
    hash: str

    @property
    def key(self) -> tuple[str, str]:
        """The natural key of an article row: (source_key, content_hash)."""
        return (self.document.id or "", self.hash)


def _batched(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items (itertools.batched arrives in Python 3.12)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _tracker(progress: Callable[[IngestSummary], None] | None) -> tuple[IngestSummary, Callable[[], None]]:
    """A fresh summary, and the function that updates its clock and reports it after each article."""
    summary = IngestSummary()
    started = time.perf_counter()

    def tick() -> None:
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)

    return summary, tick


def _document_of(analysis: ArticleAnalysis) -> SourceDocument:
    return SourceDocument(text=analysis.text, id=analysis.id or None, path=analysis.path, title=analysis.title,
                          outlet=analysis.outlet, published=analysis.published, url=analysis.url,
                          metadata=analysis.metadata)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeoutError in the block after `seconds`, so one article that sends the analysis into a loop cannot
    hang the batch. Signals reach only the main thread: elsewhere (a web worker) the block runs unbounded."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"the analysis took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Ingestor:
    """Holds what the store already has (keys, hashes, signatures), loaded once when the store opens."""

    def __init__(self, engine: Engine, near: NearDuplicates, time_limit: float, scope: Scope) -> None:
        self.engine = engine
        self.near = near
        self.time_limit = time_limit
        with Session(engine) as session:
            rows = session.execute(select(schema.Article.id, schema.Article.source_key, schema.Article.content_hash,
                                          schema.Article.duplicate_of, schema.Article.near_duplicate_of,
                                          schema.Article.published)).all()
            self._rows = {(r.source_key, r.content_hash): r.id for r in rows}  # every stored article, any negotiation
            self._published = {r.id: r.published for r in rows}
            self._originals = {r.content_hash: r.id for r in rows if r.duplicate_of is None}
            self._roots = {r.id: r.near_duplicate_of or r.id for r in rows if r.duplicate_of is None}
            for article_id, data in session.execute(select(schema.Signature.article_id, schema.Signature.minhash)):
                self.near.add(article_id, self.near.from_bytes(data))
            attempts = session.execute(select(schema.IngestAttempt.source_key, schema.IngestAttempt.content_hash,
                                              schema.IngestAttempt.count)).all()
            self._attempts = {(r.source_key, r.content_hash): r.count for r in attempts}
        self.rescope(scope)

    def rescope(self, scope: Scope) -> None:
        """Write to this negotiation from now on: what the store holds stays loaded; only what the negotiation has
        read is (re)loaded."""
        self.scope = scope
        with Session(self.engine) as session:
            self._members = set(session.scalars(select(schema.Analysis.article_id)
                                                .where(schema.Analysis.negotiation_id == scope.id)))
        self._seen = {key for key, article_id in self._rows.items() if article_id in self._members}

    def run(self, items: Iterable[SourceDocument | ParleyError], analyzer: Analyzer,
            progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
        """Store every readable, new article; record every failure; return the counts."""
        summary, tick = _tracker(progress)
        for chunk in _batched(items, analyzer.settings.batch_size):
            fresh: list[_Item] = []
            alone: list[_Item] = []  # the process died on their batch last time: one at a time now
            copies: list[_Item] = []
            claimed: set[str] = set()
            for item in chunk:
                summary.read += 1
                if isinstance(item, ParleyError):
                    self._fail(summary, _source_of(item), item.code, str(item))
                    tick()
                    continue
                entry = _Item(item, content_hash(item.text))
                if (item.id, entry.hash) in self._seen:
                    summary.skipped += 1
                    tick()
                elif self._read_here(entry.hash) or entry.hash in claimed:
                    copies.append(entry)
                elif self._attempts.get(entry.key, 0) >= 2:
                    source = item.path or item.id or "<text>"
                    self._fail(summary, source, E.E055.name, str(ParleyError(E.E055, source=source)))
                    tick()
                else:
                    claimed.add(entry.hash)
                    (alone if entry.key in self._attempts else fresh).append(entry)
            for group in [fresh, *([entry] for entry in alone)]:
                for entry, result in self._analyse(analyzer, group):
                    self._store(summary, entry, result)
                    tick()
            for entry in copies:
                if (entry.document.id, entry.hash) in self._seen:  # the same input twice in one chunk
                    summary.skipped += 1
                elif self._read_here(entry.hash):
                    self._store_copy(summary, entry)
                else:  # its first copy failed: this one gets its own try and its own error
                    for _, result in self._analyse(analyzer, [entry]):
                        self._store(summary, entry, result)
                tick()
        return summary

    def add(self, analyses: Iterable[ArticleAnalysis | ParleyError],
            progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
        """Store analyses made elsewhere (`parley analyze --json` lines, a cluster): nothing is re-analysed; the
        same skipping and duplicate rules as `run`, with the hash taken over the analysed text."""
        summary, tick = _tracker(progress)
        for analysis in analyses:
            summary.read += 1
            if isinstance(analysis, ParleyError):
                self._fail(summary, _source_of(analysis), analysis.code, str(analysis))
            else:
                entry = _Item(_document_of(analysis), content_hash(analysis.text))
                if (entry.document.id, entry.hash) in self._seen:
                    summary.skipped += 1
                elif self._read_here(entry.hash):
                    self._store_copy(summary, entry)
                else:
                    self._store(summary, entry, analysis)
            tick()
        return summary

    def _read_here(self, digest: str) -> bool:
        """Whether this text is stored and already read in this negotiation (a new input of it is an exact copy)."""
        return self._originals.get(digest) in self._members

    def _analyse(self, analyzer: Analyzer, items: list[_Item]) -> Iterator[tuple[_Item, ArticleAnalysis | ParleyError]]:
        """Analyses in order, each batch and each lone retry under the time limit, so only a bad article fails."""
        if not items:
            return
        self._attempt(items)
        results = analyzer.analyze_each((i.document for i in items), guard=lambda: time_limit(self.time_limit))
        yield from zip(items, results, strict=True)

    def _attempt(self, items: list[_Item]) -> None:
        """Note, before analysing, that these articles are in the analysis; settled by `_store`."""
        with Session(self.engine) as session, session.begin():
            for item in items:
                self._attempts[item.key] = self._attempts.get(item.key, 0) + 1
                session.merge(schema.IngestAttempt(source_key=item.key[0], content_hash=item.hash,
                                                   count=self._attempts[item.key]))

    def _settle(self, session: Session, item: _Item) -> None:
        if self._attempts.pop(item.key, None) is not None:
            session.execute(delete(schema.IngestAttempt).where(schema.IngestAttempt.source_key == item.key[0],
                                                               schema.IngestAttempt.content_hash == item.hash))

    def _store(self, summary: IngestSummary, item: _Item, result: ArticleAnalysis | ParleyError) -> None:
        source = item.document.path or item.document.id or "<text>"
        if isinstance(result, ParleyError):
            self._fail(summary, source, result.code, str(result), item)
            return
        original = self._originals.get(item.hash)
        if original is not None:  # stored, read in another negotiation: this negotiation's reading of it
            self._store_reading(summary, item, result, original, source)
            return
        published = article_date(item.document.published, result.text)
        signature = self.near.signature(result.text)
        match = self.near.match(signature)
        root = self._roots[match] if match is not None else None
        try:
            with Session(self.engine) as session, session.begin():
                article = _article_row(item, result, published, root)
                session.add(article)
                session.flush()
                add_reading(session, article.id, self.scope, result, published)
                session.add(schema.Signature(article_id=article.id, minhash=self.near.to_bytes(signature)))
                session.execute(delete(schema.IngestError).where(schema.IngestError.source == source))  # fixed now
                self._settle(session, item)
                article_id = article.id
        except Exception as exc:  # noqa: BLE001  (a malformed analysis or a database refusal: roll back, go on)
            error = ParleyError(E.E054, source=source, reason=failure_reason(exc))
            self._fail(summary, source, error.code, str(error), item)
            return
        self._seen.add((item.document.id, item.hash))
        self._rows[item.key] = article_id
        self._members.add(article_id)
        self._published[article_id] = published
        self._originals[item.hash] = article_id
        self._roots[article_id] = root or article_id
        self.near.add(article_id, signature)
        summary.stored += 1
        summary.near_duplicates += root is not None

    def _store_reading(self, summary: IngestSummary, item: _Item, result: ArticleAnalysis, original: int,
                       source: str) -> None:
        """This negotiation's reading of a stored text; the input's own row (a copy under another key) with it."""
        try:
            with Session(self.engine) as session, session.begin():
                add_reading(session, original, self.scope, result, self._published.get(original))
                if item.key not in self._rows:
                    copy = self._copy_row(item)
                    session.add(copy)
                    session.flush()
                    self._rows[item.key] = copy.id
                if self._rows[item.key] != original:
                    _join(session, self._rows[item.key], self.scope)
                self._settle(session, item)
        except Exception as exc:  # noqa: BLE001  (as in `_store`: roll back, record, go on)
            error = ParleyError(E.E054, source=source, reason=failure_reason(exc))
            self._fail(summary, source, error.code, str(error), item)
            return
        self._members.update({original, self._rows[item.key]})
        self._seen.add(item.key)
        summary.stored += 1

    def _copy_row(self, item: _Item) -> schema.Article:
        document = item.document
        return schema.Article(
            source_key=document.id, source=document.path, content_hash=item.hash, url=document.url,
            title=document.title, outlet=document.outlet, published=article_date(document.published, ""),
            published_raw=document.published, text=None, boilerplate=[], sources_cited=[],
            extra=document.metadata, duplicate_of=self._originals[item.hash], ingested_at=_now())

    def _store_copy(self, summary: IngestSummary, item: _Item) -> None:
        """An exact copy of a text read in this negotiation: its own row (unless stored under another negotiation
        already), which joins this negotiation."""
        document = item.document
        try:
            with Session(self.engine) as session, session.begin():
                row_id = self._rows.get(item.key)
                if row_id is None:
                    row = self._copy_row(item)
                    session.add(row)
                    session.flush()
                    row_id = row.id
                _join(session, row_id, self.scope)
        except SQLAlchemyError as exc:
            source = document.path or document.id or "<text>"
            error = ParleyError(E.E054, source=source, reason=failure_reason(exc))
            self._fail(summary, source, error.code, str(error))
            return
        self._rows[item.key] = row_id
        self._members.add(row_id)
        self._seen.add((document.id, item.hash))
        summary.duplicates += 1

    def _fail(self, summary: IngestSummary, source: str, code: str, reason: str, item: _Item | None = None) -> None:
        """Count the failure and record it once per (source, code), in its own transaction; an analysed article's
        attempt is settled with it."""
        summary.failed += 1
        summary.errors.append(reason)
        with Session(self.engine) as session, session.begin():
            if item is not None:
                self._settle(session, item)
            exists = session.scalar(select(schema.IngestError.id).where(schema.IngestError.source == source,
                                                                        schema.IngestError.code == code))
            if exists is None:
                session.add(schema.IngestError(source=source, code=code, reason=reason, at=_now()))


def _article_row(item: _Item, result: ArticleAnalysis, published: dt.date | None, root: int | None) -> schema.Article:
    document = item.document
    return schema.Article(
        source_key=document.id, source=document.path, content_hash=item.hash, url=result.url, title=result.title,
        outlet=result.outlet, published=published, published_raw=result.published, text=result.text,
        boilerplate=result.boilerplate, sources_cited=result.sources_cited, extra=result.metadata,
        summary=result.summary, near_duplicate_of=root, ingested_at=_now())


def _join(session: Session, article_id: int, scope: Scope, summary: str | None = None) -> None:
    """The article's membership of the negotiation, with what its reading there came from."""
    session.add(schema.Analysis(article_id=article_id, negotiation_id=scope.id,
                                dossier_version_id=scope.dossier_version_id, parley_version=parley_version(),
                                summary=summary, analysed_at=_now()))


def add_reading(session: Session, article_id: int, scope: Scope, result: ArticleAnalysis,
                published: dt.date | None) -> None:
    """The article's reading in one negotiation: its membership (`analyses`), statements (dated), quotes, people
    and positions with their evidence ids; then the negotiation's corrections of the article laid over it."""
    _join(session, article_id, scope, result.summary)
    ids = {"article_id": article_id, "negotiation_id": scope.id}
    statements = [
        schema.Statement(**ids, index=index, date=statement_date(s.text, published),
                         **s.model_dump(include=set(schema.Statement.__table__.columns.keys())))
        for index, s in enumerate(result.statements)
    ]
    session.add_all(statements)
    session.add_all(schema.Quote(**ids, index=index, **q.model_dump()) for index, q in enumerate(result.quotes))
    session.add_all(schema.Person(**ids, name=name, actor=actor) for name, actor in result.people.items())
    session.flush()
    apply_to_positions(session, article_id, scope.id, published, result.positions)


def _source_of(error: ParleyError) -> str:
    path, line = error.details.get("path"), error.details.get("line")
    return f"{path}:{line}" if line is not None else str(path)


