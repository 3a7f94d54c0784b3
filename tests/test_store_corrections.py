"""Analysts' corrections: kept apart from the machine's reading, keyed to the article and the evidence span, laid
over it in positions, statements and exports, surviving a re-analysis, and exported as gold that `parley eval`
scores. Real analyses (the example negotiation), on SQLite and PostgreSQL."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import update

import parley
from parley.evaluation.runner import Evaluation, groups_of
from parley.settings import Settings
from parley.sources import read_paths, read_text
from parley.store import schema
from test_store_ingest import CONTESTED

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "timeline"


@pytest.fixture
def store(db_url, store_analyzer):
    with parley.open(db_url) as opened:
        summary = opened.ingest(read_paths([EXAMPLES]), store_analyzer, negotiation="river")
        assert summary.failed == 0
        yield opened


def _statement(queries, **wanted) -> pd.Series:
    frame = queries.statements()
    for name, value in wanted.items():
        frame = frame[frame[name] == value]
    return frame.iloc[0]


def test_corrections_change_positions_statements_and_exports_and_survive_reanalysis(store, tmp_path):
    river = store.negotiation("river")
    before = river.positions().set_index(["actor", "issue"])
    latest = before.loc[("NMK", "water_quota")]  # the statements behind NMK's current stance, all changed
    stance = "against" if latest["stance"] != "against" else "for"
    from parley.store.corrections import correct

    for statement_id in latest["statement_ids"]:
        target = _statement(river, id=statement_id)
        article = int(target["article_id"])
        correct(store.engine, river.scope, article, "change", "Ana", int(target["start"]), int(target["end"]),
                stance=stance, note="the article says otherwise")
    changed = _statement(river, article_id=article, start=target["start"], end=target["end"])
    assert changed["stance"] == stance and changed["corrected"] == "change by Ana: the article says otherwise"
    machine = pd.read_sql("SELECT stance FROM statements WHERE id = %d" % target["id"], store.engine)
    assert machine["stance"].tolist() == [target["stance"]]  # the machine's reading is kept as it was
    now = river.positions().set_index(["actor", "issue"]).loc[("NMK", "water_quota")]
    assert now["stance"] == stance and bool(now["corrected"])

    wrong = _statement(river, actor="SDV")
    correct(store.engine, river.scope, int(wrong["article_id"]), "wrong", "Ana", int(wrong["start"]),
            int(wrong["end"]))
    correct(store.engine, river.scope, article, "add", "Ben", actor="SDV", issue="dam_inspections",
            stance="conditional", condition="if both sides inspect", note="missed")
    added = river.article(article).positions.set_index(["actor", "issue"]).loc[("SDV", "dam_inspections")]
    assert added["stance"] == "conditional" and bool(added["corrected"])

    exported = store.export("jsonl", ["statements"], tmp_path / "statements.jsonl", "river")
    rows = pd.read_json(exported[0], lines=True)
    assert set(rows.loc[rows["corrected"].notna(), "corrected"]) >= {"change by Ana: the article says otherwise",
                                                                     "wrong by Ana"}
    corrected_now = river.positions().set_index(["actor", "issue"])

    with store.engine.begin() as connection:  # as if parley itself had changed since
        connection.execute(update(schema.Analysis).values(parley_version="0.0.0+old"))
    assert store.negotiations().set_index("negotiation").loc["river", "stale"] > 0
    summary = store.reanalyze(river.scope)
    assert summary.failed == 0 and summary.stored >= 1
    assert store.negotiations().set_index("negotiation").loc["river", "stale"] == 0
    pd.testing.assert_frame_equal(river.positions().set_index(["actor", "issue"])[["stance", "corrected"]],
                                  corrected_now[["stance", "corrected"]])
    assert not before[["stance"]].equals(corrected_now[["stance"]])


def test_corrections_export_as_gold_that_eval_scores(store, tmp_path):
    from parley.store.corrections import correct, export_gold

    river = store.negotiation("river")
    target = _statement(river, actor="NMK", issue="water_quota")
    article = int(target["article_id"])
    correct(store.engine, river.scope, article, "add", "Ana", actor="SDV", issue="dam_inspections", stance="against")
    written = export_gold(store.engine, river.scope, tmp_path / "gold")
    assert [p.name for p in written] == [f"river-{article}.gold.json"]
    gold = json.loads(written[0].read_text())
    assert ["SDV", "dam_inspections", "against"] in gold["positions"]
    (group,) = Evaluation(Settings()).run(groups_of([tmp_path / "gold"]))
    positions = group.measures()["positions"]
    assert positions.fn >= 1  # the position the analyst added, which the machine does not read
    assert positions.tp == len(gold["positions"]) - positions.fn


def test_bad_corrections_are_refused_with_a_reason(store):
    from parley.store.corrections import correct

    river = store.negotiation("river")
    article = int(river.articles()["id"].iloc[0])
    with pytest.raises(parley.ParleyError, match="E106.*analyst"):
        correct(store.engine, river.scope, article, "wrong", " ", 0, 5)
    with pytest.raises(parley.ParleyError, match="E105"):
        correct(store.engine, river.scope, article, "wrong", "Ana", 0, 1)
    with pytest.raises(parley.ParleyError, match="E106.*stance 'maybe'"):
        correct(store.engine, river.scope, article, "add", "Ana", actor="NMK", issue="x", stance="maybe")
    with pytest.raises(parley.ParleyError, match="E106.*not in negotiation"):
        correct(store.engine, river.scope, 99999, "add", "Ana", actor="NMK", issue="x", stance="for")


def test_a_correction_whose_statement_is_no_longer_read_is_kept_and_said_not_to_apply(store):
    from sqlalchemy import update as change

    from parley.store.corrections import correct, corrections

    river = store.negotiation("river")
    target = _statement(river, actor="NMK", issue="water_quota")
    correct(store.engine, river.scope, int(target["article_id"]), "wrong", "Ana", int(target["start"]),
            int(target["end"]))
    assert corrections(store.engine, river.scope)["applies"].astype(bool).tolist() == [True]
    with store.engine.begin() as connection:  # as if a re-analysis had read that sentence with another span
        connection.execute(change(schema.Statement).where(schema.Statement.id == int(target["id"]))
                           .values(end=int(target["end"]) - 1))
    assert corrections(store.engine, river.scope)["applies"].astype(bool).tolist() == [False]


def test_contested_evidence_follows_the_corrected_stances(db_url, store_analyzer):
    """A statement whose stance an analyst changes dissents, or no longer, by its corrected stance, as the
    statements shown say; a position added by hand is contested by nothing."""
    from parley.store.corrections import correct

    with parley.open(db_url) as store:
        store.ingest([read_text(CONTESTED)], store_analyzer, negotiation="river")
        river = store.negotiation("river")
        statements = river.statements().sort_values("start")
        assert statements["stance"].tolist() == ["for", "against"]
        article, first, second = int(statements["article_id"].iloc[0]), *(
            [int(row.id), int(row.start), int(row.end)] for row in statements.itertuples())

        def position():
            (found,) = river.history().itertuples()
            return found.stance, found.contested_ids, found.corrected

        assert position() == ("against", [first[0]], False)
        correct(store.engine, river.scope, article, "change", "Ana", *first[1:], stance="against")
        assert position() == ("against", [], True)
        correct(store.engine, river.scope, article, "change", "Ana", *second[1:], stance="for")
        assert position() == ("for", [first[0]], True)  # the stances swapped, and the weightier one is now for
        correct(store.engine, river.scope, article, "add", "Ben", first[1], actor="SDV", issue="dam_inspections",
                stance="conditional", condition="if both dams are inspected")
        assert position() == ("conditional", [], True)
