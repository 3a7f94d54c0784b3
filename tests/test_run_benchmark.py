"""`parley bench` on a small N (CI): both passes run, the ratio and memory are reported, and the eval scores with
selective parsing equal those with full parsing. No timing is asserted."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_bench_reports_both_passes_and_unchanged_eval():
    gold = SHARED / "eval" / "dev" / "d04.gold.json"
    result = CliRunner().invoke(app, ["bench", "--n", "6", "--store", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["raw"]["articles"] == figures["parley"]["articles"] == 6
    assert figures["raw"]["rate"] > 0 and figures["parley"]["rate"] > 0
    assert figures["ratio"] == figures["parley"]["rate"] / figures["raw"]["rate"]
    assert figures["cpu_ratio"] == pytest.approx(figures["raw"]["cpu_seconds"] / figures["parley"]["cpu_seconds"])
    assert figures["stored"] == 6
    assert 0 < figures["parsed_share"] < 1
    assert figures["peak_rss_mib"] > 100
    (scores,) = figures["eval"].values()
    assert scores["events"]["full"] > 0
    assert all(values["fast"] == values["full"] for values in scores.values())


def test_bench_prints_a_table(tmp_path):
    corpus = tmp_path / "mine.jsonl"
    corpus.write_text(json.dumps({"id": "h1", "text": "Norway demanded a larger mackerel quota. Iceland refused."})
                      + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "--corpus", str(corpus), "--n", "3", "--no-eval", "--no-raw"])
    assert result.exit_code == 0, result.output
    assert "parley end to end" in result.output
    with_raw = CliRunner().invoke(app, ["bench", "--corpus", str(corpus), "--n", "3", "--no-eval"])
    assert with_raw.exit_code == 0, with_raw.output
    assert re.search(r"ratio parley / raw spaCy: [\d.]+ \(in CPU seconds: [\d.]+\)", with_raw.output)
    found = re.search(r"statements: (\d+)", result.output)
    assert found and int(found.group(1)) >= 1   # a demand by a named state is a statement


@pytest.mark.dask
def test_bench_on_dask_reports_the_cpu_seconds_of_each_worker():
    """A Dask run's work is done in the workers: their CPU seconds are what shows how it scales."""
    result = CliRunner().invoke(app, ["bench", "--n", "4", "--no-raw", "--no-eval", "--dask", "local:1", "--json"])
    assert result.exit_code == 0, result.output
    (worker,) = json.loads(result.output)["parley"]["worker_cpu_seconds"]
    assert worker > 0


def test_the_cpu_ratio_on_dask_counts_the_workers_seconds() -> None:
    from parley.run.benchmark import BenchResult, Pass

    result = BenchResult("corpus", raw=Pass("raw", 100, 10.0, 20.0),
                         parley=Pass("parley", 100, 5.0, 1.0, worker_cpu_seconds=[4.0, 5.0]))
    assert result.cpu_ratio == pytest.approx(20.0 / 10.0)
