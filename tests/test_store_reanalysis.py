"""Re-analysis: each analysis records the dossier version and parley version it came from; a new dossier version
(or another parley) makes them stale, and `parley reanalyze` reads the stored articles again with it."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import parley
from parley.cli import app

DOSSIER = Path(__file__).resolve().parents[1] / "examples" / "timeline" / "dossier.yaml"


def test_a_new_dossier_version_makes_analyses_stale_and_reanalyze_reads_with_it(tmp_path):
    db = str(tmp_path / "river.db")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(DOSSIER.parent), "-n", "river", "--dossier", str(DOSSIER), "--db", db])
    assert first.exit_code == 0, first.output
    with parley.open(db) as store:
        assert set(store.positions()["issue"]) == {"water_quota", "dam_inspections"}
        assert store.negotiations()["stale"].tolist() == [0]
    up_to_date = runner.invoke(app, ["reanalyze", "--db", db])
    assert up_to_date.exit_code == 0 and "Nothing to do" in up_to_date.output
    narrower = tmp_path / "river-v2.yaml"  # the analyst drops the inspections issue
    text = DOSSIER.read_text()
    narrower.write_text(text[:text.index("  - id: dam_inspections")])
    again = runner.invoke(app, ["reanalyze", "--dossier", str(narrower), "--db", db])
    assert again.exit_code == 0, again.output
    with parley.open(db) as store:
        assert set(store.positions()["issue"]) == {"water_quota"}
        listing = store.negotiations()
        assert listing["stale"].tolist() == [0] and listing["articles"].tolist() == [6]
        from sqlalchemy import func, select

        from parley.store import schema

        with store.engine.connect() as connection:  # both dossier texts are kept
            assert connection.scalar(select(func.count()).select_from(schema.DossierVersion)) == 2
    later = runner.invoke(app, ["ingest", str(DOSSIER.parent), "-n", "river", "--db", db])  # the kept dossier
    assert later.exit_code == 0 and "already in the store" in later.output
