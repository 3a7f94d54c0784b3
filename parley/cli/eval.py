"""`parley eval GOLD... [--cases DIR] [--json] [--details] [--floors FILE]`: measure parley against gold data."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import ParleyError
from ..settings import Settings
from . import app
from .progress import Tally, progress_bars
from .view import print_error


@app.command("eval")
def eval_(
    gold: Annotated[list[Path], typer.Argument(help="Gold files or folders: article gold *.gold.json, "
                                                    "sentence gold *.jsonl.")],
    cases: Annotated[Path | None, typer.Option(help="A folder of our own cases, scored as the group `cases`.")] = None,
    json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List false positives and negatives per item.")] = False,
    floors: Annotated[Path | None, typer.Option(help="Show the floors of this file (eval/floors.yaml) "
                                                     "next to the figures.")] = None,
    calibration: Annotated[bool, typer.Option("--calibration", help="Print precision per confidence band: how "
                                                                      "often statements of each confidence are right.")] = False,
    issue_embeddings: Annotated[bool, typer.Option(
        "--issue-embeddings", help="Match issues by meaning where words fail (needs requirements-embeddings.txt "
                                   "installed; see docs/accuracy.md).")] = False,
) -> None:
    """Score parley on gold data: P, R, F1 per measure and group. A measurement: it exits 0 whatever the scores."""
    from ..evaluation import Evaluation, groups_of, load_floors  # the evaluation runs the pipeline (spaCy)
    from ..evaluation.report import as_json, calibration_table, group_table, item_details

    out = Console(soft_wrap=True)
    err = Console(stderr=True, soft_wrap=True)
    groups = groups_of(gold)
    if cases is not None:
        groups["cases"] = [cases]
    evaluation = Evaluation(Settings(issue_embeddings=True) if issue_embeddings else None)
    scored, failed = [], False
    try:
        pinned = load_floors(floors).groups if floors else {}
        with progress_bars() as bar:
            tally = Tally(lambda: bar("eval", None, "items"))
            for name, paths in groups.items():
                try:
                    scored.extend(evaluation.run({name: paths}, tally))
                except ParleyError as exc:
                    failed = True
                    print_error(err, exc)
    except ParleyError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from exc
    if json:
        sys.stdout.write(as_json(scored, details) + "\n")
    else:
        for group in scored:
            out.print(group_table(group, pinned[group.name].floors if group.name in pinned else None))
            if calibration:
                out.print(calibration_table(group))
            if details:
                for item in group.items:
                    item_details(out, item)
    if failed:
        raise typer.Exit(1)
