"""Positions and gaps from statements: the aggregation rules, on statements built by hand."""
from __future__ import annotations

import pytest

from parley.models import Statement
from parley.positions import build_gaps, build_positions, gap_status, summarize


def statement(actor: str, issue: str | None, stance: str | None, confidence: float = 0.8,
              condition: str | None = None) -> Statement:
    return Statement(sentence=0, start=0, end=1, text="x", actor=actor, action="demand", plover="REQUEST",
                     issue=issue, stance=stance, condition=condition, confidence=confidence)


def test_one_position_per_actor_and_issue_lists_all_its_evidence():
    statements = [statement("AAA", "ports", "for"), statement("BBB", "ports", "against"),
                  statement("AAA", "ports", "for"), statement("AAA", None, None)]
    positions = build_positions(statements)
    assert [(p.actor, p.issue, p.stance, p.statements) for p in positions] == [
        ("AAA", "ports", "for", [0, 2]), ("BBB", "ports", "against", [1])]


def test_a_condition_qualifies_support():
    statements = [statement("AAA", "ports", "for"), statement("AAA", "ports", "conditional", condition="if B pays")]
    [position] = build_positions(statements)
    assert position.stance == "conditional"
    assert position.condition == "if B pays"


def test_clear_opposition_outweighs_a_condition():
    statements = [statement("AAA", "ports", "against", 0.9), statement("AAA", "ports", "against", 0.9),
                  statement("AAA", "ports", "conditional", 0.5, "if")]
    assert build_positions(statements)[0].stance == "against"


@pytest.mark.parametrize("a,b,status", [
    ("for", "for", "agree"), ("against", "against", "agree"), ("for", "against", "opposed"),
    ("conditional", "against", "conditional"), (None, "for", "unknown"), (None, None, "unknown")])
def test_gap_status(a, b, status):
    assert gap_status(a, b) == status


def test_gaps_cover_every_pair_where_one_side_is_on_record():
    statements = [statement("AAA", "ports", "for"), statement("BBB", "ports", "against"),
                  statement("CCC", "fish", "for")]
    positions = build_positions(statements)
    gaps = build_gaps(positions, ["AAA", "BBB", "CCC"])
    table = {(g.issue, g.a, g.b): g.status for g in gaps}
    assert table == {("ports", "AAA", "BBB"): "opposed", ("ports", "AAA", "CCC"): "unknown",
                     ("ports", "BBB", "CCC"): "unknown", ("fish", "AAA", "CCC"): "unknown",
                     ("fish", "BBB", "CCC"): "unknown"}
    summary = summarize(positions, gaps, {"ports": "Port access"})
    assert "AAA and BBB on Port access" in summary
