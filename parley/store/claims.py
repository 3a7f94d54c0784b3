"""Claims: which ingester is analysing which article, so that several ingesters on one store share the work and a
dead one's articles are taken over (and counted as a death) by the next.

A claim is the article's `ingest_attempts` row with the owner's name. An owner is alive while its process runs: on
PostgreSQL while its connection holds an advisory lock (so ingesters on any host agree), on SQLite while a process
with its pid and start time runs on this host (an SQLite file is written from one host).
"""
from __future__ import annotations

import os
import secrets
import socket
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .database import WRITE
from .schema import IngestAttempt

_HOST = socket.gethostname()


def insert_ignore(session: Session, table: Table, **values: object) -> bool:
    """Insert the row unless one with the same unique key is there (another ingester's, a moment ago); True if it
    was inserted. A plain INSERT would fail the transaction and leave a false error behind."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    insert = dialect.insert(table).values(**values).on_conflict_do_nothing()
    return session.execute(insert.returning(*table.primary_key.columns)).first() is not None


STORE_LOCK = 0x7061726C6573  # the PostgreSQL advisory lock held while one article is stored


def serialize(session: Session) -> None:
    """Store one article at a time, so a near-copy sees every article stored before it. On SQLite the write
    transaction (BEGIN IMMEDIATE) already does; PostgreSQL takes a lock until the transaction ends."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": STORE_LOCK})


def _started(pid: int) -> str | None:
    """When process `pid` started (clock ticks since boot, from /proc), so a reused pid is not taken for the dead
    process; "" where /proc is not there; None if there is no such process, or only its unreaped remains."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        if Path("/proc/self/stat").exists():
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return ""
    fields = stat.rsplit(")", 1)[1].split()  # from field 3 on; the name in parentheses may hold spaces
    return None if fields[0] in ("Z", "X") else fields[19]  # the state (a zombie is dead), the start time


class Claims:
    """This run's claims on one store: `open` before the first claim, `close` at the end (releases what is left)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.postgres = engine.dialect.name == "postgresql"
        self._key = secrets.randbits(62)  # the PostgreSQL advisory lock that says this run is alive
        self.owner = f"{_HOST}:{os.getpid()}:{_started(os.getpid())}:{self._key}"
        self._lock: Connection | None = None
        self._alive: dict[str, bool] = {}

    def open(self) -> None:
        if self.postgres and self._lock is None:
            self._lock = self.engine.connect()
            self._lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": self._key})
            self._lock.commit()

    def close(self) -> None:
        """Release the claims this run did not settle (an article it stored unanalysed and could not analyse, or
        one left by Ctrl-C): their attempt counts stay."""
        with Session(self.engine.execution_options(**WRITE)) as session, session.begin():
            session.execute(update(IngestAttempt).where(IngestAttempt.owner == self.owner).values(owner=None))
        if self._lock is not None:
            self._lock.close()  # ends the session, and with it the advisory lock
            self._lock = None

    def forget_the_living(self) -> None:
        """Look again at whether owners are alive (their answers are kept while one chunk is sorted)."""
        self._alive.clear()

    def alive(self, session: Session, owner: str | None) -> bool:
        if owner is None:
            return False
        if owner == self.owner:
            return True
        if owner not in self._alive:
            self._alive[owner] = self._lives(session, owner)
        return self._alive[owner]

    def _lives(self, session: Session, owner: str) -> bool:
        host, pid, started, key = owner.rsplit(":", 3)
        if self.postgres:
            return session.scalar(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 "
                "AND classid::bigint * 4294967296 + objid::bigint = :key "
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"),
                {"key": int(key)}) > 0
        if host != _HOST:
            return True  # another host's process cannot be seen from here: its claim stands
        now = _started(int(pid))
        return now is not None and (now == started or "" in (now, started))

    def busy(self, session: Session, source_key: str, content_hash: str) -> bool:
        """Whether another live ingester is analysing this text under another key (an exact copy): this one waits
        for it to be stored, to be stored as its copy."""
        owners = session.scalars(select(IngestAttempt.owner).where(
            IngestAttempt.content_hash == content_hash, IngestAttempt.source_key != source_key,
            IngestAttempt.owner.is_not(None), IngestAttempt.owner != self.owner)).all()
        return any(self.alive(session, owner) for owner in owners)

    def take(self, session: Session, source_key: str, content_hash: str) -> int | None:
        """Claim the article for this run, in the caller's write transaction; returns how many analyses of it have
        started with this one (1 the first time; more means earlier runs died on it or left it), or None if a live
        ingester has it. Two runs that race for one dead owner's claim: the row's owner decides, one wins."""
        for _ in range(3):  # on PostgreSQL the row met by the insert may be gone (settled) by the select
            if insert_ignore(session, IngestAttempt.__table__, source_key=source_key, content_hash=content_hash,
                             count=1, owner=self.owner):
                return 1
            row = session.execute(select(IngestAttempt.count, IngestAttempt.owner).where(
                IngestAttempt.source_key == source_key, IngestAttempt.content_hash == content_hash)).first()
            if row is not None:
                break
        else:
            return None  # it keeps changing hands: looked at again later
        count, owner = row
        if owner == self.owner:
            return count
        if self.alive(session, owner):
            return None
        won = session.execute(update(IngestAttempt).where(
            IngestAttempt.source_key == source_key, IngestAttempt.content_hash == content_hash,
            IngestAttempt.owner.is_not_distinct_from(owner)).values(count=count + 1, owner=self.owner)).rowcount
        return count + 1 if won else None
