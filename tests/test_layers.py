"""Layers as the data flows: the store, the dashboard's labels and queries and the CLI's help and store commands run
without spaCy or the extraction rules. Each check is a fresh interpreter, since this test process has spaCy loaded."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOSSIER = ROOT / "examples" / "timeline" / "dossier.yaml"
# Only the spaCy-free data modules of extraction (the gazetteer's names, the lexicon's action list) may load.
RULES = ("parley.pipeline", "parley.nlp", "parley.nlp.prefilter", "parley.nlp.selective", "parley.run.runners",
         "parley.extraction.extractor", "parley.extraction.actors", "parley.extraction.events",
         "parley.extraction.attribution", "parley.extraction.conditions", "parley.extraction.issues",
         "parley.extraction.planning", "parley.extraction.words")

REPORT = """
import json
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] == "spacy" or name.startswith(RULES))))
"""


def _loaded_after(script: str, *args: str) -> tuple[list[str], str]:
    """Run `script` in a fresh interpreter; the spaCy and rule modules it loaded, and what it printed before."""
    code = f"import sys\nRULES = {RULES!r}\n{script}\n{REPORT}"
    run = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    *printed, loaded = run.stdout.strip().splitlines()
    return json.loads(loaded), "\n".join(printed)


def test_the_nlp_layer_imports_nothing_of_extraction():
    """nlp/ sits below extraction: the parse planner gets the extractor's words as plain data (extraction.planning),
    so loading every nlp module loads no extraction module, and no nlp source names one."""
    run = subprocess.run([sys.executable, "-c", """
import json, pkgutil, importlib, sys
import parley.nlp
for module in pkgutil.iter_modules(parley.nlp.__path__):
    importlib.import_module(f"parley.nlp.{module.name}")
print(json.dumps(sorted(name for name in sys.modules if name.startswith("parley.extraction"))))
"""], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1]) == []
    for source in (ROOT / "parley" / "nlp").glob("*.py"):
        tree = ast.parse(source.read_text("utf-8"))
        imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        assert not [name for name in imported if "extraction" in name], source.name


def test_importing_the_store_and_the_dashboard_loads_no_spacy():
    loaded, _ = _loaded_after("import parley, parley.store, parley.web, parley.web.api, parley.web.pages")
    assert loaded == []


def test_parley_help_loads_no_spacy_and_no_store():
    loaded, printed = _loaded_after("""
from parley.cli import app
try:
    app(["--help"])
except SystemExit as exit:
    assert exit.code == 0
assert "pandas" not in sys.modules and "sqlalchemy" not in sys.modules, "the store loaded for --help"
""")
    assert loaded == []
    assert "positions" in printed and "analyze" in printed


@pytest.fixture(scope="module")
def timeline_db(tmp_path_factory, store_analyzer) -> Path:
    """A SQLite store holding the example negotiation, analysed in this process."""
    import parley
    from parley.sources import read_paths

    db = tmp_path_factory.mktemp("layers") / "parley.db"
    with parley.open(db) as store:
        assert store.add(store_analyzer.analyze_many(read_paths([DOSSIER.parent]))).stored == 5  # one exact copy
    return db


def test_store_commands_and_dashboard_pages_answer_without_spacy(timeline_db: Path):
    loaded, printed = _loaded_after("""
from fastapi.testclient import TestClient
from parley.cli import app
from parley.web import create_app
from parley.web.labels import Labels

db, dossier = sys.argv[1:3]
for command in (["positions", "--db", db], ["gaps", "NMK", "SDV", "--db", db], ["timeline", "--db", db]):
    try:
        app(command)
    except SystemExit as exit:
        assert exit.code == 0, command
client = TestClient(create_app(db, [dossier]), base_url="http://127.0.0.1:8000")
for path in ("/", "/issues/water_quota", "/parties/NMK", "/search?q=quota", "/api/gaps?a=NMK&b=SDV"):
    assert client.get(path).status_code == 200, path
labels = Labels()
print(labels.actor("NOR"), "|", labels.issue("ceasefire"), "|", client.get("/").text.count("Sudavia"))
""", str(timeline_db), str(DOSSIER))
    assert loaded == []
    assert "Positions" in printed and "water_quota" in printed and "→" in printed
    names = printed.splitlines()[-1].split(" | ")
    assert names[:2] == ["Norway", "Ceasefire"] and int(names[2]) > 0


def test_the_dashboards_issue_labels_are_the_taxonomys():
    from parley.extraction.issues import taxonomy_issues
    from parley.web.labels import taxonomy_labels

    assert taxonomy_labels() == {spec.id: (spec.label, spec.proposition) for spec in taxonomy_issues()}


def test_the_export_choices_in_the_help_are_the_stores():
    from parley.cli.store import EXPORT_FORMATS, EXPORT_TABLES
    from parley.store import FORMATS, TABLES

    assert (EXPORT_FORMATS, EXPORT_TABLES) == (FORMATS, tuple(TABLES))
