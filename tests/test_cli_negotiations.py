"""The negotiation commands through Typer's runner on a real store: query commands never create a store, a store
with several negotiations needs --negotiation, party ids in any case, evidence spans, corrections from the CLI,
their gold export, and the report as one self-contained file (CI keeps one under test-output/)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import parley
from parley.cli import app
from parley.dossier import load_dossier
from parley.sources import read_text
from test_store_ingest import CONTESTED

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "test-output"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("command", [["positions"], ["gaps", "A", "B"], ["timeline"], ["export", "--out", "x"],
                                     ["negotiations"], ["evidence"], ["report"], ["corrections", "list"], ["serve"],
                                     ["reanalyze"], ["correct", "1", "--add"]])
def test_query_commands_fail_on_a_missing_store_and_do_not_create_it(tmp_path, command):
    """Issue 11: `--db` naming a file that does not exist used to make an empty store and say "No positions". The
    folder's name is long so that the message passes the console's width: the path must not be wrapped."""
    folder = tmp_path / ("long-folder-name-" * 6)
    folder.mkdir()
    missing = folder / "typo.db"
    result = run(*command, "--db", str(missing))
    assert result.exit_code == 2 and "E103" in result.output and str(missing) in result.output
    assert not missing.exists()


@pytest.fixture
def two(tmp_path, dev_readings) -> Path:
    """A store with the Kosovo-Serbia negotiation and the world one."""
    db = tmp_path / "two.db"
    key = next(k for k in dev_readings if k.endswith("kosovo-serbia.yaml"))
    with parley.open(db) as store:
        store.add(dev_readings[key], dossier=load_dossier(key))
        store.add(dev_readings["world"], negotiation="world")
    return db


def test_several_negotiations_need_one_named_and_unknown_parties_list_the_known(two):
    result = run("positions", "--db", str(two))
    assert result.exit_code == 2 and "E100" in result.output and "kosovo-serbia, world" in result.output
    listing = run("negotiations", "--db", str(two), "--json")
    assert {json.loads(line)["negotiation"] for line in listing.stdout.splitlines()} == {"kosovo-serbia", "world"}
    lower = run("gaps", "srb", "xkx", "-n", "kosovo-serbia", "--db", str(two), "--json")
    upper = run("gaps", "SRB", "XKX", "-n", "kosovo-serbia", "--db", str(two), "--json")
    assert lower.exit_code == 0 and lower.stdout == upper.stdout and lower.stdout
    unknown = run("gaps", "RUS", "XYZ", "-n", "kosovo-serbia", "--db", str(two))
    assert unknown.exit_code == 2 and "E104" in unknown.output and re.search(r"known: EU,\s+SRB,\s+XKX", unknown.output)


def test_a_correction_from_the_cli_shows_everywhere_and_exports_as_gold(two, tmp_path):
    db = str(two)
    rows = [json.loads(line) for line in run("evidence", "-n", "kosovo-serbia", "--db", db, "--json").stdout.splitlines()]
    target = next(r for r in rows if r["stance"])
    new = "against" if target["stance"] != "against" else "for"
    span = f"{target['start']}-{target['end']}"
    refused = run("correct", str(target["article_id"]), span, "--stance", new, "-n", "kosovo-serbia", "--db", db)
    assert refused.exit_code == 2 and "analyst" in refused.output  # a correction names who made it
    done = run("correct", str(target["article_id"]), span, "--stance", new, "--analyst", "Ana", "--note", "misread",
               "-n", "kosovo-serbia", "--db", db)
    assert done.exit_code == 0, done.output
    evidence = [json.loads(line) for line in run("evidence", "-n", "kosovo-serbia", "--db", db, "--json").stdout.splitlines()]
    fixed = next(r for r in evidence if (r["start"], r["end"], r["actor"]) == (target["start"], target["end"], target["actor"]))
    assert fixed["stance"] == new and fixed["corrected"] == "change by Ana: misread"
    gold = tmp_path / "gold"
    assert run("corrections", "export", "--out", str(gold), "-n", "kosovo-serbia", "--db", db).exit_code == 0
    (written,) = gold.glob("*.gold.json")
    assert [target["actor"], target["issue"], new] in json.loads(written.read_text())["positions"]


def test_the_report_is_one_file_with_positions_gaps_changes_and_evidence(two):
    OUTPUT.mkdir(exist_ok=True)
    for fmt in ("md", "html"):
        target = OUTPUT / f"report-kosovo-serbia.{fmt}"
        result = run("report", "-n", "kosovo-serbia", "--since", "2020-01-01", "--format", fmt, "--out", str(target),
                     "--db", str(two))
        assert result.exit_code == 0, result.output
        text = target.read_text()
        for heading in ("Positions", "Gaps", "Changes since 2020-01-01", "Evidence"):
            assert heading in text
        assert "Radio Free Europe" in text.split("## Evidence")[-1]  # each claim's outlet
        assert "Serbia (SRB)" in text  # names from the negotiation's own dossier
        assert "bbc" not in text.lower()  # nothing of the world negotiation
    html = (OUTPUT / "report-kosovo-serbia.html").read_text()
    assert "<script" not in html and "http" not in html.split("<body>")[0]  # self-contained: no outside assets


def test_positions_and_the_report_show_which_evidence_reads_another_stance(tmp_path, store_analyzer):
    """Sudavia is against inspections at the dam, though one of its two statements is for them: `positions` says
    so beside the stance (the ids in --json), and the report marks the stance and the dissenting statement."""
    db = tmp_path / "contested.db"
    with parley.open(db) as store:
        store.ingest([read_text(CONTESTED)], store_analyzer, negotiation="river")
        dissenting = store.statements(text="demands")["id"].tolist()
    table = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["positions", "--db", str(db)])
    assert table.exit_code == 0 and "against [contested by 1 of 2 statements]" in table.stdout
    (row,) = [json.loads(line) for line in run("positions", "--db", str(db), "--json").stdout.splitlines()]
    assert row["contested_ids"] == dissenting and len(row["statement_ids"]) == 2
    report = run("report", "--format", "md", "--db", str(db)).stdout
    assert "| against (contested) |" in report
    (line,) = [line for line in report.splitlines() if "[contested: reads for]" in line]
    assert "Sudavia demands inspections" in line
