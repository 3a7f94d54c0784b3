"""Ingest through the real pipeline into SQLite and PostgreSQL: counts, duplicates, failures, resuming after kill -9."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from typer.testing import CliRunner

import parley
from parley.cli import app
from parley.sources import read_paths, read_text
from parley.store.ingest import UNANALYSED
from parley.store.schema import Analysis, Article, IngestAttempt, Negotiation

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "timeline"
BBC = SHARED / "corpus" / "bulk" / "bbc-2005.jsonl"
# Sudavia for, then against, inspections at the dam: weighed against, with the first statement dissenting
CONTESTED = ("Sudavia demands inspections at the Veltra dam, Tomas Verano said.\n"
             "A week later Sudavia rejected inspections at the Veltra dam.\n")


def bbc_sample(path: Path, size: int, copies: int) -> int:
    """Write `size` BBC records to `path`, among them `copies` whose text repeats an earlier one's exactly;
    returns `copies` as found by comparing the texts."""
    records = [json.loads(line) for line in BBC.read_text(encoding="utf-8").splitlines()]
    seen: dict[str, dict] = {}
    pairs = []
    for record in records:
        if record["text"] in seen:
            pairs.append((seen[record["text"]], record))
        seen.setdefault(record["text"], record)
    chosen = [r for pair in pairs[:copies] for r in pair]
    chosen_ids = {r["id"] for r in chosen}
    chosen += [r for r in records if r["id"] not in chosen_ids and r["text"] not in {c["text"] for c in chosen}]
    chosen = sorted(chosen[:size], key=lambda r: r["id"])
    path.write_text("".join(json.dumps(r) + "\n" for r in chosen), encoding="utf-8")
    texts = [r["text"] for r in chosen]
    return len(texts) - len(set(texts))


def test_examples_ingest_counts_copies_and_rerun(db_url, store_analyzer, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1", "text": "Sudavia demands a fixed water quota."}\nnot json\n', encoding="utf-8")
    with parley.open(db_url) as store:
        summary = store.ingest(read_paths([EXAMPLES, bad, tmp_path / "missing.txt"]), store_analyzer)
        assert (summary.read, summary.stored, summary.duplicates, summary.failed) == (9, 6, 1, 2)
        assert summary.near_duplicates == 1  # the River Wire's rewrite of the Gazette's first story
        errors = store.errors()
        assert sorted(errors["code"]) == ["E001", "E020"]
        assert f"{bad}:2" in errors["source"].tolist()
        before = {table: len(frame) for table, frame in
                  (("articles", store.articles(duplicates=True)), ("statements", store.statements()))}

        again = store.ingest(read_paths([EXAMPLES, bad]), store_analyzer)
        assert (again.stored, again.duplicates, again.skipped, again.failed) == (0, 0, 7, 1)
        assert len(store.articles(duplicates=True)) == before["articles"]
        assert len(store.statements()) == before["statements"]
        assert len(store.errors()) == 2

        copy = store.articles(duplicates=True).set_index("source_key").loc["06-coastal-copy-of-ledger"]
        assert store.article(int(copy["duplicate_of"])).article["outlet"] == "Morning Ledger"
        assert store.article(int(copy["id"])).statements.empty


def test_a_position_keeps_the_ids_of_its_statements_that_read_another_stance(db_url, store_analyzer):
    with parley.open(db_url) as store:
        assert store.ingest([read_text(CONTESTED)], store_analyzer).stored == 1
        ids = store.statements().set_index("stance")["id"]
        (position,) = store.history().itertuples()
        assert (position.actor, position.issue, position.stance) == ("SDV", "dam_inspections", "against")
        assert sorted(position.statement_ids) == sorted(ids) and position.contested_ids == [ids["for"]]
        assert store.positions()["contested_ids"].tolist() == [[ids["for"]]]


def test_bbc_exact_copies_are_all_found(db_url, store_analyzer, tmp_path):
    sample = tmp_path / "bbc.jsonl"
    expected = bbc_sample(sample, size=24, copies=4)
    with parley.open(db_url) as store:
        summary = store.ingest(read_paths([sample]), store_analyzer)
        assert summary.duplicates == expected == 4
        assert summary.stored + summary.duplicates == 24
        assert store.counts()["duplicates"] == 4


def _tables(url: str) -> dict[str, pd.DataFrame]:
    """The store's content by natural keys (no surrogate ids), sorted: comparable across two runs."""
    with parley.open(url) as store:
        articles = store.articles(duplicates=True)
        key = dict(zip(articles["id"], articles["source_key"]))
        articles = articles.assign(duplicate_of=articles["duplicate_of"].map(key),
                                   near_duplicate_of=articles["near_duplicate_of"].map(key))
        statements = store.statements().assign(article=lambda f: f["article_id"].map(key), source=None)
        positions = store.history().assign(article=lambda f: f["article_id"].map(key), source=None)
    drop = ["id", "article_id", "position_id", "statement_ids", "contested_ids"]
    frames = {"articles": articles, "statements": statements, "positions": positions}
    return {name: frame.drop(columns=[c for c in drop if c in frame]).astype(str)
            .sort_values(list(frame.drop(columns=[c for c in drop if c in frame]).columns)).reset_index(drop=True)
            for name, frame in frames.items()}


def _by_negotiation(url: str) -> dict[str, tuple[list, int, int]]:
    """Each negotiation's articles (source keys, copies included), statement and position counts."""
    with parley.open(url) as store:
        found = {}
        for name in store.negotiations()["negotiation"]:
            queries = store.negotiation(name)
            found[name] = (sorted(queries.articles(duplicates=True)["source_key"]), len(queries.statements()),
                           queries.counts()["positions"])
        return found


def test_kill_9_mid_ingest_then_rerun_equals_an_uninterrupted_run(db_url, store_analyzer, tmp_path):
    sample = tmp_path / "bbc.jsonl"
    bbc_sample(sample, size=12, copies=3)
    with parley.open(db_url) as store:
        store.ingest(read_paths([sample]), store_analyzer)
    reference = _tables(db_url)
    _empty(db_url)  # the same database again, empty, for the interrupted run

    # the killed run analyses in batches of 4 (PARLEY_SETTINGS), so that a kill lands half way through 12 articles;
    # the reference and the rerun read them in one batch, as a run's output does not depend on its batches
    settings = tmp_path / "settings.yaml"
    settings.write_text("analysis:\n  batch_size: 4\n", encoding="utf-8")
    arguments = ["ingest", str(sample), "--db", db_url, "--dossier", str(EXAMPLES / "dossier.yaml")]
    command = [sys.executable, "-c", "from parley.cli import main; main()", *arguments]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path,
                               env={**os.environ, "PARLEY_SETTINGS": str(settings)})
    engine = create_engine(db_url)
    stored = 0
    try:
        while stored == 0 and process.poll() is None:
            time.sleep(0.02)
            try:
                with engine.connect() as connection:
                    stored = connection.scalar(select(func.count()).select_from(Article))
            except DBAPIError:  # the schema is not migrated yet
                continue
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        with engine.connect() as connection:
            at_kill = connection.scalar(select(func.count()).select_from(Article))
    finally:
        engine.dispose()
    assert 0 < at_kill < 12, "the ingest was not killed half way"

    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert "already in the store" in result.output
    resumed = _tables(db_url)
    for name, frame in reference.items():
        pd.testing.assert_frame_equal(resumed[name], frame, obj=name)
    with parley.open(db_url) as store, Session(store.engine) as session:
        assert session.scalars(select(IngestAttempt)).all() == []  # every article the killed run held is settled


def _attempts(engine) -> dict[str, int]:
    """The articles in analysis (or left by a killed run) and how many analyses of each started; {} before the
    schema is made."""
    try:
        with engine.connect() as connection:
            return dict(connection.execute(select(IngestAttempt.source_key, IngestAttempt.count)).all())
    except DBAPIError:
        return {}


def _empty(url: str) -> None:
    """Drop every store table so the next open migrates a fresh schema."""
    from sqlalchemy import MetaData

    engine = create_engine(url)
    metadata = MetaData()
    metadata.reflect(engine)
    metadata.drop_all(engine)
    engine.dispose()


def test_analyses_from_analyze_json_are_stored_without_the_pipeline(db_url, store_analyzer, tmp_path):
    analyses = list(store_analyzer.analyze_many(read_paths([EXAMPLES])))
    lines = tmp_path / "analyses.jsonl"
    lines.write_text("".join(a.to_json() + "\n" for a in analyses) + '{"id": "no text"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--analysed", str(lines), "--db", db_url])
    assert result.exit_code == 1, result.output  # the last line is not an analysis
    with parley.open(db_url) as store:
        counts = store.counts()
        assert (counts["articles"], counts["duplicates"], counts["near_duplicates"]) == (5, 1, 1)
        copy = next(a for a in analyses if a.id == "06-coastal-copy-of-ledger")
        assert counts["statements"] == sum(len(a.statements) for a in analyses) - len(copy.statements)
        assert store.errors()["source"].tolist() == [f"{lines}:7"]


def test_an_article_the_process_died_on_twice_is_stored_with_its_text_then_analysed_after_the_rest(db_url,
                                                                                                  store_analyzer):
    """Rows left in ingest_attempts are what a killed run leaves: died once (in a batch) means analyse it alone;
    died twice means store it at once with its text and an E055 row, and analyse it alone after the other articles.
    Before, it was skipped with E055 and never stored unless the user knew `--retry-crashed`."""
    from parley.store.dedupe import content_hash

    documents = {d.id: d for d in read_paths([EXAMPLES])}
    poisoned, suspect = documents["03-valley-inspections"], documents["04-gazette-quota-conditional"]
    with parley.open(db_url) as store:
        with Session(store.engine) as session, session.begin():
            session.add_all([IngestAttempt(source_key=poisoned.id, content_hash=content_hash(poisoned.text), count=2),
                             IngestAttempt(source_key=suspect.id, content_hash=content_hash(suspect.text), count=1)])
        seen = []  # after each article: (articles stored, the poisoned one's text and statements, error codes)

        def watch(_summary) -> None:
            articles = store.articles(duplicates=True).set_index("source_key")
            row = articles.loc[poisoned.id] if poisoned.id in articles.index else None
            detail = store.article(int(row["id"])) if row is not None else None
            seen.append((len(articles), detail.article["text"] if detail else None,
                         len(detail.statements) if detail else None, store.errors()["code"].tolist()))

        summary = store.ingest(read_paths([EXAMPLES]), store_analyzer, progress=watch)
        assert (summary.stored, summary.duplicates, summary.failed) == (5, 1, 0)
        unanalysed = [s for s in seen if s[1] is not None and s[2] == 0]
        assert unanalysed, "the article was not stored unanalysed first"
        assert unanalysed[0][3] == ["E055"] and poisoned.text.split()[0] in unanalysed[0][1]
        assert unanalysed[-1][0] == 6, "the other articles were not all stored before its analysis"
        assert seen[-1][2] > 0 and seen[-1][3] == []  # analysed in the end; its error row went with the fix
        with Session(store.engine) as session:
            assert session.scalars(select(IngestAttempt.source_key)).all() == []
        again = store.ingest(read_paths([EXAMPLES]), store_analyzer)
        assert (again.stored, again.failed, again.skipped) == (0, 0, 6)


@pytest.mark.parametrize("deaths", [1, 2])
def test_articles_are_stored_in_input_order_whatever_their_deaths(db_url, store_analyzer, deaths):
    """The Gazette's story died `deaths` times, the River Wire's rewrite of it never: the story is still stored
    (analysed alone, or unanalysed) before the rewrite, so the rewrite links to it as in a run never killed.
    Before, the fresh articles of a chunk were all stored before those analysed alone."""
    from parley.store.dedupe import content_hash

    story = next(d for d in read_paths([EXAMPLES]) if d.id == "01-gazette-quota-rejected")
    with parley.open(db_url) as store:
        with Session(store.engine) as session, session.begin():
            session.add(IngestAttempt(source_key=story.id, content_hash=content_hash(story.text), count=deaths))
        summary = store.ingest(read_paths([EXAMPLES]), store_analyzer)
        assert (summary.stored, summary.near_duplicates, summary.failed) == (5, 1, 0)
        articles = store.articles(duplicates=True).set_index("source_key")
        assert articles.loc["02-riverwire-quota-rejected", "near_duplicate_of"] == articles.loc[story.id, "id"]


def test_20_random_kills_then_one_plain_run_store_every_article_once(db_url, store_analyzer, tmp_path,
                                                                     ingest_process):
    """kill -9 at random points (opening the store, claiming, analysing, storing, skipping), 20 times or more (until
    one article was killed twice in its analysis, which timing alone may not bring within 20), then one
    plain run: the store equals an uninterrupted run's, every article once and analysed, no error rows. The
    ingesters are forked from this process (spaCy loaded), so that 20 kills take seconds, not minutes. The
    example negotiation comes after the BBC articles: a near-copy, an exact copy and positions."""
    sample = tmp_path / "bbc.jsonl"
    bbc_sample(sample, size=12, copies=2)
    paths = [sample, EXAMPLES]
    started = time.perf_counter()
    with parley.open(db_url) as store:
        store.ingest(read_paths(paths), store_analyzer)
        counts = store.counts()
    whole_run = time.perf_counter() - started
    assert counts["near_duplicates"] == 1 and counts["duplicates"] == 3 and counts["positions"] > 0
    reference = _tables(db_url)
    _empty(db_url)

    chance = random.Random(20)
    kills, most_started, stored_unanalysed = 0, 0, set()
    span = whole_run  # how long a run lasts: shorter once most is stored
    engine = create_engine(db_url)
    try:
        for turn in range(200):  # a run that ends before its kill is no kill: try again
            process = ingest_process(db_url, paths, store_analyzer)
            if turn % 2 and turn > 2:  # anywhere: opening the store, claiming, analysing, storing, skipping
                # (the first three kills land in analyses, so that one article dies in its analysis twice)
                started = time.perf_counter()
                process.join(chance.uniform(0.0, 0.6 * span))
                if not process.is_alive():
                    span = time.perf_counter() - started
            else:  # while an analysis this run started is under way, if the run gets to one (on a loaded machine a
                # run may take longer than the draw to open the store: wait for its own claim, not any left before)
                before = sum(_attempts(engine).values())
                while process.is_alive() and sum(_attempts(engine).values()) <= before:
                    time.sleep(0.01)
                process.join(chance.uniform(0.0, 0.3))
            process.kill()
            process.join()
            assert process.exitcode in (0, -signal.SIGKILL), f"an ingest failed ({process.exitcode})"
            kills += process.exitcode == -signal.SIGKILL
            attempts = _attempts(engine)
            if attempts:
                with engine.connect() as connection:
                    stored = set(connection.scalars(select(Article.source_key).where(Article.text.is_not(None))))
                stored_unanalysed |= {key for key, count in attempts.items() if count > 2 and key in stored}
            most_started = max([most_started, *attempts.values()])
            if kills >= 20 and most_started > 2 and stored_unanalysed:
                break   # 20 kills at least, and on until one article was killed twice in its analysis
    finally:
        engine.dispose()
    assert kills >= 20
    assert most_started > 2, "no article was killed twice in its analysis: the test missed its case"
    assert stored_unanalysed, "no article was stored unanalysed"

    arguments = ["ingest", str(sample), str(EXAMPLES), "--db", db_url, "--dossier", str(EXAMPLES / "dossier.yaml")]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    resumed = _tables(db_url)
    for name, frame in reference.items():
        pd.testing.assert_frame_equal(resumed[name], frame, obj=name)
    with parley.open(db_url) as store, Session(store.engine) as session:
        assert session.scalars(select(IngestAttempt)).all() == []
        assert store.errors().empty


def test_deaths_in_one_negotiation_leave_anothers_reading_alone(db_url, store_analyzer, world_analyzer):
    """An article is claimed per article, whatever the negotiation: the process died twice on the Gazette's story
    while reading it for `world` (the rows a killed run leaves), after the examples' negotiation had read it. A
    re-run of the examples' negotiation skips it (before the merge's fix it took the claim row for "stored
    unanalysed" and read the story again, doubling its statements) and leaves the deaths to `world`, whose next
    run stores it unanalysed there, then reads it, as a plain run would."""
    from parley.store.dedupe import content_hash

    story = next(d for d in read_paths([EXAMPLES]) if d.id == "01-gazette-quota-rejected")
    with parley.open(db_url) as store:
        store.ingest(read_paths([EXAMPLES]), store_analyzer)
        (examples,) = store.negotiations()["negotiation"]
        before = _by_negotiation(db_url)
        with Session(store.engine) as session, session.begin():
            session.add(IngestAttempt(source_key=story.id, content_hash=content_hash(story.text), count=2))
        again = store.ingest(read_paths([EXAMPLES]), store_analyzer)
        assert (again.stored, again.failed, again.skipped) == (0, 0, 6)
        assert _by_negotiation(db_url) == before
        with Session(store.engine) as session:
            assert [(a.count, a.owner) for a in session.scalars(select(IngestAttempt))] == [(2, None)]
        read = store.ingest(read_paths([EXAMPLES]), world_analyzer)
        assert (read.stored, read.duplicates, read.failed) == (5, 1, 0)
        with Session(store.engine) as session:
            assert session.scalars(select(IngestAttempt)).all() == []
        assert store.errors().empty
        with Session(store.engine) as session:  # the story is read in `world`, no longer marked unanalysed
            versions = session.scalars(select(Analysis.parley_version).join(Negotiation).where(
                Negotiation.name == "world")).all()
        assert len(versions) == 6 and UNANALYSED not in versions
    after = _by_negotiation(db_url)
    assert after[examples] == before[examples] and after["world"][0] == before[examples][0]
