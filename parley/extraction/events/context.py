"""Which found events stand: not a trigger inside another party's demand or denied claim, nor a condition, a
scene-setting clause or the description of a source; protests absorb what they demand."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import participants, syntax, triggers
from .state import Event

if TYPE_CHECKING:
    from .state import EventState

PURPOSE_DEPS = {"advcl", "xcomp", "ccomp", "acl"}     # "rallied to demand", "demonstrated, calling for"
# Talks asked for, offered or refused are not held ("asking to resume the dialogue"); those agreed to are news
# in themselves ("agreed to meet again", read as consult where the verb is found).
UNHELD_BY = {"demand", "propose", "reject", "oppose"}
SAID_AT_MEETINGS = {"propose", "reject", "demand", "agree", "oppose"}   # "met the envoys to propose X": both acts


def drop_embedded(state: EventState, events: list[Event]) -> list[Event]:
    """A trigger inside what another party demands, rejects or threatens is content, not an event of its own."""
    framing = [e for e in events if e.kind in ("verb", "light", "cue") and e.action not in state.lexicon.material]
    kept = []
    said = [e for e in events if e.kind == "cue" and e.trigger.pos_ in syntax.VERBAL]
    acts = [e for e in events if e.kind in ("verb", "light", "cue")]
    for event in events:
        if event.goal_of is not None or event.kind == "role" and any(
                c.dep_ == "dobj" and c.lower_ == "what" for c in event.trigger.children):
            kept.append(event)   # another item of a kept event's goal; "what the union calls X": the teller's aside
            continue
        if any(event is not cue and event.trigger in cue.content and (_obliged(state, event.trigger) or (
                event.trigger.i != cue.trigger.i and event.agent.actor != cue.agent.actor)) for cue in said):
            continue  # "Mubarak said the US must be ready to mediate": Egypt's demand, not a US act
        inside = any(
            other is not event and other.trigger.i != event.trigger.i
            and event.trigger.i in {t.i for c in other.trigger.children if c.dep_ in syntax.CLAUSE_DEPS | {"pcomp"}
                                    for t in c.subtree}
            for other in framing)
        # "dismissed reports that Oslo had agreed to drop the fees": what the denied claim says
        inside = inside or any(
            event.trigger.i in {t.i for c in other.trigger.children if c.dep_ == "dobj"
                                and c.lemma_.lower() in state.lexicon.claim_nouns for t in c.subtree}
            for other in framing if other is not event and other.action in ("deny", "reject"))
        # "accused Eritrea of arming rebels", "criticised Minsk for hosting drills", "warned NATO against sending
        # troops": the act alleged or warned against
        inside = inside or any(
            other.agent.actor != event.agent.actor and event.trigger.i in {
                t.i for c in other.trigger.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "against")
                and any(g.dep_ == "pcomp" for g in c.children) for t in c.subtree}
            for other in framing if other is not event)
        if inside:
            continue
        if event.negated and event.action in state.lexicon.material:
            continue  # "has not released": nothing happened
        if event.action in state.lexicon.material and event.kind == "verb" and background(state, event.trigger):
            continue  # "a day after a jet shot down a helicopter": what set the scene, not the news
        if _hypothetical(state, event.trigger):
            continue  # "... only if Iceland agrees to inspections": a condition, not an act
        if _possible(state, event):
            continue  # "Borealis may reject the bid", "is likely to reject it": what might happen, not an act
        if syntax.in_question(event.trigger):
            continue  # "whether Iran will accept", "Will Iran accept the offer?": no act is told
        if event.action == "consult" and not background(state, event.trigger) and any(
                other.trigger.i != event.trigger.i and (event.trigger in other.content if event.kind == "noun" else
                                                        other.action in UNHELD_BY and _aimed_at(event, other))
                for other in acts):
            continue  # "rejected an invitation to a meeting", "asked to resume the dialogue": no meeting was held
        if _describes_source(state, event.trigger):
            continue  # "a member of the team trying to broker a pact has said": who reports, not what
        kept.append(event)
    ids = {id(e) for e in kept}
    return [e for e in kept if e.goal_of is None or id(e.goal_of) in ids]


def _describes_source(state: EventState, token: Token) -> bool:
    """Whether a word sits in the subject of a verb of saying: the description of who reports."""
    return any(ancestor.dep_ == "nsubj" and ancestor.head.lemma_.lower() in state.lexicon.speech
               for ancestor in token.ancestors)


def background(state: EventState, token: Token) -> bool:
    """Whether a word sits in a clause of time that tells what happened around the news ("after ...")."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ in ("advcl", "prep", "pcomp") and any(
                c.lower_ in syntax.BACKGROUND_MARKERS for c in [*ancestor.children, ancestor] if c.dep_ in ("mark", "prep")):
            return True
    return False


def _hypothetical(state: EventState, token: Token) -> bool:
    """Whether a word sits in an if/unless/until clause ("will not release them until Israel ends the war":
    not yet, and maybe never), or is what a party may some day have to do."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ in ("advcl", "conj") and any(c.dep_ == "mark" and c.lower_ in syntax.HYPOTHETICAL_MARKS
                                            for c in ancestor.children):
            return True
        if syntax.waited_for(ancestor):
            return True
    return syntax.hedged_obligation(token, state.lexicon.hedges)


def _possible(state: EventState, event: Event) -> bool:
    """Whether an act is only said to be possible or likely ("may reject", "could lift", "is likely to reject"),
    with no condition that makes it an offer, not held out as a threat, not refused ("could not accept"), and
    not told by the party itself ("said it could accept X" holds it out)."""
    return event.action != "threaten" and event.condition is None and not event.negated and \
        syntax.possible(event.trigger, state.lexicon.possibility_words) and \
        not _said_of_itself(state, event)


def _aimed_at(event: Event, act: Event) -> bool:
    """Whether an event's verb is what another act aims at ("asking to resume the dialogue"), not a clause of the
    scene around it ("demanded a ceasefire as the delegations met")."""
    node, act = event.trigger, act.trigger
    while node.i != act.i and node.head.i != node.i:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node.dep_ in ("advcl", "parataxis", "relcl") or (node.dep_ == "conj" and not infinitive):
            return False  # "asking for a ceasefire and to resume the dialogue": a goal the parser coordinated
        node = node.head
    return node.i == act.i


def _said_of_itself(state: EventState, event: Event) -> bool:
    """"signalled it could accept X", "said it could": the party telling what it could do holds it out."""
    said = syntax.speech_over(event.trigger, state.lexicon.speech)
    return said is not None and any(agent.actor == event.agent.actor
                                    for agent in participants.subjects(state, said)[0])


def absorb_protest_demands(state: EventState, events: list[Event]) -> list[Event]:
    """"staged demonstrations to demand reforms": the protest is the act, what it demands its goal; other acts
    done while protesting ("rioted, setting fire to their mattresses") are part of the protest."""
    protests = [e for e in events if e.action == "protest"]
    kept = []
    for event in events:
        framing = next((p for p in protests if p is not event and p.agent.actor == event.agent.actor
                        and any(event.trigger in c.subtree for h in {p.trigger, p.trigger.head}
                                for c in h.children if c.dep_ in PURPOSE_DEPS)), None)
        done_to_protest = event.action != "protest" and any(
            p.agent.actor == event.agent.actor and p.trigger.head.i == event.trigger.i and p.trigger.dep_ == "advcl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in p.trigger.children) for p in protests)
        if done_to_protest:
            continue  # "shunned work to protest the settlements": the stay-away is the protest
        goal_of_act = event.action != "protest" and event.trigger.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in event.trigger.children) and any(
            o is not event and o.agent.actor == event.agent.actor and o.trigger.i == event.trigger.head.i
            and not (o.action == "consult" and event.action in SAID_AT_MEETINGS) for o in events)
        if goal_of_act:
            # "opened the bridge to allow deliveries", "suspended their requests to allow talks to continue": what
            # an act is for, done by the act itself (a protest it serves is the act: "shunned work to protest");
            # not what is said at a meeting ("met the negotiators to reject the offer": the rejection is news too)
            continue
        if framing is None:
            kept.append(event)
        elif event.action == "demand" and not framing.purpose:
            framing.purpose, framing.purpose_stance = list(event.trigger.subtree), "for"
    return kept


def _obliged(state: EventState, token: Token) -> bool:
    """Whether a verb is what someone must or should do ("the president must agree"), not what was done."""
    verb = token if token.pos_ in syntax.VERBAL else token.head
    return any(c.dep_ == "aux" and c.lower_ in state.lexicon.modal_cues for c in verb.children)


def told_plans(state: EventState, events: list[Event]) -> list[Event]:
    """"The union said the government was planning to cut its benefits": a hostile act another party tells of as
    planned is that party's accusation, not a threat the planner made (it made none in the news); so is what
    another party wants, told in the teller's own quoted words ("says the railway wants to 'gut the agreement'")."""
    told = []
    for event in events:
        # "was planning to cut": a plan told of (an xcomp of a planning verb), not a mere "would"
        planned = event.action == "threaten" and state.lexicon.verbs.get(event.trigger.lemma_.lower()) in \
            state.lexicon.intent_threaten and event.trigger.dep_ == "xcomp" and \
            event.trigger.head.lemma_.lower() in state.lexicon.intent_markers
        # "the union says the railway wants to 'gut the agreement'": what another wants, in the teller's own words
        wanted = event.action == "demand" and not event.negated and event.trigger.i not in state.quoted and \
            event.trigger.lemma_.lower() in state.lexicon.attitude_verbs and any(
                any(t.i in state.quoted for t in c.subtree) and (triggers.hostile(state, c) or c.lemma_.lower()
                                                                 in state.lexicon.harming_verbs)
                for c in event.trigger.children if c.dep_ == "xcomp")
        teller = participants.reporting_agent(state, event) if event.kind == "verb" and (planned or wanted) else None
        if teller is not None and teller.actor != event.agent.actor:
            event = replace(event, agent=teller, action="accuse", target=event.agent.actor, content=[])
        told.append(event)
    return told


def solicited_hostility(state: EventState, events: list[Event]) -> list[Event]:
    """"called for sanctions against Sudavia": asking others to act against a party disapproves of that party
    (PLOVER DISAPPROVE: "solicit other parties to take actions against the target"); the demand stays. Asking that
    such acts end ("lift its sanctions against X", "an end to the sanctions against X") disapproves of nobody."""
    found = []
    for event in events:
        if event.action != "demand" or event.negated:
            continue
        for word in event.trigger.subtree:
            if word.dep_ != "prep" or word.lower_ != "against" or not (
                    state.lexicon.hostile_thing(word.head) or triggers.hostile(state, word.head)):
                continue
            between = [a for a in word.head.ancestors if a.i != event.trigger.i and event.trigger.i in
                       {b.i for b in a.ancestors}]
            if any(state.lexicon.undoes(a) or a.lemma_.lower() in state.lexicon.ceasing_verbs for a in between):
                continue
            for obj in (o for o in word.children if o.dep_ == "pobj"):
                target = state.actors.resolve(obj, obj.i in state.quoted)
                if target is not None and target.actor != event.agent.actor:
                    found.append(replace(event, action="accuse", target=target.actor, content=[]))
    return events + found
