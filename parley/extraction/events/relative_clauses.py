"""Reduced relative clauses the parser often misreads ("a demand Iceland outright denies"), read off the words;
and the party whose demand an act answers."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..actors import Agent
from . import participants
from .state import Event

if TYPE_CHECKING:
    from .state import EventState

RELATIVE_FILLERS = {"outright", "flatly", "firmly", "has", "have", "had", "also", "still", "now"}


def relative_matches(state: EventState, sent: Span) -> list[tuple[Token, str, Token, str]]:
    """"a demand Iceland outright denies": action noun, party, verb, read off the words, since the parser
    often misreads such reduced relative clauses. Gives (noun, party, verb token, action)."""
    matches = []
    doc, words = sent.doc, state.actors.words
    for n in range(sent.start, sent.end):
        if state.lexicon.nouns.get(words.lemma[n]) not in ("demand", "propose"):
            continue
        i = n + 1
        if i < sent.end and words.lower[i] in ("that", "which"):
            i += 1
        mention = state.actors.index.get(i)
        if mention is None:
            continue
        j = mention.end
        while j < sent.end and j - mention.end < 3 and (
                words.pos[j] == "ADV" or words.lower[j] in RELATIVE_FILLERS):
            j += 1
        verb = state.lexicon.lemma_of_form(words.lower[j]) if j < sent.end else None
        action = (state.lexicon.answers.get(verb) or state.lexicon.verbs.get(verb)) if verb else None
        if action:
            matches.append((doc[n], mention.actor, doc[j], action))
    return matches


def relative_events(state: EventState, matches: list[tuple[Token, str, Token, str]], found: list[Event]) -> list[Event]:
    events = []
    for noun, actor, verb, action in matches:
        answered = next((e for e in found if e.action == state.lexicon.nouns[noun.lemma_.lower()]
                         and e.agent.actor != actor), None)
        target = answered.agent.actor if answered else None
        events.append(Event(Agent(actor), action, verb, "relative", target, [], answers=answered))
    return events


def answered_party(state: EventState, event: Event) -> str | None:
    """"opened up to inspections (another demand from Oslo)": the party whose demand is answered."""
    if event.kind not in ("verb", "light"):
        return None
    for token in event.content:
        if token.i != event.trigger.i and state.lexicon.nouns.get(token.lemma_.lower()) in ("demand", "propose"):
            owner = participants.owner_of(state, token)
            if owner and owner.actor != event.agent.actor:
                return owner.actor
    return None
