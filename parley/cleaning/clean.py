"""Build the clean article text that every offset refers to, and the units (paragraphs, headings) within it."""
from __future__ import annotations

from dataclasses import dataclass, field

from .normalize import normalize_lines
from .page_clutter import clutter_lines
from .sources_line import parse_sources_line

_FINAL_PUNCTUATION = tuple('.!?:;"”’\')…')
_TRAILING_LINES = 3


@dataclass(frozen=True)
class Unit:
    """A line of the clean text: a paragraph or a heading. Sentences never cross a unit's edge."""

    start: int
    end: int
    heading: bool


@dataclass
class CleanArticle:
    text: str
    units: list[Unit] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    sources_cited: list[str] = field(default_factory=list)


def is_heading(line: str, max_words: int) -> bool:
    """A short line that does not end like a sentence: a headline, crosshead or standfirst label."""
    return len(line.split()) <= max_words and not line.endswith(_FINAL_PUNCTUATION)


def clean(raw: str, heading_max_words: int = 12) -> CleanArticle:
    """Normalise, drop clutter lines (reported once each), lift a trailing sources line, mark headings."""
    lines = normalize_lines(raw)
    clutter = clutter_lines(lines)
    article_lines_left = len(clutter) - clutter.count(True)
    result = CleanArticle(text="")
    kept: list[str] = []
    for line, is_clutter in zip(lines, clutter):
        if is_clutter:
            if line not in result.boilerplate:
                result.boilerplate.append(line)
            continue
        article_lines_left -= 1
        # "Trailing": at most two lines of article follow it; page clutter after it does not count.
        names = parse_sources_line(line) if article_lines_left < _TRAILING_LINES else None
        if names:
            result.sources_cited.extend(n for n in names if n not in result.sources_cited)
            continue
        kept.append(line)
    offset = 0
    for line in kept:
        result.units.append(Unit(offset, offset + len(line), is_heading(line, heading_max_words)))
        offset += len(line) + 1
    result.text = "\n".join(kept)
    return result
