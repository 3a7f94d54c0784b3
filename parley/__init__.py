"""parley: where each party in a negotiation stands on each issue, from the news, with evidence."""
from __future__ import annotations

from pathlib import Path

from .dossier import Dossier, load_dossier
from .errors import ParleyError
from .models import ArticleAnalysis, Gap, Position, Quote, Statement
from .settings import Settings

__version__ = "0.1.0"


def analyze(text_or_path: str | Path, dossier: Dossier | str | Path | None = None,
            settings: Settings | None = None) -> ArticleAnalysis:
    """Analyse one article given as text or as a path to a .txt/.html file."""
    from .pipeline import Analyzer
    from .sources import read_path, read_text

    is_path = isinstance(text_or_path, Path) or ("\n" not in text_or_path and len(text_or_path) < 4096
                                                and Path(text_or_path).is_file())
    if is_path:
        document = next(read_path(text_or_path))
        if isinstance(document, ParleyError):
            raise document
    else:
        document = read_text(str(text_or_path))
    return Analyzer(dossier, settings).analyze(document)


__all__ = ["ArticleAnalysis", "Dossier", "Gap", "ParleyError", "Position", "Quote", "Settings", "Statement",
           "analyze", "load_dossier"]
