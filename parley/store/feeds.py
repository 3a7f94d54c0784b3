"""The records of `parley follow`: the feeds, sitemaps and folders followed into each negotiation, what each run of
them found, and the entries they have settled (so that a second run fetches nothing it has read)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session

from ..errors import E, ParleyError
from ..settings import defaults
from . import schema
from .claims import insert_ignore
from .database import WRITE
from .negotiations import Scope

FEED_COLUMNS = ["url", "kind", "filtered", "last_run", "new_articles", "new_entries", "errors", "failures",
                "next_run", "last_error"]


@dataclass(frozen=True)
class Settled:
    """What earlier runs made of one entry."""

    state: str
    attempts: int
    fingerprint: str | None


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def add_feeds(engine: Engine, scope: Scope, urls: list[str], kind: str, filtered: bool) -> list[bool]:
    """Follow each address (or folder) in the negotiation; for each, whether it is new (False: followed already)."""
    added = []
    with Session(engine.execution_options(**WRITE)) as session, session.begin():
        for url in urls:
            added.append(bool(insert_ignore(session, schema.Feed.__table__, negotiation_id=scope.id, url=url,
                                            kind=kind if kind == "folder" else "feed", filtered=filtered,
                                            added_at=now(), last_new=0, last_entries=0, errors=0, failures=0)))
    return added


def remove_feed(engine: Engine, scope: Scope, url: str) -> None:
    """Stop following one address or folder of the negotiation (its settled entries go with it)."""
    with Session(engine.execution_options(**WRITE)) as session, session.begin():
        if not session.execute(delete(schema.Feed).where(schema.Feed.negotiation_id == scope.id,
                                                         schema.Feed.url == url)).rowcount:
            known = session.scalars(select(schema.Feed.url).where(schema.Feed.negotiation_id == scope.id))
            raise ParleyError(E.E142, ident=url, negotiation=scope.name, known=", ".join(known) or "none")


def due_feeds(engine: Engine, negotiation_id: int | None, at: dt.datetime) -> tuple[list[schema.Feed], list[schema.Feed]]:
    """The feeds to run now and those backing off after failures (of one negotiation, or all), by negotiation."""
    query = select(schema.Feed).order_by(schema.Feed.negotiation_id, schema.Feed.id)
    if negotiation_id is not None:
        query = query.where(schema.Feed.negotiation_id == negotiation_id)
    with Session(engine, expire_on_commit=False) as session:
        feeds = list(session.scalars(query))
    waiting = [feed for feed in feeds if feed.next_run_at is not None and feed.next_run_at > at]
    return [feed for feed in feeds if feed not in waiting], waiting


def settled_entries(engine: Engine, feed_id: int) -> dict[str, Settled]:
    with Session(engine) as session:
        rows = session.execute(select(schema.FeedEntry.url, schema.FeedEntry.state, schema.FeedEntry.attempts,
                                      schema.FeedEntry.fingerprint).where(schema.FeedEntry.feed_id == feed_id))
        return {row.url: Settled(row.state, row.attempts, row.fingerprint) for row in rows}


def settle(engine: Engine, feed_id: int, url: str, state: str, error: str | None = None,
           fingerprint: str | None = None, counts: bool = True) -> None:
    """Record what became of an entry this run (a failure counts one more attempt, unless `counts` is False: a
    transient one, which does not use up the entry's tries)."""
    values = dict(state=state, error=error, fingerprint=fingerprint, seen_at=now())
    attempt = int(state == "failed" and counts)
    with Session(engine.execution_options(**WRITE)) as session, session.begin():
        entry = schema.FeedEntry
        changed = session.execute(update(entry).where(entry.feed_id == feed_id, entry.url == url).values(
            **values, attempts=entry.attempts + attempt)).rowcount
        if not changed:
            insert_ignore(session, entry.__table__, feed_id=feed_id, url=url, attempts=attempt, **values)


def record_run(engine: Engine, feed_id: int, error: str | None = None, **values: object) -> None:
    """The end of a feed's run: what it found, or (with `error`) its failure, which sets its backoff: the next run
    waits follow.backoff_first seconds, doubled with each failure in a row, at most follow.backoff_max."""
    limits = defaults("follow")
    at = now()
    with Session(engine.execution_options(**WRITE)) as session, session.begin():
        feed = session.get(schema.Feed, feed_id)
        if feed is None:  # removed while it ran
            return
        feed.last_run_at = at
        for name, value in values.items():
            setattr(feed, name, value)
        if error is None:
            feed.last_error, feed.failures, feed.next_run_at = None, 0, None
        else:
            feed.last_error, feed.errors, feed.failures = error, feed.errors + 1, feed.failures + 1
            doublings = min(feed.failures - 1, 30)  # 2 ** 1024 failures would overflow a float
            wait = min(float(limits["backoff_first"]) * 2 ** doublings, float(limits["backoff_max"]))
            feed.next_run_at = at + dt.timedelta(seconds=wait)


def _utc(at: dt.datetime | None) -> dt.datetime | None:
    """A stored time (naive, UTC) marked as UTC, so that it is written with its offset: ...T09:00:00+00:00."""
    return at.replace(tzinfo=dt.UTC) if at is not None else None


def feeds_frame(engine: Engine, scope: Scope | None = None) -> pd.DataFrame:
    """The followed feeds (of one negotiation, or all with a `negotiation` column first): last run, articles and
    entries it found, errors and backoff (times in UTC, with their offset)."""
    query = select(schema.Feed, schema.Negotiation.name).join(schema.Negotiation).order_by(
        schema.Negotiation.name, schema.Feed.id)
    if scope is not None:
        query = query.where(schema.Feed.negotiation_id == scope.id)
    with Session(engine) as session:
        rows = [{"negotiation": name, "url": f.url, "kind": f.kind, "filtered": f.filtered,
                 "last_run": _utc(f.last_run_at), "new_articles": f.last_new, "new_entries": f.last_entries,
                 "errors": f.errors, "failures": f.failures, "next_run": _utc(f.next_run_at),
                 "last_error": f.last_error}
                for f, name in session.execute(query)]
    frame = pd.DataFrame(rows, columns=["negotiation", *FEED_COLUMNS])
    return frame if scope is None else frame.drop(columns="negotiation")
