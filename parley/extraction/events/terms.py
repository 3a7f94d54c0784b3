"""The terms of a deal: "Under the deal, Iceland will get port access" tells what each party it binds accepted."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors.groups import two_sides
from . import participants, syntax, triggers
from .state import Event, EventState


def terms_events(state: EventState, sent: Span) -> list[Event]:
    """An agreement by the subject of a clause that "under the deal" governs, on what the clause says it will do;
    a clause whose verb is an act of its own ("Under the deal, Norway will withdraw") is read by that act."""
    events = []
    for prep in sent:
        deal = next((c for c in prep.children if c.dep_ == "pobj"
                     and c.lemma_.lower() in state.lexicon.deal_nouns), None) if prep.lower_ == "under" else None
        verb = prep.head
        if deal is None or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX") or _acts(state, verb):
            continue
        terms = {t.i for t in prep.subtree}
        content = [t for t in verb.subtree if t.i not in terms]
        agents, _ = participants.subjects(state, verb)
        events += [Event(agent, "agree", verb, "terms", None, content, negated=syntax.is_negated(verb))
                   for agent in agents]
    return events


def agreed_events(state: EventState, sent: Span) -> list[Event]:
    """"It was agreed that Norway would grant port access": an agreement nobody is named for, in talks, is the two
    sides' (the two parties the article has named most)."""
    events = []
    for verb in sent:
        if verb.lemma_.lower() != "agree" or verb.tag_ != "VBN" or not any(
                c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) or any(
                c.dep_ == "agent" for c in verb.children):
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            events += [Event(agent, "agree", verb, "terms", None, list(clause.subtree),
                             negated=syntax.is_negated(verb)) for agent in two_sides(state.actors, verb.i)]
    return events


def _acts(state: EventState, verb: Token) -> bool:
    lemma = triggers.verb_lemma(state, verb)
    return lemma is not None and triggers.verb_action(state, verb, lemma) is not None
