"""`parley analyze PATH... [--dossier FILE] [--json]`."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from ..errors import ParleyError
from ..settings import Settings
from . import app
from .progress import expected_articles, progress_bar
from .view import print_error, render_analysis

if TYPE_CHECKING:
    from ..sources import SourceDocument


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Articles: .txt, .html, .jsonl, directories of them, http(s) addresses of pages, or - for stdin.")],
    dossier: Annotated[Path | None, typer.Option(help="YAML dossier naming the parties and issues.")] = None,
    json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON Lines, one object per article.")] = False,
    min_confidence: Annotated[float | None, typer.Option(
        help="Drop statements below this confidence (default: the packaged settings, 0.3).")] = None,
) -> None:
    """Read articles and tell where each party stands on each issue, with the evidence.

    Exit code 0 when every article was analysed, 1 when some could not be read or analysed (the others are still
    printed), 2 when nothing could start (a bad dossier)."""
    from ..run.runners import open_analyzer  # spaCy loads for this command only, not for `parley --help`
    from ..sources import read_paths  # trafilatura too (a tenth of a second)

    out = Console(soft_wrap=True)
    err = Console(stderr=True, soft_wrap=True)
    settings = Settings() if min_confidence is None else Settings(min_confidence=min_confidence)
    failures = unreadable = 0

    def report(error: ParleyError) -> None:
        nonlocal failures
        failures += 1
        print_error(err, error)

    def documents() -> Iterator[SourceDocument]:
        """Stream the readable articles; report each unreadable one and go on with the batch."""
        nonlocal unreadable
        for item in read_paths(paths):
            if isinstance(item, ParleyError):
                unreadable += 1
                report(item)
            else:
                yield item

    try:
        # analysis runs in a worker process stopped at the time limit: a runaway article fails alone (E090)
        with open_analyzer(dossier, settings) as analyzer, progress_bar("analyze", expected_articles(paths)) as bar:
            for analysed, result in enumerate(analyzer.analyze_each(documents()), start=1):
                if isinstance(result, ParleyError):
                    report(result)
                elif json:
                    sys.stdout.write(result.to_json() + "\n")
                else:
                    render_analysis(out, result, analyzer.dossier)
                bar(analysed + unreadable, None)
    except ParleyError as exc:   # a bad dossier, or no spaCy model: nothing could start
        print_error(err, exc)
        raise typer.Exit(2) from exc
    if failures:
        raise typer.Exit(1)
