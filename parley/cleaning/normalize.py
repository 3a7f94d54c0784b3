"""Unicode and whitespace normalisation; quotes and dashes are kept as written."""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Zero-width characters, soft hyphens and control characters (tabs and line breaks are handled apart).
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x9f]")
# The hyphen and the non-breaking hyphen are the ASCII hyphen-minus to the tokenizer and the lexicon
# ("non\u2011negotiable" is read as "non-negotiable"); dashes stay as written.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")


def _unwrap(lines: list[str]) -> list[str]:
    """Join a line that starts in lower case to the unfinished line before it: a hard wrap, not a new paragraph."""
    joined: list[str] = []
    for line in lines:
        if joined and line[0].islower() and not _SENTENCE_END.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def normalize_lines(text: str) -> list[str]:
    """NFC, every Unicode line break (CR, LF, U+2028, ...) ends a line, no invisible characters, single spaces,
    ASCII hyphens, stripped lines (empty ones dropped), hard-wrapped lines joined."""
    lines = (_SPACES.sub(" ", _INVISIBLE.sub("", line)).strip().translate(_HYPHENS)
             for line in unicodedata.normalize("NFC", text).splitlines())
    return _unwrap([line for line in lines if line])
