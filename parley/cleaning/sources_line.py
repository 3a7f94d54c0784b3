"""A closing "Sources: A, B and C" line names the outlets an article drew on."""
from __future__ import annotations

import re

_SOURCES = re.compile(r"^\s*(?:sources?|source material|with reporting from|additional reporting(?: by)?)\s*[:\-–—]\s*(.+)$", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|/)\s*")


def parse_sources_line(line: str) -> list[str] | None:
    """The names on a sources line, or None if the line is not one."""
    match = _SOURCES.match(line)
    if not match or len(line) > 300:
        return None
    names = [n.strip(" .") for n in _SPLIT.split(match.group(1)) if n.strip(" .")]
    return names or None
