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


def _store_at_0005(url: str) -> None:
    """A store as revision 0005 made it: one analysed article in `world`, its statement and its position."""
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(_config(connection), "0005")
        now = "2026-01-01 00:00:00.000000"
        for insert in (
                "INSERT INTO negotiations (id, name, created_at) VALUES (1, 'world', :now)",
                "INSERT INTO articles (id, source_key, content_hash, boilerplate, sources_cited, extra, ingested_at, "
                "text) VALUES (1, 'a', 'h1', '[]', '[]', '{}', :now, 'text')",
                "INSERT INTO analyses (article_id, negotiation_id, parley_version, analysed_at) "
                "VALUES (1, 1, 'old', :now)",
                "INSERT INTO statements (id, article_id, negotiation_id, \"index\", sentence, start, \"end\", text, "
                "actor, action, plover, issue, stance, quote, reported_by, negated, confidence) VALUES (7, 1, 1, 0, 0, "
                "0, 4, 'text', 'NOR', 'demand', 'DEMAND', 'ceasefire', 'for', false, '[]', false, 0.8)",
                "INSERT INTO positions (article_id, negotiation_id, actor, issue, stance, confidence, statement_ids, "
                "corrected) VALUES (1, 1, 'NOR', 'ceasefire', 'for', 0.8, '[7]', false)"):
            connection.execute(text(insert), {"now": now})
    engine.dispose()


def test_migration_0006_gives_existing_positions_no_contested_evidence_and_goes_down_again(db_url):
    """0006 adds `contested_ids` to the positions: a row stored before it gets an empty list; down to 0005 drops
    only that column, and the row's other evidence stays."""
    _store_at_0005(db_url)
    with parley.open(db_url) as store:  # opening migrates to the head
        (position,) = store.history().itertuples()
        assert (position.statement_ids, position.contested_ids) == ([7], [])
    engine = create_engine(db_url)
    with engine.begin() as connection:
        command.downgrade(_config(connection), "0005")
        assert "contested_ids" not in {c["name"] for c in sa_inspect(connection).get_columns("positions")}
        assert connection.execute(text("SELECT statement_ids FROM positions")).scalar() in ("[7]", [7])
    migrate(engine)
    engine.dispose()
    with parley.open(db_url) as store:
        assert store.history()["contested_ids"].tolist() == [[]]
