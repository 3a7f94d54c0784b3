"""`parley analyze` through Typer's runner: JSON Lines per the contract, batches that survive bad files, the view."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from parley.cli import app
from parley.cli.view import render_analysis
from parley.dossier import load_dossier
from parley.models import ArticleAnalysis

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "harbour-talks.txt"
DEMO_DOSSIER = ROOT / "examples" / "harbour-talks.yaml"
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "lavrov-security-guarantees.txt"

runner = CliRunner()


def invoke(*args: str, stdin: str | None = None):
    return runner.invoke(app, ["analyze", *args], input=stdin)


def analyses(stdout: str) -> list[ArticleAnalysis]:
    """Every stdout line must be one contract object; nothing else may be printed there."""
    return [ArticleAnalysis.model_validate_json(line) for line in stdout.splitlines()]


def assert_consistent(result: ArticleAnalysis, actors: set[str] | None = None, issues: set[str] | None = None) -> None:
    """Contract invariants that hold whatever the extractor finds."""
    for statement in result.statements:
        assert result.text[statement.start:statement.end] == statement.text
        if actors is not None:
            assert statement.actor is None or statement.actor in actors or len(statement.actor) <= 5
        if issues is not None:
            assert statement.issue is None or statement.issue in issues
    for quote in result.quotes:
        assert result.text[quote.start:quote.end] == quote.text
    for position in result.positions:
        assert all(0 <= i < len(result.statements) for i in position.statements)
    for gap in result.gaps:
        assert gap.a != gap.b


def test_demo_as_json() -> None:
    result = invoke(str(DEMO), "--dossier", str(DEMO_DOSSIER), "--json")
    assert result.exit_code == 0, result.output
    [analysis] = analyses(result.stdout)
    assert analysis.id == "harbour-talks" and analysis.path == str(DEMO)
    assert analysis.title == "Norway and Iceland resume harbour talks over mackerel quotas"
    assert (analysis.outlet, analysis.published) == ("North Atlantic Courier", "2026-03-14")
    assert analysis.metadata == {"note": "a fictional article written for the parley demo; the people and events "
                                         "are invented"}
    assert analysis.boilerplate == ["Read more: Mackerel stocks move north as the sea warms"]
    assert analysis.sources_cited == ["Reuters", "NTB", "RÚV"]
    assert "Read more" not in analysis.text and "Sources:" not in analysis.text and "OUTLET" not in analysis.text
    dossier = load_dossier(DEMO_DOSSIER)
    assert_consistent(analysis, {a.id for a in dossier.actors}, {i.id for i in dossier.issues})


def test_json_lines_in_input_order(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "b.txt").write_text("Sudmark agreed to the plan.", encoding="utf-8")
    (folder / "a.txt").write_text("Norland rejected the plan.", encoding="utf-8")
    single = tmp_path / "zeta.txt"
    single.write_text("TITLE: Zeta\n---\nNorland and Sudmark met in the port.", encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "j1", "text": "Norland urged Sudmark to return."}) + "\n"
                     + json.dumps({"id": "j2", "text": "Sudmark refused."}) + "\n", encoding="utf-8")
    result = invoke(str(single), str(batch), str(folder), "--json")
    assert result.exit_code == 0, result.output
    got = analyses(result.stdout)
    assert [a.id for a in got] == ["zeta", "j1", "j2", "a", "b"]
    assert got[0].title == "Zeta"
    for analysis in got:
        assert_consistent(analysis)


def test_stdin_dash() -> None:
    result = invoke("-", "--json", stdin="OUTLET: Coastline Herald\n---\nNorland rejected the quota plan.\n")
    assert result.exit_code == 0, result.output
    [analysis] = analyses(result.stdout)
    assert analysis.outlet == "Coastline Herald" and analysis.text == "Norland rejected the quota plan."


def test_batch_with_bad_files_processes_the_good_one(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Norland rejected the quota plan on Friday.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = tmp_path / "[draft] missing.txt"
    result = invoke(str(missing), str(empty), str(good), "--json")
    assert result.exit_code == 1
    [analysis] = analyses(result.stdout)
    assert analysis.id == "good"
    assert str(missing) in result.stderr and "no such file" in result.stderr
    assert str(empty) in result.stderr and "empty" in result.stderr
    assert result.stderr.count("error:") == 2


def test_bad_jsonl_line_is_reported_and_the_rest_analysed(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "ok", "text": "Norland agreed."}) + "\n{broken\n", encoding="utf-8")
    result = invoke(str(batch), "--json")
    assert result.exit_code == 1
    assert [a.id for a in analyses(result.stdout)] == ["ok"]
    assert f"{batch}, line 2" in result.stderr


def test_malformed_dossier_names_file_and_line(tmp_path: Path) -> None:
    dossier = tmp_path / "broken.yaml"
    dossier.write_text("name: x\nactors:\n  - id: NLD\n    name: [Norland\nissues: []\n", encoding="utf-8")
    result = invoke(str(DEMO), "--dossier", str(dossier), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(dossier) in result.stderr and "line 5" in result.stderr


@pytest.mark.parametrize("text, needle", [("- just\n- a list\n", "mapping"),
                                          ("actors:\n  - id: NLD\nissues: []\n", "line 2")])
def test_invalid_dossier_exit_code(tmp_path: Path, text: str, needle: str) -> None:
    dossier = tmp_path / "shape.yaml"
    dossier.write_text(text, encoding="utf-8")
    result = invoke(str(DEMO), "--dossier", str(dossier))
    assert result.exit_code == 2 and str(dossier) in result.stderr and needle in result.stderr


def test_missing_dossier_exit_code(tmp_path: Path) -> None:
    result = invoke(str(DEMO), "--dossier", str(tmp_path / "none.yaml"))
    assert result.exit_code == 2 and "none.yaml" in result.stderr


def test_readable_view_of_the_demo() -> None:
    result = invoke(str(DEMO), "--dossier", str(DEMO_DOSSIER))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Norway and Iceland resume harbour talks" in out and "North Atlantic Courier" in out
    assert "Positions" in out or "No positions found." in out
    assert "Removed page clutter" in out and "Mackerel stocks move north" in out
    assert "RÚV" in out


def test_readable_view_of_the_seed_without_dossier() -> None:
    result = invoke(str(SEED))
    assert result.exit_code == 0, result.output
    assert "Others are reading now" in result.stdout


def test_view_renders_every_field() -> None:
    """The view on a hand-made analysis with every optional field set, so it does not depend on the extractor."""
    text = "Norland rejected the plan.\nSudmark would sign only if Norland pays."
    analysis = ArticleAnalysis.model_validate({
        "id": "x", "path": None, "title": None, "outlet": "Coastline Herald", "published": "2026-03-14", "text": text,
        "boilerplate": ["Share this article"], "sources_cited": ["Nordic Wire"], "people": {"Ingrid Vatne": "NLD"},
        "statements": [
            {"sentence": 0, "start": 0, "end": 26, "text": text[:26], "actor": "NLD", "speaker": "Ingrid Vatne",
             "action": "reject", "plover": "REJECT", "target": "SMK", "issue": "plan", "stance": "against",
             "quote": False, "reported_by": ["Nordic Wire"], "negated": True, "confidence": 0.9},
            {"sentence": 1, "start": 27, "end": len(text), "text": text[27:], "actor": None, "action": "agree",
             "plover": "AGREE", "issue": "plan", "stance": "conditional", "condition": "Norland pays"},
        ],
        "positions": [{"actor": "NLD", "issue": "plan", "stance": "against", "statements": [0, 1], "contested": [1]},
                      {"actor": "SMK", "issue": "plan", "stance": "conditional", "condition": "Norland pays",
                       "statements": [1]}],
        "gaps": [{"issue": "plan", "a": "NLD", "b": "SMK", "status": "conditional"}],
        "summary": "NLD and SMK might meet on the plan if Norland pays.",
    })
    console = Console(record=True, width=80)
    render_analysis(console, analysis, None)
    out = console.export_text()
    for expected in ("x", "Coastline Herald", "against", "conditional (if Norland pays)", "Ingrid Vatne (NLD)",
                     "Nordic Wire", "(negated)", "→ SMK", "might meet", "Share this article", "contested: #1"):
        assert expected in out, expected
    assert max(len(line) for line in out.splitlines()) <= 80


def test_unbalanced_quotes_do_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "quotes.txt"
    path.write_text('Norland\'s minister said: "we will never accept a smaller quota\n'
                    "Sudmark replied that it would sign “only if both fleets are inspected.\n"
                    "‘Enough,” said the mediator, who added that \"talks go on.\n“\n”\n", encoding="utf-8")
    result = invoke(str(path), "--json")
    assert result.exit_code == 0, result.output
    [analysis] = analyses(result.stdout)
    assert_consistent(analysis)


def test_view_prints_markup_like_text_as_written() -> None:
    """Outlets, titles, labels and sentences are data: `[/]` or `[bold]` in them is text, never Rich markup."""
    from parley.dossier import Dossier

    text = "Norland [/] rejected the [bold] plan."
    analysis = ArticleAnalysis.model_validate({
        "id": "m", "title": "[bold]Talks[/bold]", "outlet": "Wire [/] Service", "published": None, "text": text,
        "boilerplate": ["Share [/]"], "people": {"A [b]": "NLD"},
        "statements": [{"sentence": 0, "start": 0, "end": len(text), "text": text, "actor": "NLD", "action": "reject",
                        "plover": "REJECT", "issue": "plan", "stance": "against"}],
        "positions": [{"actor": "NLD", "issue": "plan", "stance": "against", "statements": [0]}],
    })
    dossier = Dossier.model_validate({"actors": [{"id": "NLD", "name": "Norland"}],
                                      "issues": [{"id": "plan", "label": "[draft] The [/] plan"}]})
    console = Console(record=True, width=120)
    render_analysis(console, analysis, dossier)
    out = console.export_text()
    for expected in ("[bold]Talks[/bold]", "Wire [/] Service", "[draft] The [/] plan", "Share [/]", "A [b] (NLD)",
                     "Norland [/] rejected the [bold] plan."):
        assert expected in out, expected


def test_an_article_over_spacys_max_length_is_analysed_not_refused(tmp_path: Path) -> None:
    """spaCy refuses texts over `nlp.max_length` (1,000,000 characters); parley reads them whole and parses them
    in runs of sentences (before: E053, "exceeds maximum")."""
    first, last = tmp_path / "a.txt", tmp_path / "c.txt"
    first.write_text("Norland rejected the quota plan.", encoding="utf-8")
    last.write_text("Sudmark agreed to meet again.", encoding="utf-8")
    huge = tmp_path / "b-huge.txt"
    huge.write_text(("Norland and Sudmark talk about the harbour again. " * 20 + "\n") * 1100, encoding="utf-8")
    result = invoke(str(tmp_path), "--json")
    assert result.exit_code == 0, result.stderr
    found = analyses(result.stdout)
    assert [a.id for a in found] == ["a", "b-huge", "c"] and len(found[1].text) > 1_000_000
    for analysis in found:
        assert_consistent(analysis)
