"""Migration 0004 moves an existing store's rows into negotiations: an article whose issues are all the generic
taxonomy's into `world`, one read with a dossier (issues of its own) into `imported`, exact copies with their
first copy; every moved analysis is stale (the store never recorded what it was read with)."""
from __future__ import annotations


from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy import inspect as sa_inspect

import parley
from parley.store.database import migrate


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("parley.store").joinpath("migrations")))
    config.attributes["connection"] = connection
    return config


def _old_store(url: str) -> None:
    """A store as revision 0002 made it: two analysed articles and an exact copy of the second."""
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(_config(connection), "0002")
        now = "2026-01-01 00:00:00.000000"  # as SQLAlchemy writes DateTime
        for number, (key, copy_of) in enumerate([("bbc-1", None), ("dev-1", None), ("dev-1-copy", 2)], start=1):
            connection.execute(text(
                "INSERT INTO articles (id, source_key, content_hash, boilerplate, sources_cited, extra, "
                "duplicate_of, ingested_at, text) VALUES (:id, :key, :hash, '[]', '[]', '{}', :copy, :now, :text)"),
                {"id": number, "key": key, "hash": f"h{copy_of or number}", "copy": copy_of, "now": now,
                 "text": None if copy_of else "text"})
        for article, issue in ((1, "ceasefire"), (2, "port_access")):  # a taxonomy issue; a dossier's own
            connection.execute(text(
                "INSERT INTO statements (article_id, \"index\", sentence, start, \"end\", text, actor, action, plover, "
                "issue, stance, quote, reported_by, negated, confidence) VALUES (:a, 0, 0, 0, 4, 'text', 'NOR', "
                "'demand', 'DEMAND', :issue, 'for', false, '[]', false, 0.8)"), {"a": article, "issue": issue})
            connection.execute(text(
                "INSERT INTO positions (article_id, actor, issue, stance, confidence, statement_ids) "
                "VALUES (:a, 'NOR', :issue, 'for', 0.8, '[]')"), {"a": article, "issue": issue})
    engine.dispose()


def test_existing_rows_move_into_world_or_imported(db_url):
    _old_store(db_url)
    with parley.open(db_url) as store:  # opening migrates to the head
        listing = store.negotiations().set_index("negotiation")
        assert listing["articles"].to_dict() == {"imported": 2, "world": 1}
        assert listing["stale"].to_dict() == {"imported": 2, "world": 1}
        world, imported = store.negotiation("world"), store.negotiation("imported")
        assert set(world.positions()["issue"]) == {"ceasefire"}
        assert set(imported.positions()["issue"]) == {"port_access"}
        assert imported.counts()["duplicates"] == 1 and world.statements()["issue"].tolist() == ["ceasefire"]


def test_the_migration_goes_down_and_up_again(db_url):
    _old_store(db_url)
    engine = create_engine(db_url)
    migrate(engine)
    with engine.begin() as connection:
        command.downgrade(_config(connection), "0002")
        assert connection.execute(text("SELECT count(*) FROM statements")).scalar() == 2
    migrate(engine)
    engine.dispose()
    with parley.open(db_url) as store:
        assert set(store.negotiations()["negotiation"]) == {"world", "imported"}


def test_migration_0005_adds_the_follow_tables_and_goes_down_again(db_url, tmp_path):
    """0005 (followed feeds and their entries) on a store with a followed folder: down to 0004 drops only them."""
    with parley.open(db_url) as store:
        store.follow([str(tmp_path)], "world")
        assert len(store.negotiation("world").feeds()) == 1
    engine = create_engine(db_url)
    with engine.begin() as connection:
        command.downgrade(_config(connection), "0004")
        tables = set(sa_inspect(connection).get_table_names())
        assert {"feeds", "feed_entries"}.isdisjoint(tables) and "negotiations" in tables
    migrate(engine)
    engine.dispose()
    with parley.open(db_url) as store:
        assert store.negotiation("world").feeds().empty
