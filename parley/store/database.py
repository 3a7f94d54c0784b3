"""Open a store by URL or path: create the engine, tune SQLite, bring the schema up to date with Alembic."""
from __future__ import annotations

import os
from contextlib import nullcontext
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from ..errors import E, ParleyError, needs_extra
from ..settings import defaults


def resolve_url(db: str | Path | None = None) -> str:
    """`--db` value, else PARLEY_DB, else ./parley.db; a plain path means an SQLite file."""
    value = str(db) if db else os.environ.get("PARLEY_DB") or defaults("store")["default_db"]
    return value if "://" in value else f"sqlite:///{value}"


def _tune_sqlite(dbapi_connection, _record) -> None:
    """WAL lets readers (the dashboard, a test) watch an ingest; foreign keys keep rows linked; NORMAL sync is
    still safe against a killed process (only an OS crash can lose the last commits)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest migration packaged in parley/store/migrations."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("parley.store").joinpath("migrations")))
    with engine.begin() as connection:
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
