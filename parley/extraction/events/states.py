"""Stated stances: "Reykjavik is ready to sign", "the dockers are on strike", "Iran's objective is a permanent
deal", "the sticking point for Athens is the pension age"."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors import Agent
from ..conditions import find_condition
from . import participants, syntax, triggers
from .state import Event

if TYPE_CHECKING:
    from .state import EventState



def state_events(state: EventState, copula: Token) -> list[Event]:
    """"Reykjavik is ready to sign", "Israel is opposed to French mediation": the subject's stance, stated;
    "Iran's objective is a permanent deal": what a party wants."""
    events = _goal_events(state, copula)
    for child in copula.children:  # "troops remained on alert", "the dockers are on strike"
        stated = triggers.state_phrase(state, child) if child.dep_ == "prep" else None
        if stated:
            events += [Event(agent, stated, child, "verb", None, list(child.subtree),
                             negated=syntax.is_negated(copula))   # "will not be in attendance"
                       for agent in participants.subjects(state, copula)[0]]
    return events + _stated_dispositions(state, copula, [c for c in copula.children if c.dep_ == "acomp"])


def adjective_events(state: EventState, adjective: Token) -> list[Event]:
    """"the UK was prepared to veto any bid" parsed with "was" as the adjective's auxiliary: the adjective heads
    its own clause, and is both the copula and the stated disposition."""
    if adjective.lower_ not in state.lexicon.agentive_cues or not any(
            c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in adjective.children):
        return []
    # its subject, even hung as a passive one, holds the disposition ("Iceland said Norway was prepared to veto")
    heads = [adjective, *(c for c in adjective.children if c.dep_ in ("aux", "auxpass"))]
    subject = next((c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    return _stated_dispositions(state, adjective, [adjective],
                                state.actors.resolve_all(subject, adjective.i in state.quoted))


def _stated_dispositions(state: EventState, copula: Token, cues: list[Token],
                         holders: list[Agent] | None = None) -> list[Event]:
    """The stance each agentive cue states for the copula's subject (or the `holders` given)."""
    events = []
    for child in cues:
        if child.lower_ not in state.lexicon.agentive_cues:
            continue
        agents = holders if holders is not None else participants.subjects(state, copula)[0]
        # "ready to react, and that includes countermeasures if required": what "that" spells out is the stance
        spelled = [c for c in copula.children if c.dep_ == "conj" and any(
            s.dep_ == "nsubj" and s.lower_ in ("that", "this") for s in c.children)]
        action = state.lexicon.agentive_cues[child.lower_]
        # "unwilling to move away from its demands": the demand kept, on what it demands
        kept = triggers.held_firm(state, child) if state.lexicon.stance.get(action) == "against" else None
        if kept is not None:
            action = state.lexicon.nouns[kept.lemma_.lower()]
        own_act = next((v for p in child.children if p.dep_ == "prep" for v in p.children
                        if v.dep_ == "pcomp" and v.tag_ == "VBG"), None)
        offered = next((o for p in child.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                        and o.lemma_.lower() in state.lexicon.settlement_nouns), None)
        if action == "yield" and (own_act is not None or offered is not None):
            action = "propose"  # "open to sending troops", "open to a diplomatic solution": an offer
        if action == "agree" and triggers.readied_hostility(state, child):
            action = "threaten"  # "ready to impose tariffs", "prepared to strike": a hostile act held out
        elif action in ("agree", "yield") and triggers.readied(state, child) in ("consult", "propose"):
            action = "propose"  # "willing to resume talks", "ready to offer a halt": intent to negotiate
        for agent in agents:
            targets = [p for p in state.actors.mentioned_parties(child.subtree) if p != agent.actor] or [None]
            # "remained entrenched on its position over X": what the stance is on may hang on the copula
            content = list(kept.subtree) if kept is not None else list(child.subtree) + [
                t for c in spelled for t in c.subtree] + [
                t for c in copula.children if c.dep_ == "prep" and c.lower_ in ("on", "about", "over")
                for t in c.subtree]
            event = Event(agent, action, child, "cue", targets[0],
                          content, negated=syntax.is_negated(copula))
            event.set_condition(find_condition([copula, child, *spelled], state.lexicon))
            events.append(event)
            if action == "threaten":  # "prepared to strike ... to get the wages": the threat wants what it is for
                for n, (head, words) in enumerate(_threat_goals(state, child)):
                    wanting = event if n == 0 else Event(agent, action, head, "cue", event.target, [],
                                                         negated=event.negated, goal_of=event)
                    wanting.purpose, wanting.purpose_stance = words, "for"
                    events.extend([wanting] if n else [])
    return events


def _threat_goals(state: EventState, cue: Token) -> list[tuple[Token, list[Token]]]:
    """What a hostile act held out is for ("ready to strike ... to get the wages and protections"): the first
    infinitive after the hostile act that names no act itself, one (head, words) per item it lists."""
    acts = triggers.readied_acts(cue)
    first = next((n for n, verb in enumerate(acts) if triggers.hostile(state, verb)), len(acts))
    goal = next((v for v in acts[first + 1:] if v.dep_ == "advcl" and not triggers.has_action(state, v)), None)
    if goal is None:
        return []
    for thing in (c for c in goal.children if c.dep_ == "dobj"):
        items = [c for c in thing.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if items:
            others = {t.i for item in items for t in item.subtree}
            return [(thing, [t for t in thing.subtree if t.i not in others])] + [
                (item, list(item.subtree)) for item in items]
    return [(goal, [t for t in goal.subtree if t.i != goal.i])]


def _goal_events(state: EventState, copula: Token) -> list[Event]:
    subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    other = [c for c in copula.children if c.dep_ in ("attr", "xcomp", "acomp", "prep")]
    if subject is None or not other:
        return []
    sides = [(subject, other)] + [(o, [subject]) for o in other]
    for side, rest in sides:
        goal = side if side.dep_ != "prep" else next((c for c in side.children if c.dep_ == "pobj"), side)
        for _ in range(3):  # "among the items", "one of the aims": down to the noun, a few steps at most
            if goal.dep_ != "prep" and goal.lemma_.lower() not in ("among", "one", "top"):
                break
            inner = next((c for c in goal.subtree if c.dep_ == "pobj" and c.i > goal.i), None)
            if inner is None:
                break
            goal = inner
        goals = [goal, *[t for t in goal.subtree if t.dep_ == "pobj" and t.head.lower_ == "on"]]
        found = next((g for g in goals if g.lemma_.lower() in state.lexicon.goal_nouns and not syntax.mass_noun(g)), None)
        action = "demand"
        if found is None:  # "the sticking point for Athens is the pension age": what a party will not accept
            found, action = next((g for g in goals if _obstacle(state, g)), None), "reject"
        if found is None:
            continue
        owner = participants.owner_of(state, found) or next((a for c in found.children
                                                             if c.dep_ == "prep" and c.lower_ == "for"
                                           for o in c.children if o.dep_ == "pobj"
                                           for a in [state.actors.resolve(o)] if a), None)
        poss = next((c for c in found.children if c.dep_ == "poss"), None)
        if owner is None and poss is not None:
            owner = state.actors.resolve(poss, poss.i in state.quoted)
        agents = [owner] if owner else participants.speaker_of(state, copula)
        hinging = _what_hinges(state, found)
        content = [t for r in rest for t in r.subtree if t not in hinging]
        events = [Event(agent, action, found, "cue", None, content, negated=syntax.is_negated(copula))
                  for agent in agents]
        for event in events if hinging else []:
            event.purpose, event.purpose_stance = hinging, "conditional"
            event.purpose_condition = " ".join(t.text for t in content).strip(" ,.")
        return events
    return []


def _what_hinges(state: EventState, noun: Token) -> list[Token]:
    """"a prerequisite for any further dialogue", "a precondition for reopening the ports": what the party accepts
    only on the condition named (not a party: "a condition for Kyiv" names whose condition it is)."""
    if noun.lemma_.lower() not in state.lexicon.condition_nouns:
        return []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (o for o in prep.children if o.dep_ in ("pobj", "pcomp")):
            if state.actors.resolve(obj) is None:
                return list(prep.subtree)
    return []


def _obstacle(state: EventState, noun: Token) -> bool:
    """"sticking point", "stumbling block": a noun (with its modifiers) naming what blocks agreement."""
    words = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod")] + [noun.lemma_.lower()]
    return any(" ".join(words[-len(p.split()):]) == p for p in state.lexicon.obstacle_nouns)
