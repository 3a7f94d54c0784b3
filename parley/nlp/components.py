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
    after += [end for line in [0, *after] if (end := _dateline_end(doc, line)) is not None]
    if after:
        starts = doc.to_array([SENT_START]).reshape(-1)
        starts[after] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc


BRACKETS = {"(": ")", "[": "]"}
SENTENCE_ENDS = frozenset({".", "!", "?", "\"", "\u201d", "'", "\u2019", ")", "]", ":"})
ASIDE_WORDS = 12   # tokens at most after the opening bracket, the closing one included


@Language.component("parley_bracket_asides")
def bracket_asides(doc: Doc) -> Doc:
    """An aside in brackets inside a sentence stays in it: the parser otherwise starts new sentences at "the
    Liberation Front [LF] signed" or "Later (on Monday) the teams met", cutting a subject from its verb (and a party
    from its act). Its words, and a lower-case word after it, are marked as no sentence start, which the parser
    keeps. Brackets are found from the ORTH column, not a Token per word."""
    strings = doc.vocab.strings
    opening = [strings[b] for b in BRACKETS if b in strings]
    if len(doc) < 3 or not opening:
        return doc
    orths = doc.to_array([ORTH]).reshape(-1)
    for i in np.flatnonzero(np.isin(orths[1:], opening)).tolist():
        before, bracket = doc[i], doc[i + 1]
        if "\n" in before.text_with_ws or before.text in SENTENCE_ENDS:
            continue
        close = next((t.i for t in doc[i + 2:i + 2 + ASIDE_WORDS] if t.text == BRACKETS[bracket.text]), None)
        if close is None:
            continue
        end = close + 2 if close + 1 < len(doc) and doc[close + 1].is_lower else close + 1
        for token in doc[i + 1:end]:
            if token.is_sent_start is None:    # a new line's start stays one
                token.is_sent_start = False
    return doc


DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
DATELINE_WORDS = 10   # tokens at most before the dash of "KABUL, Afghanistan (AP) —"
DATELINE_MARKS = frozenset({",", "("})      # a hyphen ends a dateline only after one of these
DATELINE_CLOSERS = frozenset({".", ")"})


def _dateline_end(doc: Doc, line: int) -> int | None:
    """Where the text starts after a wire dateline that opens a line ("OSLO (AP) — Norland's government ..."): the
    place in capitals was otherwise parsed as the subject of the first sentence. A dateline opens with its place in
    capitals; before a plain hyphen it also holds a comma or the agency in brackets ("OSLO, March 3
    (Reuters) -"), which "UK - France talks" does not."""
    first = doc[line] if line < len(doc) else None
    if first is None or not (first.is_alpha and first.is_upper and len(first) > 1):
        return None
    marked = False
    for token in doc[line + 1:line + DATELINE_WORDS]:
        if token.text in DATELINE_DASHES:
            long_dash = token.text in ("—", "--")
            return token.i + 1 if (long_dash or marked) and _opens_sentence(doc, token.i + 1) else None
        if token.text in DATELINE_MARKS:
            marked = True
        elif not (token.is_title or token.is_upper or token.like_num or token.text in DATELINE_CLOSERS
                  or token.is_space):
            return None
    return None


def _opens_sentence(doc: Doc, start: int) -> bool:
    """What follows a dateline's dash starts a sentence with a capital or a quote, and holds no second dash soon
    ("NATO — the Western alliance — said" is an aside, not a dateline)."""
    if start >= len(doc) or not (doc[start].is_title or doc[start].is_upper or doc[start].is_quote):
        return False
    return not any(t.text in DATELINE_DASHES for t in doc[start:start + DATELINE_WORDS])
