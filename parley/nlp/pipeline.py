"""Load the pinned spaCy pipeline from its installed package (never from the network), once per process."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from ..errors import E, ParleyError
from . import components  # noqa: F401  (registers parley's components)
from .decoding import decode_greedily
from .fast import speed_up


@cache
def load_nlp(name: str) -> Language:
    """The pipeline with parley's sentence rules placed before the parser, the faster drop-ins for the attribute
    ruler and the lemmatizer (parley/nlp/fast.py) and the parser and entity recognizer decoded without a lock per
    move (parley/nlp/decoding.py): the same output as the stock pipeline."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ParleyError(E.E060, name=name) from exc
    nlp.add_pipe("parley_line_breaks", before="parser")
    return decode_greedily(speed_up(nlp))
