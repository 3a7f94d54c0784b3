"""Reported speech: a speaker's stance from cues in what is said ("X would be unacceptable", "there should be
inspections") when what is said carries no trigger of its own."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors import Agent
from ..conditions import find_condition
from . import participants, syntax, triggers
from .state import Event

if TYPE_CHECKING:
    from .state import EventState



def cue_events(state: EventState, verb: Token, lemma: str) -> list[Event]:
    """Reported speech whose content carries no trigger of its own: the speaker's stance comes from cues."""
    agents, _ = participants.subjects(state, verb)
    agents = [a for a in agents if a.actor]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not agents or (subject is not None and participants.actors_outlet(state, subject)):
        return []
    events = []
    for child in verb.children:
        clause = None
        if child.dep_ == "ccomp":
            for conjunct in (c for c in child.children if c.dep_ == "conj" and c.pos_ in syntax.VERBAL):
                events.extend(_clause_cue(state, conjunct, agents))  # "... and therefore it has to be reversed"
            clause = child
        elif child.dep_ == "dobj":
            noun = child.lemma_.lower()
            if noun in state.lexicon.noun_cues:
                content = [t for t in child.subtree if t.i != child.i]
                for agent in agents:
                    events.append(Event(agent, state.lexicon.noun_cues[noun], child, "cue", None, content))
                continue
            clause = next((c for c in child.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
        if clause is not None:
            events.extend(_clause_cue(state, clause, agents))
    return events


def quoted_cue_events(state: EventState, copula: Token) -> list[Event]:
    """A judgement standing alone in a quotation ("In this century, it's completely unacceptable."): the stance
    of whoever is quoted, as if it followed "said"."""
    speaker = state.actors.ctx.quote_speaker
    if copula.dep_ != "ROOT" or copula.i not in state.quoted or speaker is None or not speaker.actor:
        return []
    return _clause_cue(state, copula, [speaker])


def _clause_cue(state: EventState, clause: Token, agents: list[Agent]) -> list[Event]:
    modal = any(c.dep_ == "aux" and c.lower_ in state.lexicon.modal_cues for c in clause.children)
    if not modal and _has_trigger(state, clause):
        return []
    action = None
    negated = syntax.is_negated(clause) and not syntax.rhetorical(clause)
    if clause.lemma_.lower() in ("have", "need") and any(c.dep_ == "xcomp" for c in clause.children):
        action = state.lexicon.modal_cues.get("need")  # "has to be reversed", "needs to stop"
    for child in clause.children:
        word = child.lower_
        if child.dep_ == "aux" and word in state.lexicon.modal_cues:
            action = state.lexicon.modal_cues[word]
        elif child.dep_ in ("acomp", "attr", "prep"):
            # "surprising and deeply disappointing": any of the joined judgements
            action = next((a for w in (child, *child.conjuncts) if (a := _evaluation(state, w))), action)
            opposite = _opposite(state, child) if negated else None
            if opposite:  # "this is not acceptable" says what "unacceptable" says
                action, negated = opposite, False
    if action is None:
        return []
    condition = find_condition([clause], state.lexicon)
    if action == "demand" and not negated and condition and condition[0].lower().startswith("unless") \
            and _hostile_thing(state, clause):
        action = "threaten"  # "there should be a one-day strike unless there is a rethink": a threat, as with a verb
    events = []
    for agent in agents:
        targets = [p for p in state.actors.mentioned_parties(clause.subtree) if p != agent.actor] or [None]
        event = Event(agent, action, clause, "cue", targets[0], list(clause.subtree), negated=negated)
        event.set_condition(condition)
        events.append(event)
    return events


def _hostile_thing(state: EventState, clause: Token) -> bool:
    """Whether what the clause calls for is a hostile act ("a strike", "sanctions"): a noun of the acts a party
    holds out (the lexicon's `intent_threaten`) as its subject or attribute."""
    return any(c.dep_ in ("nsubj", "attr", "nsubjpass") and state.lexicon.nouns.get(c.lemma_.lower())
               in state.lexicon.intent_threaten for c in clause.children)


def _evaluation(state: EventState, word: Token) -> str | None:
    """The stance an evaluative word or phrase gives: "unacceptable", "out of the question"."""
    whole = syntax.hyphenated(word)   # "non-negotiable", split by the tokenizer
    if word.dep_ != "prep" and whole in state.lexicon.evaluative_cues:
        return state.lexicon.evaluative_cues[whole]
    phrase = " ".join(t.lower_ for t in word.subtree)
    return next((action for cue, action in state.lexicon.evaluative_cues.items()
                 if " " in cue and (phrase == cue or phrase.startswith(cue + " "))), None)


def _opposite(state: EventState, word: Token) -> str | None:
    """The stance of a judgement's negative form, if the lexicon has it: "acceptable" → "unacceptable"."""
    return next((state.lexicon.evaluative_cues[f"{prefix}{word.lower_}"] for prefix in ("un", "in")
                 if f"{prefix}{word.lower_}" in state.lexicon.evaluative_cues), None) if word.dep_ != "prep" else None


def _has_trigger(state: EventState, clause: Token) -> bool:
    """Whether the clause reports an act of a named party itself (then that act is the event)."""
    for token in clause.subtree:
        lemma = triggers.verb_lemma(state, token)
        if token.dep_ == "csubj":
            continue  # "sharing the airspace was out of the question": a topic, not an act
        if lemma and not triggers.descriptive(token) and triggers.verb_action(state, token, lemma):
            agents, passive = participants.subjects(state, token)
            if agents and not passive:
                return True
    return False
