"""The `parley` command. Each sub-command lives in its own module and registers itself on `app`."""
from __future__ import annotations

import typer

app = typer.Typer(help="Where each party in a negotiation stands, from the news, with evidence.",
                  no_args_is_help=True, pretty_exceptions_enable=False)



@app.callback()
def _root() -> None:
    """parley reads news about a negotiation and maps where each party stands."""


from . import analyze  # noqa: E402,F401  (registers commands)
from . import eval as _eval  # noqa: E402,F401
from . import store  # noqa: E402,F401
from . import negotiations  # noqa: E402,F401
from . import serve  # noqa: E402,F401
from . import bench  # noqa: E402,F401


def main() -> None:
    app()
