"""The words of one parsed article as plain lists, read once.

spaCy makes a new Token object at every `doc[i]` and every step through a sentence, and looks each string attribute
up anew; the extraction passes go through every sentence several times, so they read the words here and make Tokens
only for the few that can matter to them.
"""
from __future__ import annotations

from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Span


class Words:
    """Part of speech, dependency, lower-case form and lower-case lemma of every token of a doc, by token index."""

    def __init__(self, doc: Doc) -> None:
        columns = doc.to_array([POS, DEP, LOWER, LEMMA, TAG]).reshape(-1, 5)
        names: dict[int, str] = {}   # each distinct id looked up once
        strings = doc.vocab.strings

        def read(ids: list[int]) -> list[str]:
            for i in set(ids) - names.keys():
                names[i] = strings[i]
            return [names[i] for i in ids]

        self.pos: list[str] = read(columns[:, 0].tolist())
        self.dep: list[str] = read(columns[:, 1].tolist())
        self.lower: list[str] = read(columns[:, 2].tolist())
        self.lemma: list[str] = [lemma.lower() for lemma in read(columns[:, 3].tolist())]
        self._tagged_before = [0, *(columns[:, 4] != 0).cumsum().tolist()]  # tagged tokens before index i

    def tagged(self, sent: Span) -> bool:
        """Whether the tagger read a sentence (selective parsing leaves the others without tags)."""
        return self._tagged_before[sent.end] > self._tagged_before[sent.start]
