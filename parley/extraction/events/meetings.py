"""Meetings: "talks with US diplomats", "talks between Oslo and Reykjavik", "a visit to Kyiv": who took part
consults the others."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors import Agent
from . import participants, syntax
from .state import Event

if TYPE_CHECKING:
    from .state import EventState

VISIT_NOUNS = {"visit", "trip"}                        # the visitor consults the host, not the other way


def meeting_events(state: EventState, noun: Token) -> list[Event]:
    """"talks with US diplomats", "talks between Oslo and Reykjavik", "their talks": who took part consults the
    others; the subject of the clause the talks sit in took part too ("Vatne spoke after talks with X")."""
    sides: list[list[Agent]] = []
    owner = participants.owner_of(state, noun)
    venue = next((c for c in noun.children if c.dep_ == "compound" and c.i in state.actors.index
                  and state.actors.index[c.i].kind == "capital"), None)
    if owner and venue is not None and state.actors.index[venue.i].actor == owner.actor:
        owner = None  # "the Vienna talks": where, not who
    if owner and noun.dep_ == "dobj" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children) \
            and participants.subjects(state, noun.head)[0]:
        owner = None  # "Serbia and Kosovo ended their talks": every subject, not the last one named
    if owner:
        sides.append([owner])
    if any(c.dep_ == "compound" and c.lower_ in ("news", "press") for c in noun.children):
        return []  # "told a news conference": speaking to reporters, not negotiating
    visit = noun.lemma_.lower() in VISIT_NOUNS
    hosts: list[str] = []
    # "Negotiations continue in Cairo, with an Israeli team on the ground": the verb carries who takes part
    with_verb = [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "with"] \
        if noun.dep_ == "nsubj" else []
    for child in [*noun.children, *with_verb]:
        if child.dep_ == "prep" and child.lower_ in ("with", "between", "among"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    sides.append(state.actors.resolve_all(obj))
        elif visit and child.dep_ == "prep" and child.lower_ == "to":  # "a visit to Kyiv": the host
            hosts += [a.actor for obj in child.children if obj.dep_ == "pobj"
                      for a in state.actors.resolve_all(obj)]
    pronoun_owner = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
    speaker = state.actors.ctx.quote_speaker
    if not any(sides) and not hosts and noun.i in state.quoted and speaker is not None and noun.dep_ in (
            "nsubj", "nsubjpass"):
        sides.append([speaker])  # "The Vienna talks have not been paused," the minister told a TV channel
    if not any(sides) and not hosts and not pronoun_owner and noun.dep_ not in ("dobj", "pobj"):
        return []
    if noun.dep_ in ("dobj", "pobj") and not owner:
        verb = noun.head
        for _ in range(4):  # "ended two days of talks": up to the verb the talks hang on
            if verb.pos_ in syntax.VERBAL or verb.dep_ not in ("dobj", "pobj", "prep") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ in syntax.VERBAL:
            sides.insert(0, participants.subjects(state, verb)[0])
    if not any(sides):
        return []
    parties = list(dict.fromkeys(a.actor for side in sides for a in side))
    agents = {a.actor: a for side in sides for a in side}
    events = []
    for actor in parties:
        others = [p for p in [*parties, *hosts] if p != actor] or [None]
        for other in others:
            events.append(Event(agents[actor], "consult", noun, "noun", other, []))
    return events
