"""Conditions and terms: a concession coordinated with a demand hinges on it ("open to X, but insists on Y");
"any ceasefire must allow X" backs a ceasefire only on that term."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import syntax
from .state import Event

if TYPE_CHECKING:
    from .state import EventState



def link_conditions(state: EventState, events: list[Event]) -> None:
    """"open to X, but insists on Y": a concession coordinated with a demand hinges on that demand."""
    for event in events:
        if event.condition or event.action not in ("yield", "agree", "propose", "support"):
            continue
        if not any(c.lower_ in ("but", "yet") for c in event.trigger.children):
            continue
        for other in events:
            verb = other.trigger if other.trigger.pos_ in syntax.VERBAL else other.trigger.head
            if (other.action in state.lexicon.condition_clause_actions and verb.dep_ == "conj"
                    and verb.head.i == event.trigger.i and other.agent.actor == event.agent.actor):
                obj = other.trigger if other.trigger is not verb else next(
                    (c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")), verb)
                event.condition = " ".join(t.text for t in obj.subtree).strip()


def qualified_subject(state: EventState, event: Event) -> None:
    """"any ceasefire must allow Israel freedom of action": the party backs a ceasefire only on that term; so with
    "the inspections must apply to Norwegian boats as well": only if they reach the other side too."""
    verb = event.trigger if event.trigger.pos_ in syntax.VERBAL else None
    if verb is None or event.purpose or state.lexicon.stance.get(event.action) is None:
        return
    # the stretch word on the verb ("apply ... as well", "also apply") or on what it reaches ("to Norwegian boats
    # too", "to both fleets"), not deeper down ("boats that fish too close to the coast")
    reached = [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    stretched = verb.lemma_.lower() in state.lexicon.scope_verbs and any(
        t.lower_ in state.lexicon.extension_words and t.dep_ in ("advmod", "preconj", "det")
        for t in [*verb.children, *(a for c in verb.children if c.dep_ == "advmod" for a in c.children),
                  *(c for o in reached for c in o.children)])
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                    and (stretched or any(d.dep_ == "det" and d.lower_ in ("any", "every") for d in c.children))),
                   None)
    if subject is not None:
        event.purpose, event.purpose_stance = list(subject.subtree), "conditional"
        end = max(t.i for t in verb.subtree) + 1
        event.purpose_condition = verb.doc[verb.i:end].text.strip(" .,")
