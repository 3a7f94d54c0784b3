"""The accuracy gate: parley must score at least the floors pinned in eval/floors.yaml."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console

from parley.evaluation import load_floors, shortfalls
from parley.evaluation.report import group_table

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors.yaml"


def test_scores_stay_above_their_floors(evaluated_groups) -> None:
    floors = load_floors(FLOORS)
    console = Console(record=True, width=120)
    for group in evaluated_groups:
        console.print(group_table(group, floors.groups[group.name].floors))
    tables = console.export_text()
    print(tables)  # pytest shows it with the failure
    assert all(group.items for group in evaluated_groups)
    below = shortfalls(floors, evaluated_groups)
    assert not below, "below the floor:\n" + "\n".join(map(str, below)) + "\n" + tables
