"""Negotiations as records: each analysis belongs to one negotiation, read with its own dossier, and nothing of
one negotiation shows in another's matrix, queries, pages or exports. Real analyses of the 12 dev articles (with
their dossiers) and of BBC 2005 articles (without one), on SQLite and PostgreSQL."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

import parley
from parley.dossier import load_dossier
from parley.web import create_app

COMPARED = ["actor", "issue", "stance", "condition", "since", "last_seen", "articles", "contrary"]


def fill(url: str, readings: dict[str, list], only: str | None = None) -> list[str]:
    """Store the readings, each dossier's into its own negotiation (named after the dossier file), the rest into
    `world`; with `only`, that negotiation alone. Returns the negotiation names."""
    names = []
    with parley.open(url) as store:
        for key, analyses in readings.items():
            name = "world" if key == "world" else Path(key).stem
            if only in (None, name):
                summary = store.add(analyses, negotiation=name, dossier=None if key == "world" else load_dossier(key))
                assert summary.failed == 0
            names.append(name)
    return names


def test_no_negotiation_shows_another_ones_parties_or_issues(tmp_path, dev_readings):
    """The store holding every negotiation answers, for each one, exactly what a store holding only that one
    answers: positions, statements, shifts; and its overview (API and page) and export show nothing else."""
    combined = f"sqlite:///{tmp_path / 'all.db'}"
    names = fill(combined, dev_readings)
    assert len(names) == len(dev_readings) == 10  # the 9 dossiers the dev articles use, and world
    app = create_app(combined)
    seen_issues: dict[str, set[str]] = {}
    with parley.open(combined) as store, TestClient(app, base_url="http://127.0.0.1:8000") as client:
        for name in names:
            alone = f"sqlite:///{tmp_path / (name + '.db')}"
            fill(alone, dev_readings, only=name)
            with parley.open(alone) as single:
                mine, theirs = store.negotiation(name), single.negotiation(name)
                expected = theirs.positions()
                pd.testing.assert_frame_equal(mine.positions()[COMPARED], expected[COMPARED])
                columns = ["text", "actor", "issue", "stance", "start", "end"]
                pd.testing.assert_frame_equal(mine.statements()[columns], theirs.statements()[columns])
                assert mine.timeline()[["actor", "issue", "to_stance"]].equals(
                    theirs.timeline()[["actor", "issue", "to_stance"]])
                assert mine.counts() == theirs.counts()
            parties, issues = set(expected["actor"]), set(expected["issue"])
            seen_issues[name] = issues
            overview = client.get("/api/overview", params={"negotiation": name}).json()
            assert {row["actor"] for row in overview["matrix"]} <= parties
            assert {issue["id"] for issue in overview["issues"]} <= issues
            page = client.get("/", params={"negotiation": name}).text
            assert set(_attributes(page, "data-actor")) <= parties and set(_attributes(page, "data-issue")) <= issues
            exported = store.export("csv", ["positions", "statements"], tmp_path / name, name)
            positions = pd.read_csv(exported[0])
            assert set(positions["issue"]) == issues and set(positions["negotiation_id"]) == {mine.scope.id}
    app.state.web.store.close()
    shared = {issue for name, issues in seen_issues.items() for other, more in seen_issues.items()
              if other != name for issue in issues & more}
    assert seen_issues["world"] and seen_issues["israel-hamas"], "both kinds of negotiation have positions"
    assert shared, "some issue id is read in two negotiations: the check above could have failed"


def _attributes(html: str, name: str) -> list[str]:
    import re

    return re.findall(rf'{name}="([^"]*)"', html)


def test_an_article_is_stored_once_and_read_once_per_negotiation(db_url, dev_readings):
    (hamas,) = [a for key, analyses in dev_readings.items() if key.endswith("israel-hamas.yaml") for a in analyses]
    (hezbollah,) = [a for key, analyses in dev_readings.items() if key.endswith("israel-hezbollah.yaml")
                    for a in analyses]
    dossier = load_dossier(next(k for k in dev_readings if k.endswith("israel-hamas.yaml")))
    with parley.open(db_url) as store:
        assert store.add([hamas], negotiation="gaza", dossier=dossier).stored == 1
        assert store.add([hamas], negotiation="world").stored == 1  # the same text, read in another negotiation
        assert store.add([hamas], negotiation="world").skipped == 1  # and only once there
        assert store.add([hezbollah], negotiation="world").stored == 1
        assert store.articles.__self__ is store
        with store.engine.connect() as connection:
            from sqlalchemy import func, select

            from parley.store import schema

            assert connection.scalar(select(func.count()).select_from(schema.Article)) == 2
            assert connection.scalar(select(func.count()).select_from(schema.Analysis)) == 3
        gaza, world = store.negotiation("gaza"), store.negotiation("world")
        assert gaza.counts()["articles"] == 1 and world.counts()["articles"] == 2
        assert set(gaza.articles()["id"]) < set(world.articles()["id"])
        listing = store.negotiations().set_index("negotiation")
        assert listing.loc["gaza", "dossier"] == dossier.name and listing.loc["world", "articles"] == 2
        with pytest.raises(parley.ParleyError, match=r"E100.*gaza, world"):
            store.positions()
        with pytest.raises(parley.ParleyError, match=r"E101.*'nowhere'.*gaza, world"):
            store.negotiation("nowhere")
        with pytest.raises(parley.ParleyError, match="E107"):
            store.add([hamas], negotiation="world", dossier=dossier)
        with pytest.raises(parley.ParleyError, match="E108"):
            store.add([hamas], negotiation="no-dossier-here")


def test_party_ids_are_case_insensitive_and_unknown_ones_list_the_known(db_url, dev_readings):
    key = next(k for k in dev_readings if k.endswith("kosovo-serbia.yaml"))
    with parley.open(db_url) as store:
        store.add(dev_readings[key], dossier=load_dossier(key))
        queries = store.negotiation("kosovo-serbia")
        assert queries.gaps("srb", "xkx").equals(queries.gaps("SRB", "XKX"))
        assert set(queries.gaps("srb", "xkx")["a"]) == {"SRB"}
        with pytest.raises(parley.ParleyError, match=r"E104.*'XYZ'.*known: .*SRB.*XKX"):
            queries.gaps("SRB", "XYZ")


def test_a_query_never_creates_a_store(tmp_path):
    missing = tmp_path / "typo.db"
    with pytest.raises(parley.ParleyError, match=r"E103.*typo\.db"):
        parley.store.Store(missing, create=False)
    assert not missing.exists()
