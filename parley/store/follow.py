"""One run of `parley follow`: every followed feed, sitemap and folder that is due is read, what is new since the
last run is kept (conditional GET: an unchanged feed answers 304 and costs nothing more), entries are filtered by
the negotiation's dossier, and the new pages are fetched by a few threads while the analysis (in its own process)
reads those fetched before, into the negotiation through the ordinary ingest (duplicates, claims, errors).

A run is idempotent and resumable: an entry is settled in the store once its article is stored (or refused with a
coded error), and an entry whose address the negotiation already holds as an article is settled without fetching,
so a run killed half way fetches only what it had not stored."""
from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..dossier import Dossier
from ..errors import E, ParleyError
from ..settings import defaults
from ..sources import SourceDocument
from ..sources.fetch import Entry, Fetcher, read_feed, read_url
from ..sources.reader import article_files, read_path
from . import schema
from .feeds import Settled, due_feeds, now, record_run, settle, settled_entries
from .ingest import IngestSummary
from .negotiations import find_scope

FOLDER = "folder"


@dataclass
class FollowSummary:
    """What one run did, over every feed it ran."""

    feeds: int = 0                 # feeds, sitemaps and folders read
    waiting: int = 0               # backing off after failures: not read this run
    not_modified: int = 0          # answered 304: nothing new
    entries: int = 0               # new entries found
    filtered: int = 0              # ... of which named no party or issue of the dossier
    known: int = 0                 # ... of which the negotiation held already
    fetched: int = 0               # pages fetched (or files read) and handed to the analysis
    ingest: IngestSummary = field(default_factory=IngestSummary)
    errors: list[str] = field(default_factory=list)   # every failure, with its code: feeds, pages, analysis


@dataclass
class _Pending:
    feed_id: int
    url: str                       # the page's address, or the file's path
    fingerprint: str | None = None


@dataclass
class _FeedRun:
    """One feed in this run: what its answer said, and whether its run is recorded already (it failed, or was
    unchanged)."""

    feed: schema.Feed
    kind: str
    etag: str | None
    last_modified: str | None
    found: list[_Pending] = field(default_factory=list)
    recorded: bool = False


class EntryFilter:
    """Whether a feed entry is about the negotiation: its title, summary or address (words of its path) names a
    party of the dossier (its name, an alias, a person) or an issue keyword, as whole words in any case."""

    def __init__(self, dossier: Dossier | None) -> None:
        terms = set()
        for actor in (dossier.actors if dossier else []):
            terms.update([actor.name, *actor.aliases, *actor.people])
        for issue in (dossier.issues if dossier else []):
            terms.update(issue.keywords)
        words = sorted({" ".join(term.lower().split()) for term in terms if term.strip()}, key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b",
                                   re.IGNORECASE) if words else None

    def passes(self, entry: Entry) -> bool:
        if self._pattern is None:
            return True
        path_words = re.sub(r"[-_/.+%]+", " ", entry.url.split("://", 1)[-1].split("/", 1)[-1])
        return bool(self._pattern.search(f"{entry.title}\n{entry.summary}\n{path_words}"))


class Follower:
    """Runs the due feeds of a store, negotiation by negotiation, each with an analyzer for its dossier
    (`analyzers(dossier)` opens one), fetching with the caller's `fetcher` (which the caller closes)."""

    def __init__(self, store, analyzers: Callable[[Dossier | None], AbstractContextManager],
                 fetcher: Fetcher) -> None:
        self.store = store
        self.analyzers = analyzers
        self.fetcher = fetcher  # the caller's, which it closes
        self.limits = defaults("follow")

    def run(self, negotiation: str | None = None,
            progress: Callable[[IngestSummary], None] | None = None) -> FollowSummary:
        summary = FollowSummary()
        scope_id = find_scope(self.store.engine, negotiation, self.store.url).id if negotiation else None
        due, waiting = due_feeds(self.store.engine, scope_id, now())
        summary.waiting = len(waiting)
        by_negotiation: dict[int, list[schema.Feed]] = {}
        for feed in due:
            by_negotiation.setdefault(feed.negotiation_id, []).append(feed)
        for negotiation_id, feeds in by_negotiation.items():
            self._run_negotiation(negotiation_id, feeds, summary, progress)
        return summary

    def _run_negotiation(self, negotiation_id: int, feeds: list[schema.Feed], summary: FollowSummary,
                         progress: Callable[[IngestSummary], None] | None) -> None:
        with Session(self.store.engine) as session:
            name = session.get(schema.Negotiation, negotiation_id).name
        scope = find_scope(self.store.engine, name, self.store.url)
        dossier = self.store.dossier(scope)
        entry_filter = EntryFilter(dossier)
        runs, pending, queued = [], [], set()
        for feed in feeds:
            summary.feeds += 1
            run = self._folder(feed) if feed.kind == FOLDER else self._feed(feed, entry_filter, summary)
            runs.append(run)
            # a file is read again when it changed (the ingest skips what it holds); a page is not fetched again
            held = self._held(scope.id, [item.url for item in run.found if item.fingerprint is None])
            for item in run.found:
                # held: stored by a run stopped before it settled the entry; queued: listed by another feed too
                if item.url in held or item.url in queued:
                    settle(self.store.engine, item.feed_id, item.url, "ingested", fingerprint=item.fingerprint)
                    summary.known += 1
                else:
                    pending.append(item)
                    queued.add(item.url)
        handed: list[_Pending] = []
        if pending:
            with self.analyzers(dossier) as analyzer:
                documents = self._documents(pending, handed, summary, 2 * analyzer.settings.batch_size)
                result = self.store.ingest(documents, analyzer, progress=progress, negotiation=scope.name)
            _add(summary.ingest, result)
            summary.errors += result.errors
        for run in runs:
            if not run.recorded:
                self._close(run, [item for item in handed if item.feed_id == run.feed.id])

    def _feed(self, feed: schema.Feed, entry_filter: EntryFilter, summary: FollowSummary) -> _FeedRun:
        """The entries of a feed not settled yet and about the negotiation (none if the feed failed or is
        unchanged: its run is recorded here)."""
        run = _FeedRun(feed, feed.kind, feed.etag, feed.last_modified)
        limit = int(self.limits["max_entries"])
        # an index is asked unconditionally: it is unchanged (304) when only its child sitemaps list new entries
        index = feed.kind == "sitemapindex"
        try:
            response = self.fetcher.fetch(feed.url, "feed", None if index else feed.etag,
                                          None if index else feed.last_modified)
            if response.not_modified:  # nothing new; pages that failed before are tried again
                summary.not_modified += 1
                run.found = [_Pending(feed.id, url) for url, before in settled_entries(self.store.engine, feed.id)
                             .items() if before.state == "failed" and self._again(before)]
                return run
            parsed = read_feed(response.body, response.final_url, limit)
            entries = list(parsed.entries)
            for child in parsed.sitemaps[: int(self.limits["max_sitemaps"])]:
                entries += self._child(child, limit, summary)
        except Exception as exc:  # noqa: BLE001  (only this feed fails, and backs off; the run goes on)
            error = _coded(exc, feed.url)
            summary.errors.append(str(error))
            record_run(self.store.engine, feed.id, error=str(error), last_new=0, last_entries=0)
            run.recorded = True
            return run
        run.kind, run.etag, run.last_modified = parsed.kind, response.etag, response.last_modified
        settled = settled_entries(self.store.engine, feed.id)
        for entry in entries:
            before = settled.get(entry.url)
            if before is not None and not self._again(before):
                continue
            summary.entries += before is None
            if feed.filtered and not entry_filter.passes(entry):
                if before is None:
                    summary.filtered += 1
                    settle(self.store.engine, feed.id, entry.url, "filtered")
                continue
            run.found.append(_Pending(feed.id, entry.url))
        return run

    def _child(self, url: str, limit: int, summary: FollowSummary) -> list[Entry]:
        """The entries of one child sitemap of an index; one that fails is its error, not the index's."""
        try:
            return read_feed(self.fetcher.fetch(url, "feed").body, url, limit).entries
        except Exception as exc:  # noqa: BLE001
            summary.errors.append(str(_coded(exc, url)))
            return []

    def _again(self, before: Settled) -> bool:
        """Whether an entry seen before is looked at again: filtered (the dossier may have changed since), or
        failed fewer than follow.entry_attempts times (transient failures not counted: `transient`)."""
        return before.state == "filtered" or (before.state == "failed"
                                              and before.attempts < int(self.limits["entry_attempts"]))

    def _folder(self, feed: schema.Feed) -> _FeedRun:
        """The folder's article files that are new or changed (modification time and size) since the last run,
        but not those modified in the last follow.min_file_age seconds (maybe still being written: the next run
        reads them) nor those gone while the folder was listed."""
        settled = settled_entries(self.store.engine, feed.id)
        folder = Path(feed.url)
        try:
            files = article_files(folder) if folder.is_dir() else []
        except OSError:  # the folder (or a folder in it) went away while it was listed: next run
            files = []
        youngest = time.time() - float(self.limits["min_file_age"])
        found = []
        for path in files:
            try:
                stat = path.stat()
            except OSError:  # deleted (or made unreadable) since it was listed
                continue
            if stat.st_mtime > youngest:
                continue
            fingerprint = f"{stat.st_mtime_ns}:{stat.st_size}"
            before = settled.get(str(path))
            if before is None or before.fingerprint != fingerprint:
                found.append(_Pending(feed.id, str(path), fingerprint))
        return _FeedRun(feed, FOLDER, None, None, found)

    def _held(self, negotiation_id: int, urls: list[str]) -> set[str]:
        """Those of `urls` the negotiation holds as articles (their source) already."""
        if not urls:
            return set()
        with Session(self.store.engine) as session:
            query = select(schema.Article.source).join(
                schema.Analysis, schema.Analysis.article_id == schema.Article.id).where(
                schema.Analysis.negotiation_id == negotiation_id, schema.Article.source.in_(urls))
            return set(session.scalars(query))

    def _documents(self, pending: list[_Pending], handed: list[_Pending], summary: FollowSummary,
                   ahead_at_most: int) -> Iterator[SourceDocument | ParleyError]:
        """The new pages in the entries' order, fetched by `fetch.workers` threads up to `ahead_at_most` pages
        ahead of the analysis (two of its batches: the next is fetched while one is analysed); a page that could
        not be fetched is settled as failed and its error goes on to the ingest's error table."""
        workers = max(1, int(self.fetcher.limits["workers"]))
        most = max(workers, ahead_at_most)
        pool = ThreadPoolExecutor(workers, thread_name_prefix="parley-fetch")
        ahead: deque[tuple[_Pending, Future]] = deque()
        queue = iter(pending)
        try:
            while True:
                while len(ahead) < most and (item := next(queue, None)) is not None:
                    ahead.append((item, pool.submit(self._read, item)))
                if not ahead:
                    return
                item, future = ahead.popleft()
                for document in future.result():
                    if isinstance(document, ParleyError) and item.fingerprint is None:
                        settle(self.store.engine, item.feed_id, item.url, "failed", error=str(document),
                               counts=not transient(document))
                    else:
                        summary.fetched += 1
                        handed.append(item)
                    yield document
        finally:  # the pages not started are dropped; one being fetched ends within the fetch limits
            pool.shutdown(wait=True, cancel_futures=True)

    def _read(self, item: _Pending) -> list[SourceDocument | ParleyError]:
        """The page's article or its coded error (in a fetch thread: nothing it raises may end the run)."""
        try:
            if item.fingerprint is not None:  # a followed folder's file
                return list(read_path(item.url))
            return [read_url(item.url, self.fetcher)]
        except Exception as exc:  # noqa: BLE001
            return [_coded(exc, item.url)]

    def _close(self, run: _FeedRun, handed: list[_Pending]) -> None:
        """Settle the entries handed to the analysis and record the feed's run."""
        refused = self._refused([item.url for item in handed])
        for item in handed:
            settle(self.store.engine, run.feed.id, item.url, "ingested", fingerprint=item.fingerprint,
                   error=refused.get(item.url))
        record_run(self.store.engine, run.feed.id, kind=run.kind, etag=run.etag, last_modified=run.last_modified,
                   last_entries=len(run.found), last_new=len({item.url for item in handed} - set(refused)))

    def _refused(self, sources: list[str]) -> dict[str, str]:
        """The error rows the ingest left for these sources (E120 for a page in another language, ...)."""
        if not sources:
            return {}
        with Session(self.store.engine) as session:
            rows = session.execute(select(schema.IngestError.source, schema.IngestError.reason)
                                   .where(schema.IngestError.source.in_(sources)))
            return {source: reason for source, reason in rows}


TRANSIENT = {"E131", "E132", "E138", "E145"}   # unreachable, too slow, robots.txt unreadable or too slow a pace
TRANSIENT_STATUS = {408, 429}                  # besides 5xx


def transient(error: ParleyError) -> bool:
    """Whether a page's failure may pass by itself (the host was down or slow): it is tried again on every run and
    does not use up follow.entry_attempts, which only permanent failures (4xx, too large, wrong type, robots.txt
    forbids, ...) count."""
    if error.code == "E134":
        status = int(error.details.get("status", 0))
        return status >= 500 or status in TRANSIENT_STATUS
    return error.code in TRANSIENT


def _coded(exc: Exception, url: str) -> ParleyError:
    """A failure as a coded error: a `ParleyError` as it is, anything else (a bug, a library's surprise) as E144."""
    if isinstance(exc, ParleyError):
        return exc
    return ParleyError(E.E144, url=url, kind=type(exc).__name__, reason=str(exc).splitlines()[0][:200] if str(exc)
                       else "no message")


def _add(total: IngestSummary, part: IngestSummary) -> None:
    for name in ("read", "stored", "duplicates", "near_duplicates", "failed", "skipped"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.seconds += part.seconds
