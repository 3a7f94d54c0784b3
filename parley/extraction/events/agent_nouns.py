"""Nouns that name a party by its stance: "Iceland is a fierce critic of the plan", "Iceland, a critic of the plan,",
"opponents of the bill, including Iceland,", "Norway is among the backers of X". The party so named takes the
noun's action (`agent_nouns` in the lexicon) on what its "of" phrase names."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors import Agent
from . import participants, syntax
from .state import Event

if TYPE_CHECKING:
    from .state import EventState


def agent_noun_events(state: EventState, noun: Token) -> list[Event]:
    """One event per party the noun names, on the words of its "of" phrase; the subject of speech ("critics,
    including X, say the plan is unfair") also on what is said. A noun with neither ("the world champion") is no
    stance."""
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    saying = noun.head if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in state.lexicon.speech else None
    if not of and saying is None:
        return []
    # "a former critic", "once a critic", "was once the main opponent": a stance left behind
    near = [noun, *([noun.head] if noun.dep_ == "attr" else [])]
    if any(c.lower_ in state.lexicon.agent_former and c.dep_ in ("amod", "advmod") for t in near for c in t.children):
        return []
    agents = _named(state, noun)
    content = [noun, *(t for p in of for t in p.subtree)]
    if saying is not None:
        content += [t for c in saying.children if c.dep_ == "ccomp" for t in c.subtree]
    targets = [a.actor for p in of for o in p.children if o.dep_ == "pobj" for a in state.actors.resolve_all(o)]
    copula = noun.head if noun.dep_ == "attr" else noun.head.head if noun.dep_ == "pobj" else None
    negated = syntax.is_negated(noun) or copula is not None and syntax.is_negated(copula)   # "not among the critics"
    action = state.lexicon.agent_nouns[noun.lemma_.lower()]
    return [Event(agent, action, noun, "noun", next((t for t in targets if t != agent.actor), None), content,
                  negated=negated) for agent in agents]


def _named(state: EventState, noun: Token) -> list[Agent]:
    """The parties the noun is said of: the subject of its copula ("X is a critic of"), the phrase it stands beside
    ("X, a critic of"), the subject of "is among the critics", and those its "including" lists."""
    quoted = noun.i in state.quoted
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in state.lexicon.copulas:
        return participants.subjects(state, noun.head)[0]
    if noun.dep_ == "appos":
        return state.actors.resolve_all(noun.head, quoted)
    if noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.lemma_.lower() in state.lexicon.copulas:
        return participants.subjects(state, noun.head.head)[0]
    return [agent for c in noun.children if c.dep_ == "prep" and c.lower_ in state.lexicon.agent_listing
            for o in c.children if o.dep_ == "pobj" for agent in state.actors.resolve_all(o, quoted)]
