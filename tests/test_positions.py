"""Positions and gaps from statements, and positions over time from a store's history: the rules, on statements
and history rows built by hand."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from parley.models import Statement
from parley.positions import build_gaps, build_positions, gap_status, gaps_between, summarize
from parley.positions.over_time import latest_positions, shifts


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


def test_evidence_the_other_way_is_kept_as_contested():
    statements = [statement("AAA", "ports", "for", 0.9), statement("AAA", "ports", "against", 0.4),
                  statement("AAA", "ports", "for", 0.7), statement("BBB", "ports", "against")]
    statements = [s.model_copy(update={"sentence": k}) for k, s in enumerate(statements)]   # one per sentence
    aaa, bbb = build_positions(statements)
    assert (aaa.stance, aaa.statements, aaa.contested) == ("for", [0, 1, 2], [1])
    assert bbb.contested == []



def test_a_condition_qualifies_support_and_does_not_contest_it():
    statements = [statement("AAA", "ports", "for"), statement("AAA", "ports", "conditional", condition="if B pays"),
                  statement("AAA", "ports", "against", 0.3)]
    statements = [s.model_copy(update={"sentence": k}) for k, s in enumerate(statements)]
    [position] = build_positions(statements)
    assert (position.stance, position.contested) == ("conditional", [2])


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


def test_gaps_between_keeps_the_order_of_issues_and_parties_given():
    stances = {("AAA", "ports"): "for", ("CCC", "ports"): "conditional", ("BBB", "fish"): "against"}
    gaps = gaps_between(stances, ["CCC", "BBB", "AAA"], ["fish", "ports", "water"])
    assert [(g.issue, g.a, g.b, g.status) for g in gaps] == [
        ("fish", "CCC", "BBB", "unknown"), ("fish", "BBB", "AAA", "unknown"),
        ("ports", "CCC", "BBB", "unknown"), ("ports", "CCC", "AAA", "conditional"), ("ports", "BBB", "AAA", "unknown")]


def _history(*rows: tuple) -> pd.DataFrame:
    """A store history (time order) from (actor, issue, stance, day, article_id, source) rows."""
    columns = ["actor", "issue", "stance", "date", "article_id", "source"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.assign(condition=None, statement_ids=[[i] for i in range(len(frame))],
                        contested_ids=[[] for _ in range(len(frame))])


def test_the_latest_stance_holds_since_its_run_began_with_sources_for_and_against():
    history = _history(("AAA", "ports", "for", dt.date(2025, 3, 1), 1, 1),
                       ("AAA", "ports", "against", dt.date(2025, 3, 2), 2, 2),
                       ("AAA", "ports", "for", dt.date(2025, 3, 3), 3, 3),
                       ("AAA", "ports", "for", dt.date(2025, 3, 4), 4, 3),  # the same story as article 3
                       ("BBB", "ports", "against", None, 5, 5))
    frame = latest_positions(history).set_index("actor")
    assert frame.loc["AAA", "stance"] == "for"
    assert frame.loc["AAA", "since"] == dt.date(2025, 3, 3) and frame.loc["AAA", "last_seen"] == dt.date(2025, 3, 4)
    # articles 1, 3, 4 say "for", but 3 and 4 are one story: two independent sources; one source says otherwise
    assert (frame.loc["AAA", "articles"], frame.loc["AAA", "sources"], frame.loc["AAA", "contrary"]) == (3, 2, 1)
    assert frame.loc["AAA", "article_id"] == 4 and frame.loc["AAA", "statement_ids"] == [3]
    assert frame.loc["BBB", "stance"] == "against" and frame.loc["BBB", "contrary"] == 0


def test_a_shift_is_a_change_between_consecutive_reports():
    day = dt.date(2025, 3, 1)
    history = _history(("AAA", "ports", "for", day, 1, 1), ("AAA", "ports", "for", day, 2, 2),
                       ("AAA", "ports", "against", day + dt.timedelta(days=1), 3, 3), ("BBB", "ports", "for", day, 4, 4))
    assert [(before["article_id"], after["article_id"], after["stance"]) for before, after in shifts(history)] == [
        (2, 3, "against")]
    assert latest_positions(history.iloc[:0]).empty and shifts(history.iloc[:0]) == []


def test_undated_reports_never_make_a_shift_nor_date_or_decide_a_stance():
    """Issue 11, honest time: an undated report is evidence, not a time; the store lists undated reports first
    (then by ingest order), which used to make them shift into dated ones and stand as "latest"."""
    march = dt.date(2025, 3, 1)
    history = _history(("AAA", "ports", "against", None, 1, 1),  # undated: when it was said is unknown
                       ("AAA", "ports", "for", march, 2, 2),
                       ("BBB", "ports", "for", None, 3, 3), ("BBB", "ports", "against", None, 4, 4),
                       ("BBB", "ports", "against", None, 5, 5))
    assert shifts(history) == []
    frame = latest_positions(history).set_index("actor")
    assert frame.loc["AAA", "stance"] == "for" and frame.loc["AAA", "since"] == march
    assert frame.loc["AAA", "contrary"] == 1  # still counted as evidence against
    assert frame.loc["BBB", "stance"] == "against"  # the stance most sources report, not the last ingested
    assert frame.loc["BBB", "since"] is None and frame.loc["BBB", "last_seen"] is None


def test_for_and_against_in_one_sentence_is_a_qualified_stance():
    from parley.models import Statement
    from parley.positions import build_positions

    def said(stance: str, confidence: float) -> Statement:
        return Statement(sentence=3, start=0, end=10, text="t", actor="NOR", action="agree", plover="AGREE",
                         issue="quota", stance=stance, confidence=confidence)

    [position] = build_positions([said("for", 0.6), said("against", 0.9)])
    assert position.stance == "conditional" and position.confidence == 0.9
