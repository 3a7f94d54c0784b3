"""The store's bookkeeping and queries, fed with analyses we write (Store.add), on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from sqlalchemy import inspect

import parley
from parley.models import ArticleAnalysis, Statement
from parley.positions import build_positions

ACTION = {"for": ("demand", "REQUEST"), "against": ("reject", "REJECT"), "conditional": ("propose", "AGREE")}
LEAD = ("Delegations from Northmark and Sudavia met again in Ostby for another round of talks on sharing the "
        "water of the Veltra river, which both countries depend on for farming and drinking water in the dry "
        "months. Officials from both sides briefed reporters after the session in the old customs house. ")


def analysis(key: str, published: str | None, outlet: str, claims: list[tuple], lead: str = LEAD) -> ArticleAnalysis:
    """An article whose statements are `claims`: (actor, issue, stance, sentence[, condition])."""
    text = lead + " ".join(claim[3] for claim in claims)
    statements = []
    for number, (actor, issue, stance, sentence, *condition) in enumerate(claims, start=1):
        start = text.index(sentence)
        action, plover = ACTION[stance]
        statements.append(Statement(sentence=number, start=start, end=start + len(sentence), text=sentence,
                                    actor=actor, action=action, plover=plover, issue=issue, stance=stance,
                                    condition=condition[0] if condition else None, confidence=0.8))
    return ArticleAnalysis(id=key, path=f"{key}.txt", outlet=outlet, published=published, text=text,
                           statements=statements, positions=build_positions(statements),
                           people={"Elin Dahl": "NMK"})


MONDAY = ("NMK", "water_quota", "against", "Northmark rejects a fixed water quota, Elin Dahl said on Monday.")
SUDAVIA = ("SDV", "water_quota", "for", "Sudavia demands a fixed water quota.")
THURSDAY = ("NMK", "water_quota", "conditional",
            "Northmark would accept a quota if inspections are dropped, Dahl said on Thursday.", "inspections are dropped")
AGREED = ("NMK", "water_quota", "for", "Northmark agreed to the quota last week.")


@pytest.fixture
def store(db_url: str):
    with parley.open(db_url) as opened:
        yield opened


@pytest.fixture
def history(store):
    """Northmark moves from against (3 March) to conditional (20 March) to for (about 26 March)."""
    summary = store.add([
        analysis("a1", "2025-03-03", "Harbour Gazette", [MONDAY, SUDAVIA]),
        analysis("a2", "2025-03-21", "Harbour Gazette", [THURSDAY]),
        analysis("a3", "2025-04-02", "Morning Ledger", [AGREED]),
    ])
    assert (summary.stored, summary.failed) == (3, 0)
    return store


def test_schema_matches_the_models_after_migration(store):
    """The Alembic migration creates exactly what the ORM models describe."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from parley.store.schema import Base

    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        assert "alembic_version" in inspect(connection).get_table_names()


def test_statement_dates_resolve_against_the_article_date(history):
    dates = dict(zip(history.statements()["text"], history.statements()["date"]))
    assert dates[MONDAY[3]] == dt.date(2025, 3, 3)      # "on Monday" in Monday's paper
    assert dates[SUDAVIA[3]] == dt.date(2025, 3, 3)     # no time phrase: the article's date
    assert dates[THURSDAY[3]] == dt.date(2025, 3, 20)   # Friday's paper, "on Thursday"
    assert dates[AGREED[3]] == dt.date(2025, 3, 26)     # "last week" from Wednesday 2 April


def test_positions_now_and_as_of(history):
    now = history.positions(actor="NMK").set_index("issue").loc["water_quota"]
    assert now["stance"] == "for" and now["since"] == dt.date(2025, 3, 26)
    then = history.positions(actor="NMK", as_of=dt.date(2025, 3, 22)).set_index("issue").loc["water_quota"]
    assert then["stance"] == "conditional" and then["condition"] == "inspections are dropped"
    assert history.positions(as_of=dt.date(2025, 3, 1)).empty


def test_gaps_follow_the_date(history):
    assert history.gaps("NMK", "SDV", as_of=dt.date(2025, 3, 10))["status"].tolist() == ["opposed"]
    assert history.gaps("NMK", "SDV")["status"].tolist() == ["agree"]


def test_timeline_shows_each_shift_with_evidence_on_both_sides(history):
    shifts = history.timeline(actor="NMK")
    assert list(zip(shifts["from_stance"], shifts["to_stance"])) == [("against", "conditional"),
                                                                    ("conditional", "for")]
    first = shifts.iloc[0]
    assert (first["from_date"], first["to_date"]) == (dt.date(2025, 3, 3), dt.date(2025, 3, 20))
    assert first["from_evidence"] == MONDAY[3] and first["to_evidence"] == THURSDAY[3]
    assert shifts.iloc[1]["to_outlet"] == "Morning Ledger"
    assert history.timeline(actor="SDV").empty


def test_statements_filters(history):
    assert len(history.statements()) == 4
    assert history.statements(actor="SDV")["text"].tolist() == [SUDAVIA[3]]
    assert history.statements(outlet="Morning Ledger")["text"].tolist() == [AGREED[3]]
    assert history.statements(since=dt.date(2025, 3, 10), until=dt.date(2025, 3, 21))["text"].tolist() == [THURSDAY[3]]
    assert history.statements(text="INSPECTIONS")["text"].tolist() == [THURSDAY[3]]
    assert history.statements(action="reject", issue="water_quota")["actor"].tolist() == ["NMK"]


def test_article_detail_and_listing(history):
    listing = history.articles()
    assert listing["statements"].tolist() == [2, 1, 1]
    detail = history.article(int(listing["id"].iloc[0]))
    assert detail.article["outlet"] == "Harbour Gazette" and detail.article["published"] == dt.date(2025, 3, 3)
    assert detail.statements["text"].tolist() == [MONDAY[3], SUDAVIA[3]]
    assert detail.people[["name", "actor"]].values.tolist() == [["Elin Dahl", "NMK"]]
    evidence = detail.positions.set_index("actor").loc["NMK", "statement_ids"]
    assert detail.statements.set_index("id").loc[evidence, "text"].tolist() == [MONDAY[3]]
    assert history.article(10_000) is None


def test_exact_copy_is_stored_once_and_rerun_adds_nothing(store):
    original = analysis("b1", "2025-03-03", "Harbour Gazette", [MONDAY])
    copy = original.model_copy(update={"id": "b2", "outlet": "Coastal Post"})
    first = store.add([original, copy])
    assert (first.stored, first.duplicates) == (1, 1)
    again = store.add([original, copy])
    assert (again.stored, again.duplicates, again.skipped) == (0, 0, 2)
    counts = store.counts()
    assert (counts["articles"], counts["duplicates"], counts["statements"]) == (1, 1, 1)
    rows = store.articles(duplicates=True)
    assert rows.loc[rows["source_key"] == "b2", "duplicate_of"].item() == rows.loc[rows["source_key"] == "b1", "id"].item()


def test_syndicated_rewrite_is_linked_and_counted_once(store):
    wire = analysis("c1", "2025-03-03", "River Wire", [MONDAY])
    rewrite = analysis("c2", "2025-03-03", "Harbour Gazette", [MONDAY], lead=LEAD.replace("another round", "a round"))
    independent = analysis("c3", "2025-03-04", "Morning Ledger",
                           [("NMK", "water_quota", "against", "Northmark still rejects any fixed quota.")],
                           lead="A separate report from the capital, written by our own correspondent. ")
    summary = store.add([wire, rewrite, independent])
    assert (summary.stored, summary.near_duplicates) == (3, 1)
    rows = store.articles().set_index("source_key")
    assert rows.loc["c2", "near_duplicate_of"] == rows.loc["c1", "id"]
    assert pd.isna(rows.loc["c3", "near_duplicate_of"])
    position = store.positions(actor="NMK").iloc[0]
    assert (position["articles"], position["sources"]) == (3, 2)


def test_near_duplicate_index_is_rebuilt_when_the_store_reopens(db_url):
    with parley.open(db_url) as store:
        store.add([analysis("d1", "2025-03-03", "River Wire", [MONDAY])])
    with parley.open(db_url) as store:
        late = analysis("d2", "2025-03-05", "Late Post", [MONDAY], lead=LEAD.replace("old customs", "former customs"))
        assert store.add([late]).near_duplicates == 1


def test_a_bad_article_is_recorded_and_leaves_nothing_behind(store):
    broken = analysis("e1", "2025-03-03", "Harbour Gazette", [MONDAY, SUDAVIA])
    broken.positions[0].statements = [7]  # evidence that does not exist
    good = analysis("e2", "2025-03-21", "Harbour Gazette", [THURSDAY])
    summary = store.add([broken, good])
    assert (summary.stored, summary.failed) == (1, 1)
    assert store.articles()["source_key"].tolist() == ["e2"]
    assert store.counts()["statements"] == 1
    errors = store.errors()
    assert errors["source"].tolist() == ["e1.txt"] and errors["code"].tolist() == ["E054"]
    store.add([broken])
    assert len(store.errors()) == 1  # one row per source and problem, however often it is re-run
    mended = analysis("e1", "2025-03-03", "Harbour Gazette", [MONDAY, SUDAVIA])
    assert store.add([mended]).stored == 1
    assert store.errors().empty  # the error is gone once its article is stored


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_writes_every_row(history, tmp_path, fmt):
    paths = history.export(fmt, out=tmp_path / "out")
    assert sorted(p.name for p in paths) == sorted(f"{t}.{fmt}" for t in
                                                   ["articles", "statements", "quotes", "people", "positions", "errors",
                                                    "corrections"])
    read = {"csv": pd.read_csv, "parquet": pd.read_parquet, "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt]
    statements = read(tmp_path / "out" / f"statements.{fmt}")
    assert sorted(statements["text"]) == sorted(history.statements()["text"])
    positions = read(tmp_path / "out" / f"positions.{fmt}")
    ids = positions["statement_ids"].map(lambda v: json.loads(v) if isinstance(v, str) else list(v))
    assert sorted(i for group in ids for i in group) == sorted(history.statements()["id"])
    single = history.export(fmt, ["articles"], out=tmp_path / f"articles.{fmt}")
    assert single == [tmp_path / f"articles.{fmt}"] and len(read(single[0])) == 3


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_contested_position_keeps_its_dissenting_evidence_in_the_queries_and_the_exports(store, tmp_path, fmt):
    store.add([analysis("f1", "2025-03-27", "Harbour Gazette", [MONDAY, AGREED])])  # against, then for: for
    monday = int(store.statements(text="Monday")["id"].item())
    assert store.positions()["contested_ids"].tolist() == [[monday]]
    (article,) = store.articles()["id"]
    assert store.article(int(article)).positions["contested_ids"].tolist() == [[monday]]
    read = {"csv": pd.read_csv, "parquet": pd.read_parquet, "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt]
    (exported,) = store.export(fmt, ["positions"], out=tmp_path / f"positions.{fmt}")
    ids = read(exported)["contested_ids"].map(lambda v: json.loads(v) if isinstance(v, str) else list(v))
    assert ids.tolist() == [[monday]]


def test_export_rejects_unknown_table_and_format(history, tmp_path):
    with pytest.raises(parley.ParleyError, match="E051"):
        history.export("csv", ["nope"], out=tmp_path)
    with pytest.raises(parley.ParleyError, match="E052"):
        history.export("xml", out=tmp_path)


def test_cli_queries_print_positions_gaps_and_the_timeline(history, tmp_path):
    from typer.testing import CliRunner

    from parley.cli import app

    run = CliRunner(env={"COLUMNS": "200"}).invoke  # wide enough that Rich does not wrap the evidence
    lines = run(app, ["positions", "--db", history.url, "--actor", "NMK", "--json"]).output.splitlines()
    assert [json.loads(line)["stance"] for line in lines] == ["for"]
    as_of = run(app, ["positions", "--db", history.url, "--as-of", "2025-03-22"])
    assert as_of.exit_code == 0 and "inspections are dropped" in as_of.output
    gaps = run(app, ["gaps", "NMK", "SDV", "--db", history.url, "--as-of", "2025-03-10", "--json"])
    assert json.loads(gaps.output)["status"] == "opposed"
    timeline = run(app, ["timeline", "--db", history.url, "--issue", "water_quota"])
    assert timeline.exit_code == 0
    assert "against → conditional" in timeline.output and "conditional → for" in timeline.output
    assert "2025-03-03" in timeline.output and "2025-03-20" in timeline.output
    export = run(app, ["export", "--db", history.url, "--format", "jsonl", "--table", "positions",
                       "--out", str(tmp_path / "positions.jsonl")])
    assert export.exit_code == 0 and len((tmp_path / "positions.jsonl").read_text().splitlines()) == 4
    bad = run(app, ["export", "--db", history.url, "--table", "nope", "--out", str(tmp_path)])
    assert bad.exit_code == 2 and "E051" in bad.output


def test_time_limit_stops_a_runaway_loop_and_leaves_fast_work_alone():
    from parley.store.ingest import time_limit

    with time_limit(5):
        assert sum(range(1000)) == 499500
    with pytest.raises(TimeoutError, match="longer than 0.2 s"), time_limit(0.2):
        while True:
            pass
