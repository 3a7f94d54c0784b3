"""JSON Lines of articles: {"id","title","text","url","published","outlet"}; other fields kept as metadata."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from ..errors import E, ParleyError
from .document import SourceDocument

_KNOWN = {"id", "title", "text", "url", "published", "outlet", "date", "source"}


def read_jsonl(stream: IO[str], path: str) -> Iterator[SourceDocument | ParleyError]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("expected an object")
        except ValueError as exc:
            yield ParleyError(E.E020, path=path, line=number, reason=exc)
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield ParleyError(E.E021, path=path, line=number)
            continue
        yield SourceDocument(
            text=text,
            id=str(record["id"]) if record.get("id") is not None else None,
            path=f"{path}:{number}",
            title=record.get("title"),
            outlet=record.get("outlet") or record.get("source"),
            published=record.get("published") or record.get("date"),
            url=record.get("url"),
            metadata={k: str(v) for k, v in record.items() if k not in _KNOWN},
        )
