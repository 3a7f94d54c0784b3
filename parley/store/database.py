"""Open a store by URL or path: create the engine, tune SQLite, bring the schema up to date with Alembic.

Several processes may open one store at once (ingesters, the dashboard): the migration runs under a lock, and on
SQLite a write transaction takes the write lock when it begins, so writers queue instead of failing."""
from __future__ import annotations

import os
from contextlib import nullcontext
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError

from ..errors import E, ParleyError, needs_extra
from ..settings import defaults


def resolve_url(db: str | Path | None = None) -> str:
    """`--db` value, else PARLEY_DB, else ./parley.db; a plain path means an SQLite file."""
    value = str(db) if db else os.environ.get("PARLEY_DB") or defaults("store")["default_db"]
    return value if "://" in value else f"sqlite:///{value}"


WRITE = {"write": True}  # execution option of a write transaction: BEGIN IMMEDIATE on SQLite
MIGRATION_LOCK = 0x7061726C6579  # "parley": the PostgreSQL advisory lock that one migration holds at a time


def _tune_sqlite(dbapi_connection, _record) -> None:
    """WAL lets readers (the dashboard, a test) watch an ingest; foreign keys keep rows linked; NORMAL sync is
    still safe against a killed process (only an OS crash can lose the last commits). The busy timeout comes first,
    as switching a new file to WAL needs a lock another process may hold. The driver's own transaction handling is
    off: `_begin_sqlite` says how each transaction begins."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(defaults('store')['busy_timeout'] * 1000)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    """A write transaction (execution option WRITE) begins IMMEDIATE: it waits for the write lock up front. A
    deferred one that reads first and writes later fails at once with 'database is locked' when another process
    wrote in between, whatever the busy timeout."""
    connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get("write") else "BEGIN")


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest migration packaged in parley/store/migrations, one process at a time: the
    migration's transaction holds the SQLite write lock or a PostgreSQL advisory lock, and reads the schema's
    version only once it has it, so a second process finds the schema made and does nothing."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("parley.store").joinpath("migrations")))
    with engine.execution_options(**WRITE).begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_engine(db: str | Path | None = None, create: bool = True) -> Engine:
    """An engine on an up-to-date schema; a clear ParleyError (E050) if the database cannot be reached, and
    (E103) with `create=False` if it names an SQLite file that does not exist."""
    url = resolve_url(db)
    if not create:
        _must_exist(url)
    driver = needs_extra("postgres", f"the store {_safe(url)}") if url.startswith("postgresql") else nullcontext()
    try:
        with driver:  # SQLite is in Python; PostgreSQL's driver is an extra
            engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _tune_sqlite)
            event.listen(engine, "begin", _begin_sqlite)
        migrate(engine)
    except (SQLAlchemyError, OSError, ImportError) as exc:
        raise ParleyError(E.E050, url=_safe(url), reason=str(exc).splitlines()[0]) from exc
    return engine


def _must_exist(url: str) -> None:
    """Only `ingest` makes a store: a query on a mistyped path must not answer from a new, empty file."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
            and not parsed.database.startswith("file:") and not Path(parsed.database).exists():
        raise ParleyError(E.E103, url=parsed.database)


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return url
