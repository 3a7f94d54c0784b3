"""The words of one parsed article as plain lists, read once.

spaCy makes a new Token object at every `doc[i]` and every step through a sentence, and looks each string attribute
up anew; the extraction passes go through every sentence several times, so they read the words here and make Tokens
only for the few that can matter to them.
"""
from __future__ import annotations

from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Span

_ENTITIES = "parley.entities"   # where `entities` keeps its lookup in Doc.user_data


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


def entities(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """The Doc's entities and, per token, the index of the one it is in (-1: none), built once per Doc and kept in
    its user_data: `Doc.ents` builds every entity Span anew on each call, which made per-token lookups quadratic
    in the article's length."""
    cached = doc.user_data.get(_ENTITIES)
    if cached is None:
        ents = doc.ents
        entity_at = [-1] * len(doc)
        for number, ent in enumerate(ents):
            entity_at[ent.start:ent.end] = [number] * (ent.end - ent.start)
        cached = doc.user_data[_ENTITIES] = (ents, entity_at)
    return cached
