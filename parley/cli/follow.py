"""`parley follow add | run | list | remove`: feeds, sitemaps and folders followed into a negotiation."""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from ..errors import E, ParleyError
from . import app
from .progress import progress_bar
from .store import DbOption, JsonOption, NegotiationOption, _print, _store, err, out
from .view import print_error

if TYPE_CHECKING:
    from ..store.follow import FollowSummary

follow_app = typer.Typer(help="Follow feeds, sitemaps and folders into a negotiation, fetched politely and "
                              "incrementally.", no_args_is_help=True)
app.add_typer(follow_app, name="follow")

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """'90s', '15m', '2h', '1d' in seconds (E143 otherwise)."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", value.lower())
    seconds = float(found.group(1)) * _UNITS[found.group(2)] if found else 0.0
    if seconds < 1:
        raise ParleyError(E.E143, value=value)
    return seconds


@follow_app.command("add")
def add(
    negotiation: Annotated[str, typer.Argument(help="The negotiation the entries go to.")],
    urls: Annotated[list[str], typer.Argument(help="RSS or Atom feeds, sitemaps (http(s) addresses), or folders.")],
    dossier: Annotated[Path | None, typer.Option(help="The negotiation's dossier, if the store has none for it "
                                                      "yet.")] = None,
    no_filter: Annotated[bool, typer.Option("--no-filter", help="Fetch every entry, not only those that name a "
                                                                "party or an issue of the dossier.")] = False,
    db: DbOption = None,
) -> None:
    """Follow feeds, sitemaps or folders into a negotiation; `parley follow run` reads what is new in them."""
    from ..dossier import load_dossier

    with _store(db, create=True) as store:
        try:
            added = store.follow(urls, negotiation, load_dossier(dossier) if dossier else None,
                                 False if no_filter else None)
        except ParleyError as exc:
            print_error(err, exc)
            raise typer.Exit(2) from exc
    for url, new in zip(urls, added):
        out.print(f"{'following' if new else 'already followed'}: {url} ({negotiation})")


@follow_app.command("remove")
def remove(
    url: Annotated[str, typer.Argument(help="A followed feed, sitemap or folder.")],
    negotiation: NegotiationOption = None,
    db: DbOption = None,
) -> None:
    """Stop following a feed, sitemap or folder (the articles it brought stay)."""
    with _store(db) as store:
        store.unfollow(url, negotiation)
    out.print(f"no longer following: {url}")


@follow_app.command("list")
def list_feeds(negotiation: NegotiationOption = None, db: DbOption = None, json: JsonOption = False) -> None:
    """The followed feeds: last run, new entries and articles it found, errors, and when a failing one is tried
    again."""
    from ..store.feeds import feeds_frame

    with _store(db) as store:
        frame = feeds_frame(store.engine, store.negotiation(negotiation).scope if negotiation else None)
    if json:
        _print(frame, "Followed", json, "")
        return
    shown = [c for c in ("negotiation", "url", "kind", "last_run", "new_articles", "errors", "next_run") if c in frame]
    _print(frame[shown], "Followed", json, "Nothing followed: `parley follow add NEGOTIATION URL` first.")
    for url, error in zip(frame["url"], frame["last_error"]):
        if isinstance(error, str):
            out.print(f"{url}: last run failed: {error}", style="red", highlight=False)


@follow_app.command("run")
def run(
    every: Annotated[str | None, typer.Option(help="Run again after each such wait (90s, 15m, 2h, 1d) until "
                                                   "stopped with Ctrl-C.")] = None,
    once: Annotated[bool, typer.Option("--once", help="Run once and exit (what happens without --every).")] = False,
    negotiation: NegotiationOption = None,
    db: DbOption = None,
) -> None:
    """Read what is new in every followed feed, sitemap and folder that is due, and ingest it into its negotiation.
    Exit code 1 when a feed, a page or an article failed (each is reported; the rest went on)."""
    try:
        wait = parse_every(every) if every is not None else None
        if wait is not None and once:
            raise ParleyError(E.E143, value=every)
    except ParleyError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from exc
    failed = False
    try:
        while True:
            failed = _run_once(db, negotiation) or failed
            if wait is None:
                break
            out.print(f"next run in {every} (Ctrl-C stops)", style="dim")
            time.sleep(wait)
    except KeyboardInterrupt:
        err.print("stopped: the next `parley follow run` goes on from here.")
        raise typer.Exit(130) from None
    if failed:
        raise typer.Exit(1)


def _run_once(db: str | None, negotiation: str | None) -> bool:
    """One run over the due feeds; prints its summary and errors; True if anything failed."""
    from ..run.runners import open_analyzer
    from ..sources.fetch import Fetcher
    from ..store.follow import Follower

    started = time.perf_counter()
    with _store(db) as store, Fetcher() as fetcher, progress_bar("follow", None) as bar:
        follower = Follower(store, lambda dossier: open_analyzer(dossier), fetcher)
        try:
            summary = follower.run(negotiation, progress=lambda s: bar(s.done, s.rate))
        except ParleyError as exc:  # an unknown negotiation, a dossier that cannot be read
            print_error(err, exc)
            raise typer.Exit(2) from exc
    out.print(_summary_table(summary, time.perf_counter() - started))
    for message in summary.errors:
        print_error(err, message)
    return bool(summary.errors)


def _summary_table(summary: FollowSummary, seconds: float) -> Table:
    ingest = summary.ingest
    table = Table(title="Follow", title_justify="left", show_header=False)
    rows = [("feeds and folders read", summary.feeds), ("backing off after failures", summary.waiting),
            ("unchanged (HTTP 304)", summary.not_modified), ("new entries", summary.entries),
            ("filtered out (no party or issue named)", summary.filtered),
            ("held already", summary.known), ("pages fetched and files read", summary.fetched),
            ("stored", ingest.stored), ("duplicates", ingest.duplicates), ("failed", ingest.failed),
            ("time", f"{seconds:.1f} s"),
            ("rate", f"{ingest.done / seconds if seconds else 0:.1f} articles/s")]
    for name, value in rows:
        table.add_row(name, str(value))
    return table
