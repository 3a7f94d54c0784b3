"""parley: where each party in a negotiation stands on each issue, from the news, with evidence."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .dossier import Dossier, load_dossier
from .errors import ParleyError
from .models import ArticleAnalysis, Gap, Position, Quote, Statement
from .settings import Settings

if TYPE_CHECKING:
    from .store import Store


def __getattr__(name: str) -> str:
    """`parley.__version__`: pyproject.toml's, read from the installed package's metadata when first asked for
    (importlib.metadata takes a tenth of a second to import, which `parley --help` need not pay)."""
    if name != "__version__":
        raise AttributeError(f"module 'parley' has no attribute {name!r}")
    from importlib import metadata

    try:
        return metadata.version("parley")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def analyze(text_or_path: str | Path, dossier: Dossier | str | Path | None = None,
            settings: Settings | None = None) -> ArticleAnalysis:
    """Analyse one article given as text or as a path to a .txt/.html file (the Analyzer for the dossier and
    settings is built on the first call and reused by the next)."""
    from .pipeline import SHARED_LOCK, shared_analyzer
    from .sources import read_path, read_text

    is_path = isinstance(text_or_path, Path) or ("\n" not in text_or_path and _names_a_file(text_or_path))
    if is_path:
        document = next(read_path(text_or_path))
        if isinstance(document, ParleyError):
            raise document
    else:
        document = read_text(str(text_or_path))
    with SHARED_LOCK:
        return shared_analyzer(dossier, settings).analyze(document)


def _names_a_file(text: str) -> bool:
    """Whether one line of text is the path of an existing file (a long sentence is no path: the OS says so)."""
    try:
        return Path(text).is_file()
    except OSError:
        return False


def open(db: str | Path | None = None) -> Store:  # noqa: A001  (parley.open(db) reads like the built-in on purpose)
    """The store at `db` (SQLite path or database URL; default PARLEY_DB or ./parley.db): a `parley.store.Store`."""
    from .store import Store

    return Store(db)


__all__ = ["ArticleAnalysis", "Dossier", "Gap", "ParleyError", "Position", "Quote", "Settings", "Statement",
           "analyze", "load_dossier", "open"]
