"""spaCy components registered by name; each does one job."""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("parley_line_breaks")
def line_breaks(doc: Doc, text: str | None = None) -> Doc:
    """A new line always starts a new sentence, so a heading never merges into the text after it. Read from the
    text (`text`, the Doc's own, when the caller has it: `Doc.text` joins it again word by word) and the token
    offsets, and set with one array: a Token object for every word costs more than the rest of the check."""
    if len(doc) < 2:
        return doc
    breaks = np.array([m.start() for m in re.finditer("\n", doc.text if text is None else text)], dtype=np.int64)
    if not len(breaks):
        return doc
    offsets = doc.to_array([IDX]).astype(np.int64).reshape(-1)
    owners = np.searchsorted(offsets, breaks, side="right") - 1   # the token whose text or space holds the break
    after = sorted({int(i) + 1 for i in owners if 0 <= i < len(doc) - 1})
    if after:
        starts = doc.to_array([SENT_START]).reshape(-1)
        starts[after] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc
