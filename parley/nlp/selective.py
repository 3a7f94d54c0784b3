"""Selective parsing, the run: tokenize every article, parse only the runs of sentences the prefilter keeps
(batched across articles through `nlp.pipe`), and write their annotations back into the whole article's Doc.

The Doc the extractor gets is the full clean text, token for token: offsets and sentence numbers are the article's.
Parsed runs carry the parser's sentences, tags, lemmas and entities; the other sentences keep the rule-based
boundaries and no annotation, so the extractor finds nothing in them, as it would have found nothing if parsed.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

import numpy as np
from spacy.attrs import IDX, LENGTH, NORM, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .prefilter import Plan, Prefilter

C = TypeVar("C")
PARSE_TOKENS = 2000   # tokens per batch through the pipeline: bounds the memory the models take at once
ANNOTATIONS = ["TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID"]


class SelectiveParser:
    """A drop-in for `nlp.pipe(texts, as_tuples=True)` that parses only what the prefilter keeps."""

    def __init__(self, nlp: Language, prefilter: Prefilter, batch_size: int) -> None:
        self.nlp = nlp
        self.prefilter = prefilter
        self.batch_size = batch_size
        self.tokens = 0
        self.parsed = 0

    def pipe(self, items: Iterable[tuple[str, C]]) -> Iterator[tuple[Doc, C]]:
        """(Doc, context) in input order; articles are read `batch_size` at a time and their runs go through the
        pipeline in batches of at most `PARSE_TOKENS` tokens (so the largest batch, which sets the peak memory,
        does not depend on how much of a chunk happens to be parsed). A run's parse does not depend on the batch
        it is in (tests/test_nlp_selective.py), so neither does an article's analysis."""
        iterator = iter(items)
        while chunk := list(islice(iterator, self.batch_size)):
            docs = [self.nlp.make_doc(text) for text, _ in chunk]
            plans = [self.prefilter.plan(doc, text) for doc, (text, _) in zip(docs, chunk)]
            parts = [part for doc, plan, (text, _) in zip(docs, plans, chunk) for part in runs(doc, plan, text)]
            parsed = self.parse(parts)
            for doc, plan, (_, context) in zip(docs, plans, chunk):
                self.tokens += len(doc)
                self.parsed += plan.parsed_tokens
                yield merge(doc, plan, [next(parsed) for _ in plan.blocks]), context

    def parse(self, parts: list[Doc]) -> Iterator[Doc]:
        """The runs through the whole pipeline in batches of at most PARSE_TOKENS tokens (a longer run alone),
        returned in input order. Runs go into batches shortest first: the parser and the entity recognizer take
        as many steps over a batch as its longest run has moves, so runs of like length share the steps."""
        order = sorted(range(len(parts)), key=lambda i: len(parts[i]))
        parsed: list[Doc] = [None] * len(parts)  # type: ignore[list-item]
        batch: list[int] = []
        size = 0
        for i in [*order, None]:
            if batch and (i is None or size + len(parts[i]) > PARSE_TOKENS):
                docs = self.nlp.pipe([parts[j] for j in batch], batch_size=len(batch))
                for j, doc in zip(batch, docs, strict=True):
                    parsed[j] = doc
                batch, size = [], 0
            if i is not None:
                batch.append(i)
                size += len(parts[i])
        return iter(parsed)


def runs(doc: Doc, plan: Plan, text: str) -> list[Doc]:
    """The runs to parse as Docs of their own: the words, the spaces after them, and what the tokenizer and the
    sentence rules set on the tokens (norms such as "n't" → "not", which the models read, and sentence starts).
    That is all a `Span.as_doc` copy carries into the pipeline of an unparsed article; as_doc also copies every
    other column of the whole article, and works out a span vector, for each run. `text` is the Doc's own
    (`Doc.text` joins it again word by word)."""
    if not plan.blocks:
        return []
    columns = doc.to_array([IDX, LENGTH, SPACY, NORM, SENT_START])
    starts, lengths, spaces = columns[:, 0].tolist(), columns[:, 1].tolist(), columns[:, 2].astype(bool).tolist()
    parts = []
    for start, end in plan.blocks:
        words = [text[i:i + n] for i, n in zip(starts[start:end], lengths[start:end])]
        part = Doc(doc.vocab, words=words, spaces=spaces[start:end])
        part.from_array([NORM, SENT_START], columns[start:end, 3:])
        parts.append(part)
    return parts


def merge(doc: Doc, plan: Plan, blocks: list[Doc]) -> Doc:
    """Copy each parsed run's annotations into the article's Doc. Each unparsed sentence (rule-based boundaries)
    becomes a flat tree under its first token, so that every sentence is one well-formed tree and spaCy derives
    the same boundaries from the heads; forcing sentence starts onto a parsed Doc instead leaves roots that start
    no sentence, and spaCy crashes walking such trees."""
    array = doc.to_array(ANNOTATIONS)
    parsed = np.zeros(len(doc), dtype=bool)
    for (start, end), block in zip(plan.blocks, blocks):
        array[start:end] = block.to_array(ANNOTATIONS)
        parsed[start:end] = True
    head, dep = ANNOTATIONS.index("HEAD"), ANNOTATIONS.index("DEP")
    flat = np.flatnonzero(~parsed)
    if len(flat):
        # the first token of each unparsed stretch: a sentence start, or the token after a parsed run
        opens = np.zeros(len(doc), dtype=bool)
        opens[[start for start in plan.starts if start < len(doc)]] = True
        opens[1:] |= parsed[:-1]
        opens[0] = True
        first = np.maximum.accumulate(np.where(opens, np.arange(len(doc)), 0))[flat]
        array[flat, head] = (first - flat).astype(np.uint64)
        array[flat, dep] = np.where(first == flat, doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep"))
    doc.from_array(ANNOTATIONS, array)
    return doc
