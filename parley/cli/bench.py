"""`parley bench [--corpus FILE] [--n N] [--store] [--workers N | --dask ADDRESS]`: throughput against raw spaCy."""
from __future__ import annotations

import json as json_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..errors import ParleyError
from . import app
from .progress import Tally, progress_bars
from .view import print_error

if TYPE_CHECKING:
    from ..run.benchmark import BenchResult


@app.command()
def bench(
    corpus: Annotated[Path | None, typer.Option(help="JSON Lines (or any article path) to read "
                                                     "[default: ../shared/corpus/bulk/bbc-2005.jsonl].")] = None,
    n: Annotated[int, typer.Option("--n", min=1, help="How many articles.")] = 500,
    store: Annotated[bool, typer.Option(help="Also store every analysis in a fresh SQLite file.")] = False,
    workers: Annotated[int, typer.Option(help="Run parley in N local processes.")] = 1,
    dask: Annotated[str | None, typer.Option(help="Run parley on a Dask cluster (address, or local:N).")] = None,
    raw: Annotated[bool, typer.Option(help="Time raw spaCy too (the baseline of the ratio).")] = True,
    gold: Annotated[list[Path] | None, typer.Option(help="Gold to score with and without the speed-ups "
                                                         "[default: seed, dev, dev2 and PLOVER dev].")] = None,
    eval_: Annotated[bool, typer.Option("--eval/--no-eval", help="Print the eval scores.")] = True,
    json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Articles per second of raw spaCy (full pipeline) and of parley end to end (taking turns, 100 articles at a
    time, in one process), their ratio, peak memory, and the eval scores with full and with selective parsing."""
    from ..run.benchmark import CORPUS, GOLD, run_benchmark  # reads articles (trafilatura): not for --help

    err = Console(stderr=True, soft_wrap=True)
    try:
        with progress_bars() as bar:
            result = run_benchmark(corpus or CORPUS, n, raw=raw, store=store, workers=workers, dask=dask,
                                   gold=(gold or GOLD) if eval_ else None, progress=bar("bench: parley", n),
                                   scored=Tally(lambda: bar("bench: eval", None, "items")))
    except ParleyError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from exc
    if json:
        typer.echo(json_module.dumps(result.as_dict()))
    else:
        _print(Console(soft_wrap=True), result, workers)


def _print(out: Console, result: BenchResult, workers: int) -> None:
    table = Table(title=f"Throughput on {result.corpus}", title_justify="left")
    for column in ("pass", "articles", "seconds", "CPU seconds", "articles/s"):
        table.add_column(column, justify="left" if column == "pass" else "right")
    for one in (result.raw, result.parley):
        if one:
            table.add_row(one.name, str(one.articles), f"{one.seconds:.1f}", f"{one.cpu_seconds:.1f}",
                          f"{one.rate:.1f}")
    out.print(table)
    if result.parley and result.parley.worker_cpu_seconds:
        out.print("CPU seconds of each Dask worker: " + ", ".join(f"{s:.1f}" for s in result.parley.worker_cpu_seconds))
    if result.ratio is not None:
        cpu = f"{result.cpu_ratio:.2f}" if workers == 1 else "not measured across local processes"
        out.print(f"ratio parley / raw spaCy: [bold]{result.ratio:.2f}[/bold] (in CPU seconds: {cpu})")
    if result.parsed_share is not None:
        out.print(f"tokens parsed: {result.parsed_share:.0%}")
    found = f"statements: {result.statements}" if result.statements is not None else f"stored: {result.stored}"
    whose = "of parley and raw spaCy, one process (--no-raw for parley's own)" if result.raw else "of parley"
    out.print(f"{found}   peak RSS {whose}: {result.peak_rss_mib:.0f} MiB")
    if result.eval:
        scores = Table(title="Eval: full parsing vs selective parsing", title_justify="left")
        for column in ("group", "measure", "full", "selective", "change"):
            scores.add_column(column, justify="left" if column in ("group", "measure") else "right")
        for group, measures in result.eval.items():
            for measure, values in measures.items():
                full, fast = values.get("full", 0.0), values.get("fast", 0.0)
                change = fast - full
                scores.add_row(group, measure, f"{full:.3f}", f"{fast:.3f}",
                               f"[red]{change:+.3f}[/red]" if change < 0 else f"{change:+.3f}")
        out.print(scores)
