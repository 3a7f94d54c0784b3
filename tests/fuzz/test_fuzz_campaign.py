"""The robustness campaign (benchmarks/fuzz.py) on a small budget: every input class, nothing uncaught, no hang,
every offset right. `make fuzz` runs 10,000 inputs; docs/robustness.md has the table."""
from __future__ import annotations

from benchmarks.fuzz import CLASSES, campaign, inputs


def test_a_small_campaign_finds_nothing_uncaught_no_hang_and_right_offsets():
    outcome = campaign(120, seed=7, limit=30)
    assert outcome.uncaught == [] and outcome.hangs == [] and outcome.offsets_wrong == []
    assert outcome.analysed > 20 and outcome.offsets_checked > 50 and outcome.coded


def test_the_generator_is_seeded_and_covers_the_classes():
    first = [name for name, _ in inputs(400, seed=3)]
    assert first == [name for name, _ in inputs(400, seed=3)]
    assert set(first) >= set(CLASSES) - {"5 MB line", "20 MB text"}
    assert {"5 MB line", "20 MB text"} <= {name for name, _ in inputs(1000, seed=3)}
