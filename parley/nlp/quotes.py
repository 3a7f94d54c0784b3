"""Quotation marks as the text has them, for the planner and the extractor alike: which marks open and close, and
the paragraphs a long quotation runs through."""
from __future__ import annotations

import re

OPENING = "“\"«„"
CLOSING = "”\"»“"
_MARK = re.compile(r"[“”\"«»„]")


def running_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs a quotation runs through: news style opens each paragraph of a long quotation
    with a mark and closes only the last, so a mark that opens (after a space, a colon or the line's start) and is
    the odd one out of its line quotes the words to the line's end."""
    found, offset = [], 0
    for line in text.splitlines(keepends=True):
        marks = list(_MARK.finditer(line))
        last = marks[-1] if marks else None
        opens = last is not None and last.group() in OPENING and (
            last.start() == 0 or line[last.start() - 1] in " \t:—–(")
        body = line[last.end():].rstrip() if opens else ""
        if len(marks) % 2 and body.strip(" ,."):
            found.append((offset + last.end(), offset + last.end() + len(body)))
        offset += len(line)
    return found
