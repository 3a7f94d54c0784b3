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
from test_store_ingest import _tables, bbc_sample


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
