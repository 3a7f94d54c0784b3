"""The passes over one sentence: find each trigger's events with the rule modules, then keep those that stand."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors import Agent, ArticleActors
from ..attribution import OutletNames
from ..lexicon import Lexicon
from . import (agent_nouns, conditions, context, nouns, participants, relative_clauses, states, syntax, terms,
               triggers, verbs)
from .state import Event, EventState


class EventFinder:
    """Find the events of one article's sentences, remembering accusations so later denials find their target."""

    def __init__(self, actors: ArticleActors, lexicon: Lexicon, quoted: set[int], outlets: OutletNames) -> None:
        self.state = EventState(actors, lexicon, quoted, outlets)

    def find(self, sent: Span) -> list[Event]:
        return find(self.state, sent)

    def reporter(self, event: Event) -> str | None:
        """The party whose words report an event (see participants.reporter)."""
        return participants.reporter(self.state, event)

    def named_owners(self, noun: Token) -> list[Agent]:
        """The owners a noun's own phrase names (see participants.named_owners)."""
        return participants.named_owners(self.state, noun)

    def background(self, token: Token) -> bool:
        """Whether a word sits in a clause of time that tells what happened around the news; talks named in
        passing ("after meetings in Beirut", "after their negotiations reached a standstill") took place all the
        same, and are no scene-setting deed."""
        if token.pos_ == "NOUN" and self.state.lexicon.nouns.get(token.lemma_.lower()) == "consult":
            return False
        return context.background(self.state, token)


def find(state: EventState, sent: Span) -> list[Event]:
    events: list[Event] = []
    relatives = relative_clauses.relative_matches(state, sent)
    taken = {verb.i for _, _, verb, _ in relatives}
    words = state.actors.words
    for i in range(sent.start, sent.end):
        lemma = triggers.verb_lemma_at(state, i)
        action_noun = words.pos[i] == "NOUN" and words.lemma[i] in state.lexicon.nouns
        if not lemma and words.pos[i] == "ADJ" and words.lower[i] in state.lexicon.agentive_cues and \
                words.dep[i] in ("ROOT", "ccomp", "conj") and i not in taken:
            events.extend(states.adjective_events(state, sent.doc[i]))  # "the UK was prepared to veto any bid"
            continue
        if words.pos[i] == "NOUN" and words.lemma[i] in state.lexicon.agent_nouns and i not in taken:
            events.extend(agent_nouns.agent_noun_events(state, sent.doc[i]))   # "a fierce critic of the plan"
            continue
        if i in taken or not (lemma or action_noun):
            continue
        token = sent.doc[i]
        if token.is_punct or token.is_space:
            continue
        if lemma and not triggers.descriptive(token):
            events.extend(verbs.verb_events(state, token, lemma))
        elif action_noun:
            events.extend(nouns.noun_events(state, token))
    events.extend(relative_clauses.relative_events(state, relatives, events))
    events.extend(terms.terms_events(state, sent))
    events.extend(terms.agreed_events(state, sent))
    for event in events:
        if event.target is None:
            event.target = relative_clauses.answered_party(state, event)
    events = context.solicited_hostility(state, context.told_plans(state, context.drop_embedded(state, events)))
    conditions.link_conditions(state, events)
    events = context.absorb_protest_demands(state, events)
    for event in events:
        if event.kind != "relative":
            state.last_by_action[event.action] = event.agent
        if event.action in ("accuse", "criticize") and event.target:
            state.accusers[event.target] = event.agent.actor
        if event.action == "deny" and event.target is None:
            event.target = state.accusers.get(event.agent.actor)
    for event in events:
        conditions.qualified_subject(state, event)
        event.pending = event.negated and any(syntax.not_yet(t) for t in (event.trigger, event.trigger.head))
        event.exit_threat = event.exit_threat or event.action == "threaten" and any(
            triggers.is_exit(state, t) for t in event.content if t.dep_ == "xcomp")
    unique: dict[tuple, Event] = {}
    for event in events:
        unique.setdefault(event.key, event)
    return list(unique.values())

