"""The words of one parsed article as plain lists, read once.

spaCy makes a new Token object at every `doc[i]` and every step through a sentence, and looks each string attribute
up anew; the extraction passes go through every sentence several times, so they read the words here and make Tokens
only for the few that can matter to them.
"""
from __future__ import annotations

from spacy.attrs import TAG
from spacy.tokens import Doc, Span


class Words:
    """Part of speech, dependency, lower-case form and lower-case lemma of every token of a doc, by token index."""

    def __init__(self, doc: Doc) -> None:
        self.pos: list[str] = []
        self.dep: list[str] = []
        self.lower: list[str] = []
        self.lemma: list[str] = []
        for token in doc:
            self.pos.append(token.pos_)
            self.dep.append(token.dep_)
            self.lower.append(token.lower_)
            self.lemma.append(token.lemma_.lower())
        self._tagged_before = [0, *(doc.to_array(TAG) != 0).cumsum().tolist()]  # tagged tokens before index i

    def tagged(self, sent: Span) -> bool:
        """Whether the tagger read a sentence (selective parsing leaves the others without tags)."""
        return self._tagged_before[sent.end] > self._tagged_before[sent.start]
