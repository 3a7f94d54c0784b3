"""The shared grammar of the event rules on parses given by hand: the shapes the statistical parser sometimes
produces, fixed here so the test does not depend on which way the parser leans on a given sentence."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from parley.extraction.events.syntax import reported_conjunct

SPEECH = {"say", "tell"}


def parsed(words: list[str], heads: list[int], deps: list[str], lemmas: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas,
               pos=["VERB" if d in ("ROOT", "ccomp", "conj") else "X" for d in deps])


def test_a_conjunct_hung_on_the_verb_of_saying_continues_the_reported_clause_it_shares_an_auxiliary_with() -> None:
    # "it says Norway has cut X, but has proposed Y", with "proposed" parsed as a conjunct of "says"
    doc = parsed(["it", "says", "Norway", "has", "cut", "quotas", "but", "has", "proposed", "limits"],
                 [1, 1, 4, 4, 1, 4, 1, 8, 1, 8],
                 ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "cc", "aux", "conj", "dobj"],
                 ["it", "say", "Norway", "have", "cut", "quota", "but", "have", "propose", "limit"])
    assert reported_conjunct(doc[8], SPEECH) == doc[4]


def test_a_conjunct_without_the_reported_clauses_auxiliary_is_the_speakers_own_act() -> None:
    # "Iceland says Norway has cut X, and proposed Y": no auxiliary to share; the speaker proposed
    doc = parsed(["Iceland", "says", "Norway", "has", "cut", "quotas", "and", "proposed", "limits"],
                 [1, 1, 4, 4, 1, 4, 1, 1, 7],
                 ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "cc", "conj", "dobj"],
                 ["Iceland", "say", "Norway", "have", "cut", "quota", "and", "propose", "limit"])
    assert reported_conjunct(doc[7], SPEECH) is None
