"""Parallel ingest of real articles: a Dask LocalCluster with 2 workers, and a pool of 2 local processes, leave the
store exactly as a one-process ingest does (same rows, same ids, same duplicates and failures)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

import parley
from parley.cli import app
from parley.run.runners import open_analyzer
from parley.sources import read_paths
from parley.store.schema import Base

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOSSIER = ROOT / "examples" / "timeline" / "dossier.yaml"
STAMPS = {"ingested_at", "at", "created_at", "analysed_at"}   # when a row was written differs from run to run


def corpus(tmp_path: Path) -> list[Path]:
    """Real articles (dev corpus, the first BBC records), our timeline examples (copies, near-copies) and a line
    that is not JSON."""
    bbc = tmp_path / "bbc.jsonl"
    lines = (SHARED / "corpus" / "bulk" / "bbc-2005.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    bbc.write_text("\n".join([*lines, "not json"]) + "\n", encoding="utf-8")
    return [SHARED / "corpus" / "dev", ROOT / "examples" / "timeline", bbc]


def snapshot(url: str) -> dict[str, list[dict]]:
    """Every row of every table, in id order, without write times."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {table.name: [{k: v for k, v in row._mapping.items() if k not in STAMPS}
                                 for row in connection.execute(select(table).order_by(*table.primary_key.columns))]
                    for table in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


def ingest(url: str, paths: list[Path], analyzer, progress=None) -> tuple:
    with parley.open(url) as store:
        summary = store.ingest(read_paths(paths), analyzer, progress)
    return summary.stored, summary.duplicates, summary.near_duplicates, summary.failed


@pytest.fixture
def one_process(tmp_path: Path, store_analyzer) -> tuple[str, tuple, list[Path]]:
    paths = corpus(tmp_path)
    url = f"sqlite:///{tmp_path / 'one.db'}"
    return url, ingest(url, paths, store_analyzer), paths


def check_same_store(one_process, url: str, counts: tuple) -> None:
    reference_url, reference, _ = one_process
    assert counts == reference
    assert reference[0] >= 20 and reference[1] >= 1 and reference[3] == 1
    expected = snapshot(reference_url)
    assert len(expected["statements"]) > 20
    assert snapshot(url) == expected


@pytest.mark.dask
def test_dask_local_cluster_stores_what_one_process_stores(one_process, tmp_path):
    """The client stores each task's analyses as they come back while the workers go on with the next ones, and
    claims and hands out the next chunk before it stores the one before: in chunks of 17 articles, the copy of the
    Ledger's story (06) is claimed while its original (05, in the chunk before) is still being analysed, and is
    stored as a copy all the same."""
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    with open_analyzer(DOSSIER, dask="local:2") as cluster:
        assert len(cluster.client.scheduler_info()["workers"]) == 2
        cluster.settings = cluster.settings.model_copy(update={"batch_size": 17})
        held: list[int] = []   # tasks handed to the cluster whose analyses were not stored yet, at each store

        def watch(summary) -> None:
            if summary.stored > len(held):
                held.append(len(cluster.client.futures))

        counts = ingest(url, one_process[2], cluster, watch)
        # each worker built its pipeline once and reused it for every later task
        loaded = cluster.client.run(lambda: parley.pipeline._kept.cache_info()._asdict())
        trimming = cluster.client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    check_same_store(one_process, url, counts)
    # when the first article was stored, its chunk's later tasks and the next chunk's (2 tasks) were out; an
    # ingest that stores a chunk only once all of it is back, and then claims the next, holds none at any store
    assert held[0] >= 2
    assert all(info["currsize"] == 1 and info["misses"] == 1 for info in loaded.values())
    assert sum(info["hits"] for info in loaded.values()) >= 2
    assert set(trimming.values()) == {None}   # glibc tunes its own memory mapping in the workers (cluster.py)


def test_local_processes_store_what_one_process_stores(one_process, tmp_path):
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    with open_analyzer(DOSSIER, workers=2) as pool:
        counts = ingest(url, one_process[2], pool)
    check_same_store(one_process, url, counts)


@pytest.mark.parametrize(("options", "code"), [(["--dask", "local:two"], "E070"), (["--workers", "0"], "E072"),
                                                (["--workers", "2", "--dask", "local:2"], "E072")])
def test_ingest_rejects_bad_parallel_options(tmp_path, options, code):
    result = CliRunner().invoke(app, ["ingest", str(ROOT / "examples" / "timeline"), "--db",
                                      str(tmp_path / "x.db"), *options])
    assert result.exit_code == 2
    assert code in result.output
