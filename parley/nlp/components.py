"""spaCy components registered by name; each does one job."""
from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("parley_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A new line always starts a new sentence, so a heading never merges into the text after it. spaCy keeps a
    new line in a whitespace token of its own (the space after a word is at most one " "), so the tokens after one
    are found from the whitespace tokens' strings, and set with one array: a Token object for every word costs more
    than the rest of the check."""
    if len(doc) < 2:
        return doc
    columns = doc.to_array([IS_SPACE, ORTH])
    strings = doc.vocab.strings
    after = [i + 1 for i in np.flatnonzero(columns[:-1, 0]).tolist() if "\n" in strings[int(columns[i, 1])]]
    if after:
        starts = doc.to_array([SENT_START]).reshape(-1)
        starts[after] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc
