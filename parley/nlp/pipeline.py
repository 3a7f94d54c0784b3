"""Load the pinned spaCy pipeline from its installed package (never from the network), once per process."""
from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from functools import cache
from importlib import resources
from weakref import WeakKeyDictionary

import spacy
import yaml
from spacy.language import Language

from ..errors import E, ParleyError
from ..settings import Settings
from . import components, tokenizer  # noqa: F401  (components: registers parley's components)
from .fast import FAST_CONFIG


def load_nlp(name: str, fast_components: bool | None = None) -> Language:
    """The pipeline with parley's sentence rules placed before the parser; with `fast_components` (default: the
    setting of that name) the model's attribute ruler and lemmatizer are built by parley's faster drop-ins
    (parley/nlp/fast.py), which give the same output. Its tokenizer cuts long runs of punctuation and reads texts
    of any length (nlp/tokenizer.py). One pipeline per (name, fast_components) per process."""
    return _load(name, Settings().fast_components if fast_components is None else fast_components)


@cache
def _load(name: str, fast_components: bool) -> Language:
    try:
        nlp = spacy.load(name, config=FAST_CONFIG if fast_components else {})
    except OSError as exc:
        raise ParleyError(E.E060, name=name) from exc
    _correct_lemmas(nlp)
    nlp.add_pipe("parley_line_breaks", before="parser")
    nlp.add_pipe("parley_bracket_asides", before="parser")
    tokenizer.install(nlp)
    return nlp


VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]


def _correct_lemmas(nlp: Language) -> None:
    """Verb forms the model's lemmatizer gets wrong ("staged" as "stag"; data/lemmas.yaml) get their verb from the
    attribute ruler, whose lemmas the lemmatizer keeps: a stance verb is then found by its lemma as any other."""
    corrections = yaml.safe_load(resources.files("parley").joinpath("data/lemmas.yaml").read_text("utf-8"))
    ruler = nlp.get_pipe("attribute_ruler")
    for verb, forms in corrections.items():
        ruler.add([[{"LOWER": {"IN": forms}, "TAG": {"IN": VERB_TAGS}}]], {"LEMMA": verb})


load_nlp.cache_clear = _load.cache_clear  # type: ignore[attr-defined]  (tests start from a fresh pipeline)


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
