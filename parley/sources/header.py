"""The optional `Key: value` header block that opens a plain-text article (CONTRACT.md §4)."""
from __future__ import annotations

import re

_KEY = re.compile(r"^([A-Za-z][A-Za-z_ -]{0,30}):\s*(.*)$")
# The whole value says "not known", optionally with a note: "unknown (no headline in stored text)".
_UNKNOWN = re.compile(r"^(unknown|n/?a|none|null|-+|\?+)\s*(\(.*\))?$", re.I)
_MAX_HEADER_LINES = 40


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Return (metadata, body). A header counts only when every non-blank line before a `---` line is `Key: value`."""
    lines = text.splitlines(keepends=True)
    fields: list[re.Match[str]] = []
    for index, line in enumerate(lines[:_MAX_HEADER_LINES]):
        if line.strip() == "---":
            if not fields:
                return {}, text
            meta = {m.group(1).strip().lower(): m.group(2).strip() for m in fields}
            return meta, "".join(lines[index + 1 :])
        if not line.strip():
            continue
        match = _KEY.match(line.strip())
        if not match:
            return {}, text
        fields.append(match)
    return {}, text


def known(value: object) -> str | None:
    """A header value as text, or None where the header says it is unknown."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or _UNKNOWN.match(text):
        return None
    return text
