"""spaCy's tokenizer with its time kept linear and its input of any length.

spaCy strips a word's leading and trailing punctuation one mark at a time, copying the rest of the word each time:
a run of L marks with no space ("»»»»…", a million `"`) costs L² (4,000 marks take 1.5 s, 8,000 take 6 s). Such a
run is cut here into tokens of PUNCTUATION_RUN marks before the tokenizer sees it, and the text around it is
tokenized as usual; the Doc's text is the input, character for character, so every offset still points into it.
A text without such a run goes to spaCy's tokenizer unchanged (the same tokens as ever). spaCy's `max_length`
check guards the memory of parsing a whole Doc at once; parley parses in runs of sentences (nlp/selective.py), so
it is lifted for the tokenizer and long texts are read whole.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

PUNCTUATION_RUN = 100   # marks in a row from which a run is cut: 100² steps cost microseconds; no word is this long


class RunSplittingTokenizer:
    """Wraps a pipeline's tokenizer (installed by `install`)."""

    def __init__(self, tokenizer: Callable[[str], Doc], run: int) -> None:
        self.tokenizer = tokenizer
        self.run = run
        self.vocab = tokenizer.vocab  # type: ignore[attr-defined]
        self._long_run = re.compile(r"[^\w\s]{%d,}" % (run + 1))

    def __call__(self, text: str) -> Doc:
        if self._long_run.search(text) is None:
            return self.tokenizer(text)
        docs = [doc for doc in self._pieces(text) if len(doc)]
        return Doc.from_docs(docs, ensure_whitespace=False) if docs else self.tokenizer("")

    def _pieces(self, text: str) -> Iterator[Doc]:
        """Docs whose texts, joined, are `text`: the stretches between long runs through spaCy's tokenizer, each
        run as tokens of at most `run` marks (the space after it, if any, kept on its last token)."""
        position = 0
        for match in self._long_run.finditer(text):
            if match.start() > position:
                yield self.tokenizer(text[position:match.start()])
            marks = match.group()
            words = [marks[i:i + self.run] for i in range(0, len(marks), self.run)]
            spaced = text.startswith(" ", match.end())
            yield Doc(self.vocab, words=words, spaces=[False] * (len(words) - 1) + [spaced])
            position = match.end() + spaced
        if position < len(text):
            yield self.tokenizer(text[position:])


def install(nlp: Language, run: int = PUNCTUATION_RUN) -> None:
    """Put the run-splitting tokenizer in front of `nlp`'s own and let it read texts of any length."""
    nlp.tokenizer = RunSplittingTokenizer(nlp.tokenizer, run)
    nlp.max_length = sys.maxsize
