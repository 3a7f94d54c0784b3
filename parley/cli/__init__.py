"""The `parley` command. Each sub-command lives in its own module and registers itself on `app`."""
from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(help="Where each party in a negotiation stands, from the news, with evidence.",
                  no_args_is_help=True, pretty_exceptions_enable=False)


def _print_version(wanted: bool) -> None:
    if wanted:
        from .. import __version__

        typer.echo(f"parley {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_print_version,
                                          help="Print parley's version (from the installed package) and exit.")] = False,
) -> None:
    """parley reads news about a negotiation and maps where each party stands."""


from . import analyze  # noqa: E402,F401  (registers commands)
from . import eval as _eval  # noqa: E402,F401
from . import store  # noqa: E402,F401
from . import negotiations  # noqa: E402,F401
from . import serve  # noqa: E402,F401
from . import bench  # noqa: E402,F401
from . import follow  # noqa: E402,F401


def main() -> None:
    app()
