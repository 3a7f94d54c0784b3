"""The one shape every reader produces."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..errors import E, ParleyError

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_WORD = re.compile(r"[^\W_]")   # a letter or a digit, in any script


@dataclass
class SourceDocument:
    """An article as read: raw body text plus whatever metadata the source carried."""

    text: str
    id: str | None = None
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            # surrogatepass: a document made by hand, not through `valid_text`, still gets an id
            self.id = hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def valid_unicode(value: str, path: str, field: str = "the text") -> str:
    """`value` if it is text every later stage can encode: no NUL (a binary file, or UTF-16 read as UTF-8) and no
    lone surrogate (which UTF-8 cannot encode; JSON's "\\ud800" makes one); else the ParleyError that says where."""
    if "\x00" in value:
        raise ParleyError(E.E007, path=path, count=value.count("\x00"), position=value.index("\x00"))
    if (surrogate := _SURROGATE.search(value)) is not None:
        raise ParleyError(E.E008, path=path, field=field, char=f"U+{ord(surrogate.group()):04X}",
                          position=surrogate.start())
    return value


def has_words(text: str) -> bool:
    """Whether the text holds a letter or a digit: without one (only marks, symbols, spaces) it is no article."""
    return _WORD.search(text) is not None
