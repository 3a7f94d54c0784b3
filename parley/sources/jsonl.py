"""JSON Lines of articles: {"id","title","text","url","published","outlet"}; other fields kept as metadata."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..errors import E, ParleyError
from .document import SourceDocument, has_words, valid_unicode
from .header import known

_KNOWN = {"id", "title", "text", "url", "published", "outlet", "date", "source"}


def read_jsonl(lines: Iterable[str], path: str) -> Iterator[SourceDocument | ParleyError]:
    """One document per line; a bad line becomes a `ParleyError` naming file and line, and the rest go on."""
    for number, line in enumerate(lines, start=1):
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
        where = f"{path}:{number}"   # the item's name until it has an id: an id may be missing or invalid itself
        try:
            for key, value in record.items():
                if isinstance(value, str):
                    valid_unicode(value, where, "the text" if key == "text" else f"field {key!r}")
        except ParleyError as exc:
            yield exc
            continue
        if not has_words(text):
            yield ParleyError(E.E009, path=where)
            continue
        # Producers write numbers, nulls and "unknown" freely: every field becomes text or None.
        yield SourceDocument(
            text=text,
            id=known(record.get("id")),
            path=f"{path}:{number}",
            title=known(record.get("title")),
            outlet=known(record.get("outlet") or record.get("source")),
            published=known(record.get("published") or record.get("date")),
            url=known(record.get("url")),
            metadata={k: v if isinstance(v, str) else json.dumps(v) for k, v in record.items() if k not in _KNOWN},
        )
