"""Several ingesters on one store (SQLite file or PostgreSQL database) at once: the schema is made once, each
article is analysed by one of them, and the store ends as one ingester leaves it, with no false error rows."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import parley
from parley.sources import read_paths
from parley.store.schema import IngestAttempt
from test_store_ingest import EXAMPLES, _by_negotiation, _tables, bbc_sample


@pytest.mark.parametrize("schema", ["fresh", "made"])
def test_four_ingesters_at_once_store_what_one_stores(schema, db_url, store_analyzer, tmp_path, ingest_process):
    """Before: on a fresh store 3 of 4 failed with `[E050] table articles already exists` (or PostgreSQL's
    unique violation in pg_type); on a made store each analysed everything and left false `E054 UNIQUE
    constraint` rows."""
    sample = tmp_path / "bbc.jsonl"
    copies = bbc_sample(sample, size=16, copies=3)
    alone = str(tmp_path / "alone.db") if db_url.startswith("sqlite") else None
    reference_url = f"sqlite:///{alone}" if alone else db_url
    with parley.open(reference_url) as store:
        one = store.ingest(read_paths([sample]), store_analyzer)
    reference = _tables(reference_url)
    if not alone:
        from test_store_ingest import _empty

        _empty(db_url)

    if schema == "made":
        parley.open(db_url).close()
    reports = [tmp_path / f"ingester-{n}.json" for n in range(4)]
    processes = [ingest_process(db_url, [sample], store_analyzer, report) for report in reports]
    for process in processes:
        process.join(300)
    assert [p.exitcode for p in processes] == [0, 0, 0, 0], "an ingester failed"
    summaries = [json.loads(report.read_text()) for report in reports]
    assert [s["read"] for s in summaries] == [16] * 4
    assert sum(s["stored"] for s in summaries) == one.stored == 16 - copies, "an article was analysed twice"
    assert sum(s["duplicates"] for s in summaries) == copies
    assert all(s["failed"] == 0 for s in summaries)

    together = _tables(db_url)
    for name, frame in reference.items():
        pd.testing.assert_frame_equal(together[name], frame, obj=name)
    with parley.open(db_url) as store, Session(store.engine) as session:
        assert store.errors().empty
        assert session.scalars(select(IngestAttempt)).all() == []


def test_an_article_a_live_ingester_holds_is_left_to_it_after_the_wait_then_taken_when_it_lets_go(
        db_url, store_analyzer):
    """The other ingester is a second `Claims` here, alive as long as this process (SQLite) or its advisory lock
    (PostgreSQL) is; it lets go when its run ends. The wait is the setting store.claim_wait, shortened."""
    from parley.store.claims import Claims
    from parley.store.database import WRITE
    from parley.store.dedupe import content_hash

    held = next(d for d in read_paths([EXAMPLES]) if d.id == "03-valley-inspections")
    with parley.open(db_url) as store:
        other = Claims(store.engine)
        other.open()
        with Session(store.engine.execution_options(**WRITE)) as session, session.begin():
            assert other.take(session, held.id, content_hash(held.text)) == 1
        store._ingest_state(store.open_negotiation(None, store_analyzer.dossier)).wait = 1.0
        summary = store.ingest(read_paths([EXAMPLES]), store_analyzer)
        assert (summary.stored, summary.failed) == (4, 1)
        assert store.errors()[["source", "code"]].values.tolist() == [[held.path, "E056"]]
        other.close()
        again = store.ingest(read_paths([EXAMPLES]), store_analyzer)
        assert (again.stored, again.failed, again.skipped) == (1, 0, 5)
        assert store.errors().empty


def test_a_killed_ingesters_claims_are_taken_over_even_before_it_is_reaped(db_url, store_analyzer, tmp_path,
                                                                           ingest_process):
    """A process killed and not yet waited for (a zombie) is dead: its claims do not make the next run wait."""
    import os
    import signal
    import time

    from sqlalchemy import create_engine
    from test_store_ingest import _attempts

    sample = tmp_path / "bbc.jsonl"
    bbc_sample(sample, size=8, copies=0)
    engine = create_engine(db_url)
    process = ingest_process(db_url, [sample], store_analyzer)
    while not _attempts(engine) and process.is_alive():
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)  # not joined: a zombie until the end of the test
    time.sleep(0.2)
    engine.dispose()
    with parley.open(db_url) as store:
        store._ingest_state(store.open_negotiation(None, store_analyzer.dossier)).wait = 5.0
        summary = store.ingest(read_paths([sample]), store_analyzer)
        assert summary.failed == 0 and summary.stored + summary.skipped == 8  # no E056 after waiting on it
        assert store.errors().empty
    process.join()


def test_ingesters_of_two_negotiations_at_once_each_read_every_article_once(db_url, store_analyzer, world_analyzer,
                                                                            tmp_path, ingest_process):
    """Claims are per article, whatever the negotiation: an ingester of another negotiation waits for the
    article's reading, then adds its own. Two ingesters per negotiation (the examples' dossier and `world`) at
    once end as the two negotiations ingested one after the other: each article stored once, read once in each.
    Had "stored" meant "stored in any negotiation", the later ingester would have skipped what the other stored."""
    alone = str(tmp_path / "alone.db") if db_url.startswith("sqlite") else None
    reference_url = f"sqlite:///{alone}" if alone else db_url
    with parley.open(reference_url) as store:
        store.ingest(read_paths([EXAMPLES]), store_analyzer)
        store.ingest(read_paths([EXAMPLES]), world_analyzer)
        rows = len(store.negotiation("world").articles(duplicates=True))
    reference = _by_negotiation(reference_url)
    if not alone:
        from test_store_ingest import _empty

        _empty(db_url)
    parley.open(db_url).close()
    processes = [ingest_process(db_url, [EXAMPLES], analyzer) for analyzer in (store_analyzer, world_analyzer) * 2]
    for process in processes:
        process.join(300)
    assert [p.exitcode for p in processes] == [0, 0, 0, 0], "an ingester failed"
    assert _by_negotiation(db_url) == reference and len(reference) == 2
    with parley.open(db_url) as store, Session(store.engine) as session:
        assert store.errors().empty
        assert session.scalars(select(IngestAttempt)).all() == []
        assert len(session.scalars(select(parley.store.schema.Article)).all()) == rows  # stored once
