"""`parley negotiations`, `evidence`, `reanalyze`, `correct`, `corrections export` and `report`: following one
negotiation, fixing what the machine read wrong, and sending a summary."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from .store import (ActorOption, DbOption, IssueOption, JsonOption, NegotiationOption, _day, _print, _store, err, out,
                    undated, with_progress)

corrections_app = typer.Typer(help="Analysts' corrections of a negotiation.", no_args_is_help=True)
app.add_typer(corrections_app, name="corrections")


@app.command()
def negotiations(db: DbOption = None, json: JsonOption = False) -> None:
    """The store's negotiations: dossier, articles, and how many analyses are stale (dossier or parley changed)."""
    with _store(db) as store:
        frame = store.negotiations()
    _print(frame, "Negotiations", json, "No negotiation in the store.")


@app.command()
def evidence(
    issue: IssueOption = None,
    actor: ActorOption = None,
    article: Annotated[int | None, typer.Option(help="Only this article id.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Only statements containing these words.")] = None,
    negotiation: NegotiationOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Statements as read (and corrected), with the article and the evidence span `parley correct` names."""
    with _store(db) as store:
        queries = store.negotiation(negotiation)
        frame = queries.statements(issue=issue, actor=queries.party_id(actor) if actor else None, text=text)
    if article is not None:
        frame = frame[frame["article_id"] == article]
    if not json:
        frame = frame.assign(date=[undated(d) for d in frame["date"]],
                             span=[f"{a}:{s}-{e}" for a, s, e in zip(frame["article_id"], frame["start"], frame["end"])])
        frame = frame[["span", "date", "actor", "action", "issue", "stance", "corrected", "outlet", "text"]]
    _print(frame, "Evidence", json, "No statements.")


@app.command()
def reanalyze(
    negotiation: NegotiationOption = None,
    dossier: Annotated[Path | None, typer.Option(help="A new version of the negotiation's dossier to read with.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Read every article again, stale or not.")] = False,
    db: DbOption = None,
) -> None:
    """Read again the negotiation's stored articles whose analysis is stale (its dossier or parley changed since);
    analysts' corrections are kept and laid over the new reading."""
    from ..dossier import load_dossier
    from ..pipeline import Analyzer
    from ..store.reanalysis import stale_articles

    with _store(db) as store:
        scope = store.negotiation(negotiation).scope
        if dossier is not None:
            scope = store.open_negotiation(scope.name, load_dossier(dossier))
        total = len(stale_articles(store.engine, scope, everything))
        if not total:
            out.print(f"Nothing to do: every analysis of {scope.name!r} is up to date.")
            return
        analyzer = Analyzer(store.dossier(scope))
        summary = with_progress("reanalyze", lambda progress: store.reanalyze(scope, analyzer, everything, progress),
                                total)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def correct(
    article: Annotated[int, typer.Argument(help="The article id (see `parley evidence`).")],
    span: Annotated[str | None, typer.Argument(help="The statement's evidence span START-END (see `parley "
                                                    "evidence`); for --add, optional.")] = None,
    wrong: Annotated[bool, typer.Option("--wrong", help="The statement is not there: leave it out.")] = False,
    add: Annotated[bool, typer.Option("--add", help="Add a position the machine missed (with --actor, --issue, "
                                                    "--stance).")] = False,
    actor: Annotated[str | None, typer.Option(help="The right party id.")] = None,
    issue: Annotated[str | None, typer.Option(help="The right issue id.")] = None,
    stance: Annotated[str | None, typer.Option(help="The right stance: for, against or conditional.")] = None,
    condition: Annotated[str | None, typer.Option(help="The condition of a conditional stance.")] = None,
    note: Annotated[str | None, typer.Option(help="Why (kept with the correction).")] = None,
    analyst: Annotated[str, typer.Option(help="Your name.", envvar="PARLEY_ANALYST")] = "",
    negotiation: NegotiationOption = None,
    db: DbOption = None,
) -> None:
    """Correct the machine's reading: mark a statement wrong, change its actor, issue, stance or condition, or add
    a position by hand. Kept apart from the machine's reading; survives `parley reanalyze`."""
    from ..errors import E, ParleyError
    from ..store.corrections import correct as record

    kind = "add" if add else "wrong" if wrong else "change"
    with _store(db) as store:
        scope = store.negotiation(negotiation).scope
        start = end = None
        if span:
            try:
                start, end = (int(part) for part in span.split(":")[-1].split("-"))
            except ValueError:
                raise ParleyError(E.E106, reason=f"span {span!r} is not START-END") from None
        number = record(store.engine, scope, article, kind, analyst, start, end, actor, issue, stance, condition, note)
    out.print(f"correction {number} recorded ({kind}) in {scope.name!r}.")


@corrections_app.command("list")
def corrections_list(negotiation: NegotiationOption = None, db: DbOption = None, json: JsonOption = False) -> None:
    """The negotiation's corrections, oldest first."""
    from ..store.corrections import corrections

    with _store(db) as store:
        frame = corrections(store.engine, store.negotiation(negotiation).scope)
    _print(frame, "Corrections", json, "No corrections.")


@corrections_app.command("export")
def corrections_export(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the gold files.")] = Path("gold"),
    negotiation: NegotiationOption = None,
    db: DbOption = None,
) -> None:
    """Write the corrected articles as gold (CONTRACT.md §5) with their text and dossier, for `parley eval`."""
    from ..store.corrections import export_gold

    with _store(db) as store:
        written = export_gold(store.engine, store.negotiation(negotiation).scope, out_dir)
    for path in written:
        out.print(str(path))
    if not written:
        err.print("No corrections to export.")


@app.command()
def report(
    negotiation: NegotiationOption = None,
    since: Annotated[str | None, typer.Option(help="Also list what changed since this day.")] = None,
    format: Annotated[str, typer.Option("--format", help="md or html.")] = "md",  # noqa: A002
    out_path: Annotated[Path | None, typer.Option("--out", help="File to write [default: print it].")] = None,
    db: DbOption = None,
) -> None:
    """One negotiation as one self-contained file: positions with conditions, gaps, changes since a day, and each
    claim's evidence with outlet and date."""
    from ..store.report import FORMATS, build, render

    if format not in FORMATS:
        raise typer.BadParameter(f"--format {format!r}: choose md or html")
    with _store(db) as store:
        text = render(*build(store.negotiation(negotiation), _day(since)), format)
    if out_path is None:
        out.print(text, markup=False, highlight=False)
    else:
        out_path.write_text(text, encoding="utf-8")
        out.print(str(out_path))
