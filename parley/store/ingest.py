"""Ingest: stream articles through the Analyzer into the store, one transaction per article.

What is already stored is skipped before analysis, so a re-run (after Ctrl-C or kill -9) only does the rest. An
exact copy is stored once (a row that points at the first); a near-copy is analysed and linked to the first copy.

An article is stored once and read once per negotiation it belongs to (`Scope`): ingesting a stored article into
another negotiation adds that negotiation's reading, not a second article. "Stored" below means read in the
negotiation written to. Claims (parley.store.claims) are per article, whatever the negotiation: an ingester for
another negotiation waits for the article's reading to be stored, then adds its own; an article's deaths count
in every negotiation (it is the text that kills the analysis).
"""
from __future__ import annotations

import datetime as dt
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from datasketch import MinHash
from sqlalchemy import Engine, Select, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..cleaning import CleanArticle, clean
from ..errors import E, ParleyError, failure_reason
from ..models import ArticleAnalysis
from ..sources import SourceDocument
from ..settings import defaults
from . import schema
from .claims import Claims, insert_ignore, serialize
from .corrections import apply_to_positions
from .database import WRITE
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


@dataclass
class _Sorted:
    """One chunk's articles sorted by what happens to them next (`Ingestor._sort`)."""

    # In input order, so that articles are stored in it (a near-copy links to the copy before it, as in a run
    # never killed): ("batch", articles) analysed together; ("alone", [article]) as the process died on its batch
    # last time; ("unanalysed", [article]) stored with its text only, as the process died on it twice.
    steps: list[tuple[str, list[_Item]]] = field(default_factory=list)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)  # analyses started, of the unanalysed ones
    dying: list[_Item] = field(default_factory=list)   # it died on them twice: analysed after the rest of the run
    copies: list[_Item] = field(default_factory=list)  # exact copies, stored once their first copy is
    texts: set[str] = field(default_factory=set)        # the hashes of the texts this chunk analyses
    analyses: list[Iterator | None] = field(default_factory=list)  # per step, its analyses once started
    waiting: list[_Item] = field(default_factory=list) # another live ingester has them (or their text)
    skipped: int = 0                                    # stored already (by an earlier run or another ingester)


class Ingestor:
    """Holds what the store already has (keys, hashes, signatures), loaded once when the store opens and brought
    up to date from the store as other ingesters add to it."""

    def __init__(self, engine: Engine, near: NearDuplicates, time_limit: float, scope: Scope) -> None:
        self.engine = engine
        self.writer = engine.execution_options(**WRITE)
        self.near = near
        self.time_limit = time_limit
        self.poll, self.wait = defaults("store")["claim_poll"], defaults("store")["claim_wait"]
        self.scope = scope
        self._rows: dict[tuple[str, str], int] = {}  # every stored article, any negotiation
        self._published: dict[int, dt.date | None] = {}
        self._members: set[int] = set()  # the articles in this negotiation
        self._seen: set[tuple[str, str]] = set()  # the keys stored in this negotiation
        self._originals: dict[str, int] = {}
        self._roots: dict[int, int] = {}
        self._signed: set[int] = set()
        with Session(engine) as session:
            self._learn(session, _rows_query(), members=False)  # `rescope` loads what is in the negotiation
            self._load_signatures(session, None)
        self.rescope(scope)

    def rescope(self, scope: Scope) -> None:
        """Write to this negotiation from now on: what the store holds stays loaded; only what the negotiation has
        read (and which of its articles are stored with their text only) is (re)loaded."""
        self.scope = scope
        self._members, self._seen, self._unanalysed = set(), set(), set()
        with Session(self.engine) as session:
            self._learn_members(session, None)

    def _learn_members(self, session: Session, ids: list[int] | None) -> None:
        """Which of these articles (None: all) are in the negotiation, and which of those are stored there with
        their text only (their membership says UNANALYSED: the process died on them twice)."""
        query = select(schema.Analysis.article_id, schema.Analysis.parley_version).where(
            schema.Analysis.negotiation_id == self.scope.id)
        found = dict(session.execute(query if ids is None else query.where(schema.Analysis.article_id.in_(ids))).all())
        self._members.update(found)
        for key, article_id in self._rows.items():
            if article_id in found:
                self._seen.add(key)
                if found[article_id] == UNANALYSED:
                    self._unanalysed.add(key)

    def _learn(self, session: Session, query: Select, members: bool = True) -> None:
        """Take in article rows (`_rows_query`) and (with `members`) whether they are in this negotiation."""
        learned = []
        for r in session.execute(query):
            key = (r.source_key, r.content_hash)
            self._rows[key] = r.id
            self._published[r.id] = r.published
            learned.append(r.id)
            if r.duplicate_of is None:
                self._originals.setdefault(r.content_hash, r.id)
                self._roots[r.id] = r.near_duplicate_of or r.id
        if learned and members:  # rows another ingester stored since
            self._learn_members(session, learned)

    def _load_signatures(self, session: Session, ids: set[int] | None) -> None:
        """Index the signatures of these articles (None: all), with their rows."""
        query = select(schema.Signature.article_id, schema.Signature.minhash)
        for part in ([None] if ids is None else _batched(sorted(ids), 500)):
            if part is not None:
                self._learn(session, _rows_query().where(schema.Article.id.in_(part)))
            for article_id, data in session.execute(query if part is None else
                                                    query.where(schema.Signature.article_id.in_(part))):
                self.near.add(article_id, self.near.from_bytes(data))
                self._signed.add(article_id)

    def _catch_up(self, session: Session) -> None:
        """Index the signatures other ingesters stored since, so a near-copy links to what they stored too. Ids
        grow in the order articles are stored (under the store's write lock), so the newer ones are read by the
        primary key; the whole id list only if the count still differs after that."""
        newer = select(schema.Signature.article_id).where(schema.Signature.article_id > max(self._signed, default=0))
        if found := set(session.scalars(newer)) - self._signed:
            self._load_signatures(session, found)
        if session.scalar(select(func.count()).select_from(schema.Signature)) != len(self._signed):
            self._load_signatures(session, set(session.scalars(select(schema.Signature.article_id))) - self._signed)

    def run(self, items: Iterable[SourceDocument | ParleyError], analyzer: Analyzer,
            progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
        """Store every readable, new article; record every failure; return the counts. Articles another live
        ingester is analysing are looked at again at the end, until it has stored them (or died on them)."""
        summary, tick = _tracker(progress)
        claims = Claims(self.engine)
        claims.open()
        waiting: list[_Item] = []
        dying: list[_Item] = []
        started: deque[_Sorted] = deque()  # chunks whose analysis has started, not yet stored

        def finish_oldest() -> None:
            found = self._finish(summary, tick, analyzer, started.popleft())
            waiting.extend(found.waiting)
            dying.extend(found.dying)

        try:
            for chunk in _batched(items, analyzer.settings.batch_size):
                entries = []
                for item in chunk:
                    summary.read += 1
                    if isinstance(item, ParleyError):
                        self._fail(summary, _source_of(item), item.code, str(item))
                        tick()
                    else:
                        entries.append(_Item(item, content_hash(item.text)))
                busy = set().union(*(found.texts for found in started))
                started.append(self._start(summary, tick, analyzer, claims, entries, busy))
                while len(started) > analyzer.works_ahead:
                    finish_oldest()
            while started:
                finish_oldest()
            deadline = None
            while dying or waiting:  # its own claims first: an ingester that waits holds none another waits for
                for entry in dying:
                    for _, result in self._analyse(analyzer, [entry]):
                        self._store(summary, entry, result)
                    tick()
                deadline = deadline or time.monotonic() + self.wait
                if waiting and time.monotonic() < deadline:
                    time.sleep(self.poll)
                    found = self._work(summary, tick, analyzer, claims, waiting)
                    waiting, dying = found.waiting, found.dying
                else:
                    for entry in waiting:  # another ingester is still on it: its own run stores it, or the next
                        source = entry.document.path or entry.document.id or "<text>"
                        self._fail(summary, source, E.E056.name, str(ParleyError(E.E056, source=source,
                                                                                 seconds=self.wait)))
                        tick()
                    waiting, dying = [], []
        finally:
            claims.close()
        return summary

    def _work(self, summary: IngestSummary, tick: Callable[[], None], analyzer: Analyzer, claims: Claims,
              entries: list[_Item]) -> _Sorted:
        """Analyse and store one chunk, but for the articles the process died on twice (stored unanalysed: they
        are analysed at the end of the run, so that another death costs only them) and those another live ingester
        has; returns the sorting, with those two lists."""
        return self._finish(summary, tick, analyzer, self._start(summary, tick, analyzer, claims, entries, set()))

    def _start(self, summary: IngestSummary, tick: Callable[[], None], analyzer: Analyzer, claims: Claims,
               entries: list[_Item], busy: set[str]) -> _Sorted:
        """Claim and sort one chunk, and start its analyses: an Analyzer in this process begins when `_finish`
        asks for them; workers elsewhere begin now, while the ingest stores the chunk before (`busy`: the texts
        that chunk analyses; an input of one of them is an exact copy, as within a chunk)."""
        found = self._sort(claims, entries, busy)
        summary.skipped += found.skipped
        for _ in range(found.skipped):
            tick()
        found.analyses = [None if step == "unanalysed" else self._analyse(analyzer, group)
                          for step, group in found.steps]
        return found

    def _finish(self, summary: IngestSummary, tick: Callable[[], None], analyzer: Analyzer,
                found: _Sorted) -> _Sorted:
        """Store a started chunk, article by article in input order as its analyses come back."""
        for (step, group), analyses in zip(found.steps, found.analyses, strict=True):
            if analyses is None:
                self._store_unanalysed(group[0], found.counts[group[0].key], analyzer.settings.heading_max_words)
                continue
            for entry, result in analyses:
                self._store(summary, entry, result)
                tick()
        for entry in found.copies:
            if entry.key in self._seen:  # the same input twice in one chunk
                summary.skipped += 1
            elif self._read_here(entry.hash):
                self._store_copy(summary, entry)
            else:  # its first copy failed: this one gets its own try and its own error
                for _, result in self._analyse(analyzer, [entry]):
                    self._store(summary, entry, result)
            tick()
        return found

    def _sort(self, claims: Claims, entries: list[_Item], busy: set[str]) -> _Sorted:
        """Claim the chunk's articles, each in its own short write transaction (so two ingesters never hold rows
        the other waits for), and sort them; an article the process died on twice is to be stored with its text
        (it is never lost), in its place among the others."""
        found = _Sorted()
        claims.forget_the_living()
        claimed = found.texts  # texts this chunk analyses
        for entry in entries:
            if entry.key in self._seen and entry.key not in self._unanalysed:
                found.skipped += 1
                continue
            if entry.key not in self._seen and (entry.hash in claimed or entry.hash in busy):
                found.copies.append(entry)
                continue
            with Session(self.writer) as session, session.begin():
                place = self._place(session, claims, entry)
            if place == "copy":
                found.copies.append(entry)
            elif place == "skip":
                found.skipped += 1
            elif place == "wait":
                found.waiting.append(entry)
            else:
                claimed.add(entry.hash)
                if place == 1 and found.steps and found.steps[-1][0] == "batch":
                    found.steps[-1][1].append(entry)
                elif place < 3:
                    found.steps.append(("batch" if place == 1 else "alone", [entry]))
                else:
                    found.dying.append(entry)
                    if entry.key not in self._unanalysed:
                        found.steps.append(("unanalysed", [entry]))
                        found.counts[entry.key] = place
        return found

    def _place(self, session: Session, claims: Claims, entry: _Item) -> str | int:
        """What happens to the article: "wait" (a live ingester has it or its text), "copy", "skip" (another
        ingester stored it whole), or the number of analyses started with the one claimed now."""
        if claims.busy(session, *entry.key):
            return "wait"
        if entry.key not in self._seen and self._original_here(session, entry.hash):
            return "copy"
        count = claims.take(session, *entry.key)
        stored = self._stored(session, entry)
        if count is None:
            return "wait"
        if stored and not self._still_unanalysed(session, entry):  # stored whole by another ingester a moment ago
            if count == 1:
                _unclaim(session, entry)
            else:  # the deaths counted are another negotiation's reading of it: they stay, for its next run
                session.execute(update(schema.IngestAttempt).where(*_attempt_of(entry))
                                .values(count=count - 1, owner=None))
            return "skip"
        return count

    def _still_unanalysed(self, session: Session, entry: _Item) -> bool:
        """Whether the article is stored in this negotiation with its text only, as the store says now (another
        ingester may have read it since): so marked in `_unanalysed`."""
        version = session.scalar(select(schema.Analysis.parley_version).where(
            schema.Analysis.article_id == self._rows[entry.key], schema.Analysis.negotiation_id == self.scope.id))
        if version == UNANALYSED:
            self._unanalysed.add(entry.key)
        else:
            self._unanalysed.discard(entry.key)
        return version == UNANALYSED

    def _original_here(self, session: Session, text_hash: str) -> bool:
        """Whether the stored first copy of this text is read in this negotiation (looked up in the store if
        another ingester stored it): a new input of the text is then an exact copy."""
        if not self._read_here(text_hash):
            self._learn(session, _rows_query().where(schema.Article.content_hash == text_hash))
        return self._read_here(text_hash)

    def _read_here(self, text_hash: str) -> bool:
        return self._originals.get(text_hash) in self._members

    def _stored(self, session: Session, entry: _Item) -> bool:
        """Whether the article is stored in this negotiation (looked up if another ingester stored it)."""
        if entry.key not in self._seen:
            self._learn(session, _rows_query().where(schema.Article.source_key == entry.key[0],
                                                     schema.Article.content_hash == entry.hash))
        return entry.key in self._seen

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
                if entry.key in self._seen:
                    summary.skipped += 1
                elif self._read_here(entry.hash):
                    self._store_copy(summary, entry)
                else:
                    self._store(summary, entry, analysis)
            tick()
        return summary

    def _analyse(self, analyzer: Analyzer, items: list[_Item]) -> Iterator[tuple[_Item, ArticleAnalysis | ParleyError]]:
        """Analyses in order, each batch and each lone retry under the time limit, so only a bad article fails."""
        results = analyzer.analyze_each([i.document for i in items], guard=lambda: time_limit(self.time_limit))
        return zip(items, results, strict=True)

    def _store_unanalysed(self, item: _Item, count: int, heading_max_words: int) -> None:
        """Store the article with its cleaned text and no analysis, and say so in its error row; its claim stays,
        which marks it for analysis again. Its signature goes in now, so near-copies link as they would have."""
        source = item.document.path or item.document.id or "<text>"
        try:
            with time_limit(self.time_limit):
                article = clean(item.document.text, heading_max_words)
        except Exception:  # noqa: BLE001  (cleaning failed too: keep the text as read)
            article = CleanArticle(text=item.document.text)
        existing = self._rows.get(item.key)  # stored already, read in another negotiation
        with Session(self.writer) as session, session.begin():
            serialize(session)
            if existing is None:
                self._catch_up(session)
                signature = self.near.signature(article.text)
                match = self.near.match(signature)
                root = self._roots[match] if match is not None else None
                row = _article_row(item, _analysed_fields(
                    article, article_date(item.document.published, article.text), None), root)
                session.add(row)
                session.flush()
                session.add(schema.Signature(article_id=row.id, minhash=self.near.to_bytes(signature)))
                article_id = row.id
            else:
                article_id = existing
            _join(session, article_id, self.scope, version=UNANALYSED)
            error = ParleyError(E.E055, source=source, count=count - 1)
            insert_ignore(session, schema.IngestError.__table__, source=source, code=error.code, reason=str(error),
                          at=_now())
        self._unanalysed.add(item.key)
        if existing is None:
            self._remember(item, article_id, root, signature)
        else:
            self._members.add(article_id)
            self._seen.add(item.key)

    def _remember(self, item: _Item, article_id: int, root: int | None, signature: MinHash) -> None:
        self._seen.add(item.key)
        self._rows[item.key] = article_id
        self._members.add(article_id)
        self._originals.setdefault(item.hash, article_id)
        self._roots[article_id] = root or article_id
        self.near.add(article_id, signature)
        self._signed.add(article_id)

    def _store(self, summary: IngestSummary, item: _Item, result: ArticleAnalysis | ParleyError) -> None:
        """Store an analysed article (or fill in the analysis of one stored unanalysed) in one transaction."""
        source = item.document.path or item.document.id or "<text>"
        if isinstance(result, ParleyError):
            self._fail(summary, source, result.code, str(result), item)
            return
        unanalysed = item.key in self._unanalysed
        original = self._originals.get(item.hash)
        if original is not None and not unanalysed:  # stored, read in another negotiation: this one's reading
            self._store_reading(summary, item, result, original, source)
            return
        published = article_date(item.document.published, result.text)
        signature = self.near.signature(result.text)
        try:
            with Session(self.writer) as session, session.begin():
                serialize(session)
                if unanalysed:
                    article = session.scalars(select(schema.Article).where(
                        schema.Article.source_key == item.key[0], schema.Article.content_hash == item.hash)).one()
                    if article.duplicate_of is None:
                        for name, value in _analysed_fields(result, published, result.summary).items():
                            setattr(article, name, value)
                    else:  # a copy of a text stored for another negotiation: the reading goes to its original
                        published = self._published.get(article.duplicate_of)
                        article = session.get(schema.Article, article.duplicate_of)
                    root = article.near_duplicate_of
                else:
                    self._catch_up(session)
                    match = self.near.match(signature)
                    root = self._roots[match] if match is not None else None
                    article = _article_row(item, _analysed_fields(result, published, result.summary), root)
                    session.add(article)
                    session.flush()
                    session.add(schema.Signature(article_id=article.id, minhash=self.near.to_bytes(signature)))
                add_reading(session, article.id, self.scope, result, published)
                session.execute(delete(schema.IngestError).where(schema.IngestError.source == source))  # fixed now
                _unclaim(session, item)
                article_id = article.id
        except Exception as exc:  # noqa: BLE001  (a malformed analysis or a database refusal: roll back, go on)
            error = ParleyError(E.E054, source=source, reason=failure_reason(exc))
            self._fail(summary, source, error.code, str(error), item)
            return
        if unanalysed:
            self._unanalysed.discard(item.key)
            self._members.add(article_id)
        else:
            self._remember(item, article_id, root, signature)
            self._published[article_id] = published
        summary.stored += 1
        summary.near_duplicates += root is not None

    def _store_reading(self, summary: IngestSummary, item: _Item, result: ArticleAnalysis, original: int,
                       source: str) -> None:
        """This negotiation's reading of a stored text; the input's own row (a copy under another key) with it."""
        try:
            with Session(self.writer) as session, session.begin():
                serialize(session)
                add_reading(session, original, self.scope, result, self._published.get(original))
                row_id = self._rows.get(item.key)
                if row_id is None:
                    insert_ignore(session, schema.Article.__table__, **self._copy_row(item))
                    row_id = session.scalar(select(schema.Article.id).where(
                        schema.Article.source_key == item.key[0], schema.Article.content_hash == item.hash))
                if row_id != original:
                    _join(session, row_id, self.scope)
                session.execute(delete(schema.IngestError).where(schema.IngestError.source == source))  # fixed now
                _unclaim(session, item)
        except Exception as exc:  # noqa: BLE001  (as in `_store`: roll back, record, go on)
            error = ParleyError(E.E054, source=source, reason=failure_reason(exc))
            self._fail(summary, source, error.code, str(error), item)
            return
        self._rows[item.key] = row_id
        self._members.update({original, row_id})
        self._seen.add(item.key)
        summary.stored += 1

    def _copy_row(self, item: _Item) -> dict[str, object]:
        """The columns of an exact copy's row: its own metadata, no text, pointing at the first copy."""
        document = item.document
        return dict(
            source_key=document.id, source=document.path, content_hash=item.hash, url=document.url,
            title=document.title, outlet=document.outlet, published=article_date(document.published, ""),
            published_raw=document.published, text=None, boilerplate=[], sources_cited=[], summary=None,
            extra=document.metadata, duplicate_of=self._originals[item.hash], ingested_at=_now())

    def _store_copy(self, summary: IngestSummary, item: _Item) -> None:
        """An exact copy of a text read in this negotiation: its own row (unless stored under another negotiation
        already), which joins this negotiation."""
        document = item.document
        try:
            with Session(self.writer) as session, session.begin():
                row_id = self._rows.get(item.key)
                if row_id is None:
                    insert_ignore(session, schema.Article.__table__, **self._copy_row(item))
                    row_id = session.scalar(select(schema.Article.id).where(
                        schema.Article.source_key == item.key[0], schema.Article.content_hash == item.hash))
                added = insert_ignore(session, schema.Analysis.__table__, **_membership(row_id, self.scope))
        except SQLAlchemyError as exc:
            source = document.path or document.id or "<text>"
            error = ParleyError(E.E054, source=source, reason=failure_reason(exc))
            self._fail(summary, source, error.code, str(error))
            return
        self._rows[item.key] = row_id
        self._members.add(row_id)
        self._seen.add(item.key)
        if added:
            summary.duplicates += 1
        else:  # another ingester stored this copy a moment ago
            summary.skipped += 1

    def _fail(self, summary: IngestSummary, source: str, code: str, reason: str, item: _Item | None = None) -> None:
        """Count the failure and record it once per (source, code), in its own transaction. An analysed article's
        claim is settled with it, unless the article is stored unanalysed: then it is released, to be retried."""
        summary.failed += 1
        summary.errors.append(reason)
        with Session(self.writer) as session, session.begin():
            if item is not None and item.key in self._unanalysed:
                session.execute(update(schema.IngestAttempt).where(*_attempt_of(item)).values(owner=None))
            elif item is not None:
                _unclaim(session, item)
            insert_ignore(session, schema.IngestError.__table__, source=source, code=code, reason=reason, at=_now())


def _attempt_of(item: _Item) -> tuple:
    return (schema.IngestAttempt.source_key == item.key[0], schema.IngestAttempt.content_hash == item.hash)


def _unclaim(session: Session, item: _Item) -> None:
    """The article is settled (stored, or failed for good): its claim goes."""
    session.execute(delete(schema.IngestAttempt).where(*_attempt_of(item)))


def _analysed_fields(result: ArticleAnalysis | CleanArticle, published: dt.date | None,
                     summary: str | None) -> dict[str, object]:
    """The article row's columns that come from its cleaning and analysis."""
    return dict(published=published, text=result.text, boilerplate=result.boilerplate,
                sources_cited=result.sources_cited, summary=summary)


def _article_row(item: _Item, fields: dict[str, object], root: int | None) -> schema.Article:
    """The row of an original article, with the columns from its analysis (or only its cleaning)."""
    document = item.document
    return schema.Article(
        source_key=document.id, source=document.path, content_hash=item.hash, url=document.url,
        title=document.title, outlet=document.outlet, published_raw=document.published, extra=document.metadata,
        near_duplicate_of=root, ingested_at=_now(), **fields)


# The parley version of a membership whose article is stored with its text only (the process died twice on its
# analysis): the next ingest analyses it again, and until then it counts as stale.
UNANALYSED = "unanalysed"


def _membership(article_id: int, scope: Scope, summary: str | None = None,
                version: str | None = None) -> dict[str, object]:
    """The columns of an article's `analyses` row in a negotiation: what its reading there came from."""
    return dict(article_id=article_id, negotiation_id=scope.id, dossier_version_id=scope.dossier_version_id,
                parley_version=version or parley_version(), summary=summary, analysed_at=_now())


def _join(session: Session, article_id: int, scope: Scope, summary: str | None = None,
          version: str | None = None) -> None:
    """The article's membership of the negotiation, with what its reading there came from (brought up to date if
    it is a member already: an article stored with its text only, now read)."""
    values = _membership(article_id, scope, summary, version)
    if not session.execute(update(schema.Analysis).where(schema.Analysis.article_id == article_id,
                                                          schema.Analysis.negotiation_id == scope.id)
                           .values(**values)).rowcount:
        session.add(schema.Analysis(**values))


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


def _rows_query() -> Select:
    """The article columns an `Ingestor` keeps."""
    A = schema.Article
    return select(A.id, A.source_key, A.content_hash, A.duplicate_of, A.near_duplicate_of, A.published)


def _source_of(error: ParleyError) -> str:
    """The input an error is about: its file (and line), or the web address that failed."""
    path, line = error.details.get("path", error.details.get("url")), error.details.get("line")
    return f"{path}:{line}" if line is not None else str(path)


