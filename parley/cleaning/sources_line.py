"""A closing "Sources: A, B and C" line names the outlets an article drew on."""
from __future__ import annotations

import re

_SOURCES = re.compile(r"^\s*(?:sources?|source material|with reporting from|additional reporting(?: by)?)\s*[:\-–—]\s*(.+)$", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|/)\s*")
_MAX_NAME_WORDS = 6  # "Sources: officials said the talks would resume" is a sentence, not a list of names


def parse_sources_line(line: str) -> list[str] | None:
    """The names on a sources line, or None if the line is not one."""
    match = _SOURCES.match(line)
    if not match or len(line) > 300:
        return None
    # "the BBC" names the BBC; "The Guardian" keeps its capital "The".
    names = [n.strip(" .").removeprefix("the ") for n in _SPLIT.split(match.group(1)) if n.strip(" .")]
    if any(len(name.split()) > _MAX_NAME_WORDS for name in names):
        return None
    return names or None
