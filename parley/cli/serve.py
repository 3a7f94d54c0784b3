"""`parley serve`: the web dashboard over a store, on loopback unless told otherwise."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from .store import DbOption, err
from .view import print_error


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; the default is this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    dossier: Annotated[list[Path] | None, typer.Option(help="Dossier(s) naming the parties and issues; repeatable.")] = None,
) -> None:
    """Serve the dashboard and JSON API. Read-only unless PARLEY_TOKEN is set (then writes need that token)."""
    from ..errors import ParleyError, needs_extra

    try:
        with needs_extra("web", "parley serve"):
            import uvicorn

            from ..web.app import LOOPBACK_NAMES, create_app
        hosts = LOOPBACK_NAMES if host in LOOPBACK_NAMES else ["*"]  # bound elsewhere: reached by names we cannot know
        application = create_app(db, dossier or [], hosts=hosts)
    except ParleyError as exc:
        print_error(err, exc)
        raise typer.Exit(2) from exc
    uvicorn.run(application, host=host, port=port, log_level="info", server_header=False)
