"""A parse repair the extractor makes before it reads an article: a clause beside a verb, not its complement."""
from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def mark_parataxis(doc: Doc, speech: Collection[str]) -> None:
    """"The UK and France want A - the Commission has urged B": the parser hangs the clause before the dash on the
    verb after it as its complement, so the Commission would urge what the UK and France want. A clause before its
    head, cut off from it by a semicolon or a dash standing alone, where the head has a subject and an object of its
    own and is no verb of saying ("... - the minister told reporters" reports the clause), is relabelled
    `parataxis`, the label spaCy's English scheme has for a clause beside another; words and arcs stay."""
    for token in doc:
        if token.dep_ != "ccomp" or token.i > token.head.i or token.head.lemma_.lower() in speech:
            continue
        head = token.head
        breaks = [t for t in doc[token.right_edge.i + 1:head.i]
                  if t.text == ";" or (t.text in DASHES and doc[t.i - 1].whitespace_)]   # not "vice-president"
        own = {c.dep_ for c in head.children if c.i != token.i}
        if breaks and {"nsubj", "dobj"} <= own:
            token.dep_ = "parataxis"
