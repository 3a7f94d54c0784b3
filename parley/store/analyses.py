"""Read finished analyses (the JSON Lines of `parley analyze --json`) back, to store them without re-analysing."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from ..errors import E, ParleyError
from ..models import ArticleAnalysis


def read_analyses(paths: Iterable[str | Path]) -> Iterator[ArticleAnalysis | ParleyError]:
    """One analysis per non-blank line; a line that is not a contract object yields a ParleyError (E020)."""
    for path in paths:
        try:
            stream = Path(path).open("rb")
        except OSError as exc:
            yield ParleyError(E.E002, path=path, reason=exc.strerror or exc)
            continue
        with stream:
            for number, data in enumerate(stream, start=1):
                try:   # line by line, so that one line in another encoding costs that line only
                    line = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield ParleyError(E.E004, path=f"{path}, line {number}", position=exc.start)
                    continue
                if not line.strip():
                    continue
                try:
                    yield ArticleAnalysis.model_validate_json(line)
                except ValidationError as exc:
                    reason = exc.errors()[0]["msg"] if exc.errors() else exc
                    yield ParleyError(E.E020, path=path, line=number, reason=reason)
