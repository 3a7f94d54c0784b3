"""`parley ingest`, `positions`, `gaps`, `timeline`, `export`: the store from the command line.

The store (SQLAlchemy, pandas, MinHash) is imported when a command runs, so that `parley --help` stays quick."""
from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import ParleyError
from . import app
from .progress import expected_articles, progress_bar
from .view import STANCE_STYLE, print_error

if TYPE_CHECKING:
    import pandas as pd

    from ..store import IngestSummary, Store

# The choices of `parley export`, as parley.store.export names them (tests/test_layers.py checks they agree).
EXPORT_FORMATS = ("csv", "jsonl", "parquet")
EXPORT_TABLES = ("articles", "statements", "quotes", "people", "positions", "errors", "corrections")

DbOption = Annotated[str | None, typer.Option("--db", help="Store: SQLite file or database URL "
                                                           "[default: $PARLEY_DB or ./parley.db].")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON Lines, one record per row.")]
IssueOption = Annotated[str | None, typer.Option(help="Only this issue id.")]
ActorOption = Annotated[str | None, typer.Option(help="Only this party id.")]
NegotiationOption = Annotated[str | None, typer.Option("--negotiation", "-n", help="The negotiation asked about "
                                                       "[default: the store's only one].")]
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)   # a path in an error stays whole, to copy


@contextmanager
def _store(db: str | None, create: bool = False) -> Iterator[Store]:
    """The open store (only `ingest` may create one); a user error (bad URL, no such store, unknown negotiation
    or party...) is printed and exits 2."""
    from ..store import Store

    try:
        with Store(db, create=create) as store:
            yield store
    except ParleyError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from exc


def undated(day: object) -> object:
    """A day as shown: "undated" where no date is known (never the day it was ingested)."""
    import pandas as pd

    return "undated" if day is None or pd.isna(day) else day


def _day(value: str | None) -> dt.date | None:
    from ..store.dates import parse_date

    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise typer.BadParameter(f"not a date: {value!r}")
    return day


def _summary_table(summary: IngestSummary) -> Table:
    table = Table(title="Ingest", title_justify="left", show_header=False)
    rows = [("read", summary.read), ("stored", summary.stored), ("duplicates (exact copies)", summary.duplicates),
            ("near-duplicates (stored, linked to the first copy)", summary.near_duplicates),
            ("failed", summary.failed), ("already in the store", summary.skipped),
            ("time", f"{summary.seconds:.1f} s"), ("rate", f"{summary.rate:.1f} articles/s")]
    for name, value in rows:
        table.add_row(name, str(value))
    return table


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Articles: .txt, .html, .jsonl, directories of them, http(s) addresses of pages, or - for stdin.")],
    dossier: Annotated[Path | None, typer.Option(help="YAML dossier naming the parties and issues [default: the "
                                                     "negotiation's, as the store kept it].")] = None,
    negotiation: Annotated[str | None, typer.Option("--negotiation", "-n", help="The negotiation the articles "
                                                    "belong to [default: the dossier's name; `world` without "
                                                    "one].")] = None,
    analysed: Annotated[bool, typer.Option("--analysed", help="PATHS hold the JSON Lines of `parley analyze "
                                                              "--json`: store them without analysing again.")] = False,
    db: DbOption = None,
    workers: Annotated[int, typer.Option(help="Analyse in N local processes.")] = 1,
    dask: Annotated[str | None, typer.Option(help="Analyse on a dask.distributed cluster: its scheduler address "
                                                  "(tcp://host:8786), or local:N for N local workers.")] = None,
) -> None:
    """Analyse articles into a negotiation of the store; already stored ones are skipped, so re-running finishes
    an interrupted run. An article stored for another negotiation is read again with this one's dossier."""
    from ..dossier import load_dossier
    from ..run.runners import open_analyzer

    with _store(db, create=True) as store:
        scope = store.open_negotiation(negotiation, load_dossier(dossier) if dossier else None)
        reading = store.dossier(scope)
        analyzers = nullcontext() if analysed else open_analyzer(reading, workers=workers, dask=dask)
        with analyzers as analyzer:
            latest = _ingest_into(store, scope.name, reading, paths, analysed, analyzer)
    if latest.failed:
        raise typer.Exit(1)


def _ingest_into(store: Store, negotiation: str, dossier, paths: list[str], analysed: bool,
                 analyzer) -> IngestSummary:
    """Run the ingest with a progress bar; print its summary and its errors."""
    from ..sources import read_paths
    from ..store.analyses import read_analyses

    if analysed:
        run = partial(store.add, read_analyses(paths), negotiation=negotiation, dossier=dossier)
    else:
        run = partial(store.ingest, read_paths(paths), analyzer, negotiation=negotiation, dossier=dossier)
    return with_progress("ingest", run, expected_articles(paths))


def with_progress(label: str, run, total: int | None) -> IngestSummary:
    """`run(progress=...)` under a progress bar (parley.cli.progress); its summary table and errors printed after.
    Ctrl-C exits 130 with how far the run got."""
    from ..store import IngestSummary

    latest, interrupted = IngestSummary(), False
    with progress_bar(label, total) as bar:

        def advance(summary: IngestSummary) -> None:
            nonlocal latest
            latest = summary
            bar(summary.done, summary.rate)  # the summary's own rate, so the bar and the table agree

        try:
            latest = run(progress=advance)
        except KeyboardInterrupt:
            interrupted = True
    if interrupted:
        err.print(f"interrupted after {latest.done} articles: run the same command again to finish.")
        raise typer.Exit(130)
    out.print(_summary_table(latest))
    for message in latest.errors:
        print_error(err, message)
    return latest


def _print(frame: pd.DataFrame, title: str, as_json: bool, empty: str) -> None:
    """A DataFrame as JSON Lines or as a Rich table with stances coloured."""
    if as_json:
        if not frame.empty:  # days as YYYY-MM-DD, not as midnight timestamps
            days = frame.map(lambda value: value.isoformat() if isinstance(value, dt.date) else value)
            sys.stdout.write(days.to_json(orient="records", lines=True, force_ascii=False))
        return
    if frame.empty:
        out.print(empty, style="dim")
        return
    table = Table(title=title, title_justify="left")
    for column in frame.columns:
        widest = max(len(column), int(frame[column].map(lambda value: len(str(value))).max()))
        table.add_column(column, overflow="fold", no_wrap=widest <= 12, min_width=min(widest, 16))
    for record in frame.itertuples(index=False):
        table.add_row(*(_cell(column, value) for column, value in zip(frame.columns, record)))
    out.print(table)


def _cell(column: str, value: object) -> Text:
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    style = STANCE_STYLE.get(text, "") if "stance" in column else ""
    return Text(text, style=style)


@app.command()
def positions(
    issue: IssueOption = None,
    actor: ActorOption = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Where parties stood on this day (e.g. 2025-03-01).")] = None,
    negotiation: NegotiationOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Where each party stands on each issue now (or as of a day), with how many independent sources say so."""
    with _store(db) as store:
        queries = store.negotiation(negotiation)
        frame = queries.positions(issue, queries.party_id(actor) if actor else None, _day(as_of))
    if not json:  # the readable view: condition and dissent beside the stance; counts of articles, ids in --json
        frame = frame.assign(stance=[_stance(*row) for row in zip(frame["stance"], frame["condition"],
                                                                  frame["corrected"], frame["statement_ids"],
                                                                  frame["contested_ids"])],
                             since=[undated(d) for d in frame["since"]])
        frame = frame[["actor", "issue", "stance", "since", "sources", "contrary"]]
    _print(frame, "Positions", json, "No positions in the store.")


def _stance(stance: str, condition: object, corrected: bool, evidence: list[int], contested: list[int]) -> str:
    """A stance as the table shows it: its condition, an analyst's correction, and how much of its latest
    article's evidence reads another stance (the other articles' count is `contrary`)."""
    return (stance + (f" ({condition})" if isinstance(condition, str) and condition else "")
            + (" [corrected]" if corrected else "")
            + (f" [contested by {len(contested)} of {len(evidence)} statements]" if contested else ""))


@app.command()
def gaps(
    a: Annotated[str, typer.Argument(help="One party id.")],
    b: Annotated[str, typer.Argument(help="The other party id.")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Compare as of this day.")] = None,
    negotiation: NegotiationOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Issue by issue, how far apart two parties are (party ids in any case)."""
    with _store(db) as store:
        frame = store.negotiation(negotiation).gaps(a, b, _day(as_of))
    _print(frame, f"Gaps: {a} and {b}", json, f"No issue on which {a} or {b} has a position.")


@app.command()
def timeline(
    issue: IssueOption = None,
    actor: ActorOption = None,
    negotiation: NegotiationOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Shifts over time between dated reports: a party's stance on an issue changed from X to Y, with the evidence
    on both sides."""
    with _store(db) as store:
        queries = store.negotiation(negotiation)
        frame = queries.timeline(issue, queries.party_id(actor) if actor else None)
    if json or frame.empty:
        _print(frame, "Timeline", json, "No shifts in the store.")
        return
    for shift in frame.itertuples(index=False):
        heading = Text.assemble((f"{shift.actor} on {shift.issue}: ", "bold"),
                                (shift.from_stance, STANCE_STYLE[shift.from_stance]), " → ",
                                (shift.to_stance, STANCE_STYLE[shift.to_stance]))
        if shift.to_stance == "conditional" and shift.to_condition:
            heading.append(f" ({shift.to_condition})", style=STANCE_STYLE["conditional"])
        out.rule(heading, align="left")
        for side, date, outlet, article, evidence in (
                ("before", shift.from_date, shift.from_outlet, shift.from_article, shift.from_evidence),
                ("after", shift.to_date, shift.to_outlet, shift.to_article, shift.to_evidence)):
            where = ", ".join(str(part) for part in (date or "undated", outlet, f"article {article}") if part)
            out.print(Text.assemble((f"  {side:<7}", "bold"), (f"{where}  ", "dim"), (evidence, "italic")))


@app.command()
def export(
    format: Annotated[str, typer.Option(  # noqa: A002
        "--format", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "csv",
    table: Annotated[list[str] | None, typer.Option("--table", help=f"Table(s) to export [default: all]: "
                                                                     f"{', '.join(EXPORT_TABLES)}.")] = None,
    out_path: Annotated[Path, typer.Option("--out", help="Directory, or one file when exporting one table.")] = Path("export"),
    negotiation: NegotiationOption = None,
    db: DbOption = None,
) -> None:
    """Write one negotiation's rows of the store's tables to CSV, JSON Lines or Parquet files (statements as
    corrected)."""
    with _store(db) as store:
        for path in store.export(format, table, out_path, negotiation):
            out.print(str(path))
