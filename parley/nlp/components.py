"""spaCy components registered by name; each does one job."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("parley_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A new line always starts a new sentence, so a heading never merges into the text after it."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc
