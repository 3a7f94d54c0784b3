"""spaCy components registered by name; each does one job."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("parley_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A new line always starts a new sentence, so a heading never merges into the text after it."""
    after_break = [i + 1 for i, token in enumerate(doc) if "\n" in token.text or "\n" in token.whitespace_]
    for i in after_break:
        if i < len(doc):
            doc[i].is_sent_start = True
    return doc
