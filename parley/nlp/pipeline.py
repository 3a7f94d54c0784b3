"""Load the pinned spaCy pipeline from its installed package (never from the network), once per process."""
from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from functools import cache
from weakref import WeakKeyDictionary

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


_ARTICLES_SEEN: WeakKeyDictionary[Language, int] = WeakKeyDictionary()


def batch_zone(nlp: Language, articles: int, kept: int) -> AbstractContextManager:
    """Where to analyse the next batch of `articles`: as they are while the pipeline has seen fewer than `kept`
    articles (their words, a stream's common words, stay in its vocabulary for good), in a spaCy memory zone after
    that (the words the batch adds go when it closes, so memory stays flat however long the stream; a word made in
    a zone is made again in every zone it occurs in, which costs more than the rest of tokenizing when no word was
    kept). Counted per pipeline: every Analyzer of a process shares the one `load_nlp` gives."""
    seen = _ARTICLES_SEEN.get(nlp, 0)
    _ARTICLES_SEEN[nlp] = seen + articles
    return nullcontext() if seen < kept else nlp.memory_zone()
