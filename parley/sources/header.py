"""The optional `Key: value` header block that opens a plain-text article (CONTRACT.md §4)."""
from __future__ import annotations

import re

_KEY = re.compile(r"^([A-Za-z][A-Za-z_ -]{0,30}):\s*(.*)$")
_UNKNOWN = re.compile(r"^(unknown|n/?a|none|null)\b", re.I)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Return (metadata, body). A header counts only when every line before a `---` line is `Key: value`."""
    lines = text.split("\n")
    for index, line in enumerate(lines[:40]):
        if line.strip() == "---":
            if index == 0:
                return {}, text
            fields = [_KEY.match(line) for line in lines[:index]]
            if not all(fields):
                return {}, text
            meta = {m.group(1).strip().lower(): m.group(2).strip() for m in fields}  # type: ignore[union-attr]
            return meta, "\n".join(lines[index + 1 :])
        if not _KEY.match(line):
            return {}, text
    return {}, text


def known(value: str | None) -> str | None:
    """A header value, or None where the header says it is unknown."""
    if value is None or not value.strip() or _UNKNOWN.match(value.strip()):
        return None
    return value.strip()
