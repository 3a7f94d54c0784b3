"""`parley analyze PATH... [--dossier FILE] [--json]`."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import ParleyError
from ..pipeline import Analyzer
from ..settings import Settings
from ..sources import SourceDocument, read_paths
from . import app
from .view import render_analysis


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Articles: .txt, .html, .jsonl, directories of them, or - for stdin.")],
    dossier: Annotated[Path | None, typer.Option(help="YAML dossier naming the parties and issues.")] = None,
    json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON Lines, one object per article.")] = False,
    min_confidence: Annotated[float, typer.Option(help="Drop statements below this confidence.")] = 0.0,
) -> None:
    """Read articles and tell where each party stands on each issue, with the evidence."""
    out = Console(soft_wrap=True)
    err = Console(stderr=True, soft_wrap=True)
    try:
        analyzer = Analyzer(dossier, Settings(min_confidence=min_confidence))
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", markup=True, highlight=False)
        raise typer.Exit(2) from exc
    failures = 0

    def documents() -> Iterator[SourceDocument]:
        """Stream the readable articles; report each unreadable one and go on with the batch."""
        nonlocal failures
        for item in read_paths(paths):
            if isinstance(item, ParleyError):
                failures += 1
                err.print(f"[red]error:[/red] {escape(str(item))}", markup=True, highlight=False)
            else:
                yield item

    for result in analyzer.analyze_many(documents()):
        if json:
            sys.stdout.write(result.to_json() + "\n")
        else:
            render_analysis(out, result, analyzer.dossier)
    if failures:
        raise typer.Exit(1)
