"""The terms of a deal: "Under the deal, Iceland will get port access" tells what each party it binds accepted."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors.groups import two_sides
from . import participants, syntax, triggers
from .state import Event, EventState

UNSETTLED = frozenset({"draft", "proposed", "rejected", "planned", "possible", "potential", "mooted", "tentative"})
CONSENSUS = frozenset({"widely", "generally", "broadly", "commonly", "universally"})


def terms_events(state: EventState, sent: Span) -> list[Event]:
    """An agreement by the subject of a clause that "under the deal" governs, on what the clause says it will do;
    a clause whose verb is an act of its own ("Under the deal, Norway will withdraw") is read by that act."""
    events = []
    for prep in sent:
        deal = next((c for c in prep.children if c.dep_ == "pobj"
                     and c.lemma_.lower() in state.lexicon.deal_nouns), None) if prep.lower_ == "under" else None
        verb = prep.head
        if deal is None or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX") or triggers.has_action(
                state, verb) or _unsettled(deal) or syntax.is_negated(verb) or _counterfactual(verb):
            continue  # a negated term ("will not get X") is left to the rules that read refusals
        terms = {t.i for t in prep.subtree}
        content = [t for t in verb.subtree if t.i not in terms]
        agents, _ = participants.subjects(state, verb)
        events += [Event(agent, "agree", verb, "terms", None, content) for agent in agents]
    return events


def agreed_events(state: EventState, sent: Span) -> list[Event]:
    """"It was agreed that Norway would grant port access": an agreement nobody is named for, in talks, is the two
    sides' (the two parties the article has named most)."""
    events = []
    for verb in sent:
        if verb.lemma_.lower() != "agree" or verb.tag_ != "VBN" or not any(
                c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) or any(
                c.dep_ == "agent" or c.lower_ in CONSENSUS for c in verb.children) or syntax.is_negated(verb):
            continue   # "it is widely agreed": a consensus of observers; "it was not agreed": no agreement
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            events += [Event(agent, "agree", verb, "terms", None, list(clause.subtree))
                       for agent in two_sides(state.actors, verb.i)]
    return events


def _unsettled(deal: Token) -> bool:
    """A deal not (yet) made: "the draft agreement", "the deal proposed by Norway", "the rejected plan"."""
    return any(c.lower_ in UNSETTLED or (c.dep_ == "acl" and c.tag_ == "VBN") for c in deal.children)


def _counterfactual(verb: Token) -> bool:
    """"Under the deal, Iceland would have got port access": what a deal not made would have given."""
    return any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
