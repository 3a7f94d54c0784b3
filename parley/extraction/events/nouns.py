"""Action nouns with their owner: "a continued demand from Iceland", "Reykjavik's proposal", "warnings from
Washington"."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import meetings, participants, syntax, triggers
from .state import Event

if TYPE_CHECKING:
    from .state import EventState

WARNING_NOUNS = {"warning", "ultimatum"}              # "warnings from Washington": a threat made, not a topic
CALL_NOUNS = {"call"}                                   # a phone call between two leaders, not a call for X
# Nouns that state a party's position or charge ("an EU complaint"); other action nouns ("the threat from X", "talks")
# often name a topic.
POSITION_NOUN_ACTIONS = {"demand", "propose", "agree", "yield", "support", "reject", "oppose", "accuse"}


def noun_events(state: EventState, noun: Token) -> list[Event]:
    """"a continued demand from Iceland", "(another demand from Oslo)", "Reykjavik's proposal"."""
    if triggers.armed_strike(state, noun):
        return []  # "Israeli air strikes killed 20": the verb tells the attack
    if noun.dep_ in ("dobj", "nsubjpass") and triggers.acts(state, noun.head) and \
            state.lexicon.nouns[noun.lemma_.lower()] != "consult":
        return []  # the object of a verb: that verb's event covers it
    if state.lexicon.nouns[noun.lemma_.lower()] == "consult" or noun.lemma_.lower() in CALL_NOUNS and any(
            c.dep_ == "prep" and c.lower_ in ("between", "with") for c in noun.children):
        return meetings.meeting_events(state, noun)  # "talks with Oslo"; "a call between the two presidents"
    if syntax.mass_noun(noun):
        return []  # "German domestic demand": a market's
    protest = state.lexicon.nouns[noun.lemma_.lower()] == "protest" and (noun.dep_ in ("nsubj", "nsubjpass") or any(
        c.dep_ == "poss" for c in noun.children))  # "the 130th day of its work stoppage": the owner's strike
    if state.lexicon.nouns[noun.lemma_.lower()] not in POSITION_NOUN_ACTIONS and \
            noun.lemma_.lower() not in WARNING_NOUNS and not protest:
        return []  # "Palestinian riots are continuing": a protest named as the subject of the news
    if noun.lemma_.lower() in WARNING_NOUNS and triggers.warns_of_peril(state, noun):
        return []  # "warnings of starvation by aid agencies": a caution, not a threat
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in state.lexicon.attitude_verbs:
        return []  # "they will need the support of the biggest shareholders": wanted from them, not given
    agent = participants.owner_of(state, noun)
    if agent is None:
        return []
    action = state.lexicon.nouns[noun.lemma_.lower()]
    if noun.dep_ == "appos":
        content = syntax.subtree_without(noun.head, {"appos"})
    elif noun.dep_ in ("attr",) and noun.head.lemma_ == "be":
        content = [t for c in noun.head.children if c.dep_ == "nsubj" for t in c.subtree] + list(noun.subtree)
    else:
        content = list(noun.subtree) + syntax.stray_infinitive(noun)
    target = None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in syntax.TARGET_PREPS:
            for obj in child.children:
                resolved = state.actors.resolve(obj) if obj.dep_ == "pobj" else None
                if resolved and resolved.actor != agent.actor:
                    target = resolved.actor
    return [Event(agent, action, noun, "noun", target, content, negated=syntax.is_negated(noun))]
