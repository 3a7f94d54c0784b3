"""Verb events: "Norway demands that ...", light verbs with an action noun ("held talks"), pledges, intents and
threats, roles ("called Oslo an aggressor"), blame ("X is to blame"), and the goal an act serves."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors import Agent
from ..conditions import find_condition
from . import participants, speech, states, syntax, triggers
from .state import Event

if TYPE_CHECKING:
    from .state import EventState

PURPOSE_NOUNS = {"hope", "bid", "effort", "attempt", "order", "push", "drive"}  # "in a bid to ...", "in hopes of ..."
OPEN_MODALS = {"can", "could", "would", "might"}       # "could consider": open to, not yet decided


def verb_events(state: EventState, verb: Token, lemma: str) -> list[Event]:
    if lemma == "blame" and verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
        return _culprit_events(state, verb)
    if lemma in state.lexicon.speech and state.lexicon.verbs.get(lemma) == "demand" and _asserts(state, verb):
        return speech.cue_events(state, verb, lemma)  # "insisted that its troops had made progress": a claim
    if lemma in state.lexicon.copulas:
        events = states.state_events(state, verb) or speech.quoted_cue_events(state, verb)
        if events or lemma == "be":
            return events
    if lemma in state.lexicon.opinion_verbs and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in verb.children):
        opinions = [e for e in speech.cue_events(state, verb, lemma) if e.trigger.lower_ != "should"
                    and any(a.lower_ in state.lexicon.evaluative_cues for a in e.trigger.children)]
        if opinions:  # "agreed that the tariffs were unacceptable": a view, not an agreement
            return opinions
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in state.lexicon.copulas and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in state.lexicon.goal_nouns for c in verb.head.children):
        return []  # "Iran's objective is to reach a permanent agreement": the goal is wanted (a demand), not done
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    passive = patient is not None or any(c.dep_ == "auxpass" for c in verb.children)  # "... and are wanted"
    if passive and lemma in state.lexicon.attitude_verbs:
        return []  # "rebels who are wanted at home": wanted by someone unnamed, no party's stance
    if patient is not None and verb.lower_ in state.lexicon.agentive_cues and \
            not any(c.dep_ == "agent" for c in verb.children):
        # "Israel is opposed to French mediation": a stated stance, not a passive act
        return [Event(agent, state.lexicon.agentive_cues[verb.lower_], verb, "cue", None, list(verb.subtree),
                      negated=syntax.is_negated(verb)) for agent in state.actors.resolve_all(patient)]
    action = triggers.verb_action(state, verb, lemma)
    if action is None and lemma in state.lexicon.ordering_verbs and _orders_another(state, verb):
        action = "demand"  # "the court ordered Israel to halt the offensive" (PLOVER: "all demands and orders")
    if lemma in state.lexicon.commitment_verbs:
        pledged = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        pledged_lemma = triggers.verb_lemma(state, pledged) if pledged is not None else None
        pledged_action = triggers.verb_action(state, pledged, pledged_lemma) if pledged_lemma else None
        hostile = pledged_action in state.lexicon.intent_threaten | {"assault", "threaten"} or \
            pledged_lemma in state.lexicon.blocking_verbs  # "vowed to veto it"
        refusal = pledged is not None and syntax.is_negated(pledged)
        # "vowed to fight the cuts", "vowed to resist any increase": a vow of opposing opposes
        opposing = pledged_action == "oppose" or pledged_lemma in state.lexicon.contesting_verbs and any(
            c.dep_ == "dobj" for c in pledged.children)   # not "fight for X"
        action = "threaten" if hostile else "reject" if refusal else "oppose" if opposing else "agree"
    kind = "verb"
    content_root = verb
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    obj_lemma = obj.lemma_.lower() if obj is not None else None
    if action in ("reject", "deny") and obj_lemma in state.lexicon.claim_nouns:
        action = "deny"  # "rejected media reports that ...": a denial
    elif (action in ("aid", "propose") or lemma in state.lexicon.object_actions["aid"]["verbs"]) and \
            obj_lemma in state.lexicon.speech_objects:
        action = "consult"  # "provided remarks on the draft": taking part in talks, not giving aid
    elif action in state.lexicon.material and obj_lemma in state.lexicon.statement_nouns | state.lexicon.claim_nouns:
        action = None  # "released a statement", "issued a report": words put out, not an act
    elif lemma in state.lexicon.preparing_verbs and obj is not None and any(
            o.lemma_.lower() in state.lexicon.hostile_nouns for o in syntax.with_of_objects(obj)):
        action = "threaten"  # "plan countermeasures", "is studying a new set of sanctions": a hostile act held out
    elif action is None and lemma in state.lexicon.gathering_verbs and obj is None:
        action = "consult"  # "agreed to gather again at 1pm"
    if obj is not None and lemma in state.lexicon.answers and state.lexicon.nouns.get(obj.lemma_.lower()) and \
            state.lexicon.nouns[obj.lemma_.lower()] not in state.lexicon.material and \
            obj_lemma not in state.lexicon.claim_nouns:  # "granted a loan" gives aid; "dismissed the accusations" denies
        answered = state.lexicon.nouns[obj.lemma_.lower()]
        action = (state.lexicon.answers_to_demand.get(lemma) if answered == "demand" else None) or \
            state.lexicon.answers[lemma]
    elif obj is not None and lemma in state.lexicon.light_verbs and not state.lexicon.undoes(verb) and \
            not syntax.steps_back(verb, state.lexicon.retreat_phrases):
        # not "put its plans on hold", "gave up its objection": a light verb that sets its object aside does no act
        noun_action = next(("assault" if triggers.armed_strike(state, o) else state.lexicon.nouns[o.lemma_.lower()]
                            for o in [obj, *obj.conjuncts]
                            if o.lemma_.lower() in state.lexicon.nouns and not syntax.mass_noun(o)),
                           None)  # "artillery and rocket fire"
        if noun_action is None and obj.lemma_.lower() in state.lexicon.carrier_nouns:
            # "a mediation effort", "a wave of airstrikes": the carrier's modifier or its "of" object
            carried = [c for c in obj.children if c.dep_ in ("compound", "amod")] + [
                o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                if o.dep_ == "pobj"]
            noun_action = next(("assault" if triggers.armed_strike(state, c) else state.lexicon.nouns[c.lemma_.lower()]
                                for c in carried if c.lemma_.lower() in state.lexicon.nouns), None)
        if lemma in state.lexicon.deal_verbs and obj.lemma_.lower() in state.lexicon.deal_nouns:
            noun_action = "agree"
        if noun_action == "demand" and syntax.phone_call(obj):
            noun_action = "consult"  # "held a phone call with Kyiv": talks, not a call for something"
        phrased = (lemma, obj.lower_) in state.lexicon.phrasal or (lemma, obj.lemma_.lower()) in state.lexicon.phrasal
        if noun_action and action != "cooperate" and not phrased:  # "held joint drills" stays cooperation;
            action, kind = noun_action, "light"                      # "lodged a protest" is its own phrase
    agreed_to = next((c for c in verb.children if c.dep_ == "xcomp"), None) if action == "agree" else None
    if agreed_to is not None and triggers.verb_lemma(state, agreed_to) and \
            triggers.verb_action(state, agreed_to, triggers.verb_lemma(state, agreed_to)) == "consult":
        action = "consult"  # "agreed to meet again": the meeting is the news
    if action is None and lemma in state.lexicon.openness_verbs and any(
            c.dep_ == "aux" and c.lower_ in OPEN_MODALS for c in verb.children):
        action = "yield"  # "we could consider X if Y", "would entertain a compromise": open to it
    if action is None and lemma in state.lexicon.role_verbs:
        action, kind = _role_action(state, verb), "role"
    if action is None:
        return speech.cue_events(state, verb, lemma) if lemma in state.lexicon.speech else []
    if action == "threaten" and triggers.warns_of_peril(state, verb):
        return []  # "agencies warned of famine": a caution, not a threat
    if action == "reject" and any(c.dep_ == "xcomp" and c.lemma_.lower() in state.lexicon.withheld_words
                                  for c in verb.children):
        return []  # "declined to comment": nothing turned down
    agents, by_speaker = participants.subjects(state, verb)
    if by_speaker and action in state.lexicon.material and not any(c.dep_ == "agent" for c in verb.children):
        return []  # "Beirut said 20 people were killed": who reports a deed with no doer named did not do it
    if not agents:
        return []
    asked = verb.dep_ == "xcomp" or verb.dep_ == "advcl" and any(  # "urged Macron on Thursday to 'finalise'"
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    head_lemma = triggers.verb_lemma(state, verb.head) if asked else None
    if head_lemma and triggers.verb_action(state, verb.head, head_lemma) == "demand" and \
            any(c.dep_ == "dobj" for c in verb.head.children):
        return []  # "asked the authorities to approve its plan": asked for, not done
    infinitive = ("xcomp", "advcl")
    wanted = verb.head.head if verb.dep_ == "conj" and verb.head.dep_ in infinitive else verb.head
    if (verb.dep_ in infinitive or verb.dep_ == "conj" and verb.head.dep_ in infinitive) and \
            wanted.lemma_.lower() in state.lexicon.attitude_verbs and \
            state.lexicon.stance.get(triggers.verb_action(state, verb, lemma) or "") is None:
        return []  # "needed to study it and consult": meant, not done
    if _alleged(state, verb):
        return []  # "accused the rebels of violating the truce": the deed is the charge, not an event told
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in state.lexicon.failure_verbs or \
            verb.dep_ == "pcomp" and verb.head.lower_ in ("without", "instead") or syntax.unable(verb) or \
            _pushed_into(verb):
        return []  # "failed to reach a deal", "ended without agreeing", "would never be able to reach agreement":
        # nothing was done, nor refused
    ceased = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in state.lexicon.ceasing_verbs and not any(
        c.dep_ == "prt" and c.lower_ == "up" for c in verb.head.children)  # "ended up attacking": it was done
    negated = syntax.clause_negated(verb) or any(syntax.is_negated(h) for h in [verb.head]
                                                 if verb.dep_ == "xcomp" and not ceased)
    if ceased and not syntax.is_negated(verb.head):
        return []  # "stopped attacking the town": the act ended
    held_out = ceased and action in state.lexicon.intent_threaten and _intended(state, verb.head)
    if held_out:
        action = "threaten"  # "will not stop attacking until the troops leave": the attacks held out
    phrases = {lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt")}
    if negated and phrases & state.lexicon.open_when_negated:
        # "did not rule out more work requirements": open to them; "did not rule out strikes": a hostile act held out
        action, negated = "threaten" if state.lexicon.hostile_thing(obj) else "yield", False
    if action == "protest" and any(c.dep_ == "ccomp" for c in verb.children):
        action = "accuse"  # "a rights group protested that the authorities ...": a complaint, in words
    hedged = syntax.hedged(verb, state.lexicon.hedges)
    content = participants.content_of(state, content_root)
    if kind == "role" and (action == "support" or any(r.lower_ in state.lexicon.negative_qualities
                                                      for r in _roles(state, verb))):
        # "called the rebate unjustified": a judgement of X, no stance on an issue that may be X undone;
        # "described the meeting as important": a good word for the talks, no stance on what they are about
        content = []
    clause = next((c for c in verb.children if c.dep_ in syntax.CLAUSE_DEPS), None)
    offer_by = participants.owner_of(state, obj) if obj is not None and \
        state.lexicon.nouns.get(obj.lemma_.lower()) == "propose" \
        and state.lexicon.stance.get(action) == "against" else None
    condition = find_condition([verb, clause], state.lexicon)
    if held_out:
        # what is refused is the stop ("stop attacking": a ceasefire), and only until the condition is met
        content = [verb.head, *content]
        condition = condition or find_condition([verb.head], state.lexicon)
    if condition and action in ("agree", "yield") and any(c.lower_ == "only" for c in verb.children):
        action = "demand"  # "will only accept a deal if Russia withdraws": the condition is what it demands
    purpose = _purpose(state, verb)
    if _intended(state, verb) and not negated:
        hedged = False  # "would allow" states an intent; the intent is the action below
        ultimatum = condition is not None and condition[0].lower().startswith("unless")
        legal = action == "accuse" and any(c.dep_ == "prep" and triggers.state_phrase(state, c) == "accuse"
                                           for c in verb.children)
        if action in state.lexicon.intent_threaten or (action not in state.lexicon.stance and ultimatum) or (
                legal and condition is not None and condition[0].lower().startswith("if")):
            # "will take the dispute to court if the dam is filled": legal action held out is a threat too (not
            # "would blame Iceland if the talks failed")
            # "will withdraw its peacekeepers unless ...": an act held out until a demand is met
            action = "threaten"
        elif action == "consult" and passive and not any(c.dep_ == "agent" for c in verb.children):
            action = "propose"  # "unions will be consulted before any changes": talks offered to the other side
        elif action in state.lexicon.intent_agree and not (action == "consult" and (
                _scheduled(state, verb) or lemma == "continue")):  # "we will continue the dialogue": talks going on
            action = "agree"
    elif hedged and not negated and action in state.lexicon.intent_threaten:
        action = "threaten"  # "may halt its mediation if ...": a hostile act held out is a threat
    elif negated and action in state.lexicon.intent_agree | {"retreat"} and _intended(state, verb) and \
            not any(c.lower_ == "yet" for c in verb.children):
        action, negated = "reject", False  # "will not release the hostages until ...": a refusal (CAMEO 124)
    if state.lexicon.verbs.get(lemma) == "assault" and _own_harm(state, verb):
        return []  # "we will completely destroy our agriculture": a harm the party warns it would suffer
    if _thing_aimed(state, verb) and state.lexicon.stance.get(action) == "for":
        action = "propose"  # "its offer is aimed to ease scheduling concerns": what the offer would do, proposed
    events = []
    for agent in agents:
        targets = participants.targets(state, verb, agent.actor) or \
            participants.each_other(state, verb, agent, action) or [None]
        for target in targets:
            event = Event(agent, action, verb, kind, target, content, negated=negated, hedged=hedged,
                          content_negated=clause is not None and syntax.clause_negated(clause),
                          turns_down_offer=offer_by is not None and offer_by.actor != agent.actor)
            event.set_condition(condition)
            event.exit_threat = held_out and condition is not None   # a stop only on its terms ("until ...")
            if purpose:
                goal, event.purpose_stance = purpose
                event.purpose = [t for t in goal.subtree if t.i != goal.i]
                if action == "yield" and event.condition is None:  # a concession made in hopes of a deal
                    event.condition = " ".join(t.text for t in goal.subtree if t.dep_ != "aux" or t.i > goal.i)
            events.append(event)
    if action == "consult" and not negated and (lemma in state.lexicon.meeting_verbs or any(
            c.dep_ == "dobj" and (state.lexicon.nouns.get(c.lemma_.lower()) == "consult" or syntax.phone_call(c))
            for c in verb.children)):
        # "held talks with Israel", "met Zambia": the partner takes part in the talks too (not a host visited, nor
        # a party only named as an owner: "discussed Zambia's debt"), as hedged as the talks
        partners = _partners(state, verb)
        events += [replace(e, agent=Agent(e.target), target=e.agent.actor, purpose=[]) for e in list(events)
                   if e.target in partners and e.target != e.agent.actor]
    if action == "agree" and not negated and _agreed_talks(state, verb):
        # "have agreed to begin talks on ending subsidies": the talks agreed on are the parties' talks too
        events += [replace(e, action="consult") for e in events]
    if action in ("oppose", "reject") and not negated and _intended(state, verb) and _ultimatum(condition):
        # "will vote against the bill unless the changes are agreed", "if we don't get X, we will reject it": the
        # opposition is held out until a demand is met, a threat as well (PLOVER THREATEN, "ultimatum")
        events += [replace(e, action="threaten") for e in events]
    if action == "propose" and not negated and _improves_offer(state, lemma, obj):
        # "upped its wage offer", "sweetened the bid": a better offer gives ground too (CAMEO, the annotators)
        events += [replace(e, action="yield") for e in events]
    return events


def _partners(state: EventState, verb: Token) -> set[str]:
    """The parties a meeting verb meets: its object ("met Zambia", "met the Zambian minister") and what "with" or
    "between" brings in, on the verb or on its object ("held talks with Zambia"); a party named only as the owner of
    the object ("met Zambia's deadline") is none."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    phrases = [p for head in [verb, *objects] for p in head.children if p.dep_ == "prep"
               and p.lower_ in ("with", "between")]
    met = [*objects, *(o for p in phrases for o in p.children if o.dep_ == "pobj")]
    return {a.actor for o in met if not _owned(state, o) for a in state.actors.resolve_all(o)}


def _owned(state: EventState, noun: Token) -> bool:
    """Whether a noun is a thing a named possessor owns ("Zambia's debt"), not a person or body that stands for it
    ("Zambia's president", "their Chinese counterparts")."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children) and not (
        state.actors.finder.is_title(noun) or state.actors.finder.is_group(noun))


ASSERTING_AUX = {"will", "'ll", "would", "'d", "has", "have", "'ve", "had", "is", "'s", "are", "'re", "was", "were",
                 "am", "'m", "do", "does", "did", "can", "could"}


def _asserts(state: EventState, verb: Token) -> bool:
    """A verb that both demands and tells ("insist") with a that-clause stating a fact or an intent ("insisted that
    its troops had made progress", "insists it will not bow to demands"): it tells, as "said" does; a clause of
    what should be ("insisted that they cut spending", "that the work be done", "that X must go") or "insist on X"
    stays a demand."""
    if any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in verb.children):
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in syntax.VERBAL):
        auxes = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if any(a in state.lexicon.modal_cues for a in auxes) or clause.lemma_.lower() in ("have", "need") and any(
                c.dep_ == "xcomp" for c in clause.children):
            return False  # "insisted that Moscow must withdraw", "has to go"
        if clause.tag_ in ("VBD", "VBZ") or any(a in ASSERTING_AUX for a in auxes) or \
                clause.lemma_ == "be" and clause.lower_ != "be":
            return True
    return False


def _ultimatum(condition: tuple[str, list[Token]] | None) -> bool:
    """A condition that names what must happen to avert the act: "unless X", "if X does not happen"."""
    if condition is None:
        return False
    text, tokens = condition
    first = text.lower()
    return first.startswith("unless") or first.startswith("if") and any(t.dep_ == "neg" for t in tokens)


def _alleged(state: EventState, verb: Token) -> bool:
    """"accused Eritrea of arming rebels", "blamed Kyiv for shelling the plant": a deed an accusation charges a party
    with is the accusation's content; PLOVER codes the accusation, not the deed."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("of", "for"):
        return False
    charge = verb.head.head
    lemma = triggers.verb_lemma(state, charge) if charge.pos_ in syntax.VERBAL else None
    return lemma is not None and triggers.verb_action(state, charge, lemma) in ("accuse", "criticize")


def _agreed_talks(state: EventState, verb: Token) -> bool:
    """"agreed to begin (hold, resume) talks": a light verb under "agree" whose object is talks."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in state.lexicon.light_verbs and any(
        o.dep_ == "dobj" and state.lexicon.nouns.get(o.lemma_.lower()) == "consult" for o in c.children)
        for c in verb.children)


def _improves_offer(state: EventState, lemma: str, obj: Token | None) -> bool:
    """A verb that alone proposes nothing, with an offer for object, proposing ("improve offer", "up bid"): the
    party makes its own offer better."""
    return obj is not None and lemma not in state.lexicon.verbs and any(
        state.lexicon.phrasal.get((lemma, word)) == "propose" for word in (obj.lower_, obj.lemma_.lower()))


def _purpose(state: EventState, verb: Token) -> tuple[Token, str] | None:
    """"suspended its tariffs in hopes of reaching a deal", "cut its quota to salvage the agreement": the goal
    an act serves, and the stance it shows on that goal (for what it would reach or save, against what it
    would block)."""
    goals_of_object = [c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "acl"
                       and c.lemma_.lower() in state.lexicon.deal_verbs | state.lexicon.purpose_verbs]
    for child in [*verb.children, *goals_of_object]:
        goal = None
        if child.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            goal = child
        elif child.dep_ == "prep" and child.lower_ == "in":
            aim = next((o for o in child.children if o.dep_ == "pobj" and o.lemma_.lower() in PURPOSE_NOUNS), None)
            goal = next((g for c in (aim.children if aim is not None else []) for g in [c, *c.children]
                         if g.pos_ == "VERB" and g.dep_ in ("acl", "pcomp")), None)
        if goal is None:
            continue
        lemma = goal.lemma_.lower()
        action = triggers.verb_action(state, goal, lemma)
        stance = "for" if lemma in state.lexicon.deal_verbs | state.lexicon.purpose_verbs else \
            state.lexicon.stance.get(action) if action else None
        if stance:
            return goal, stance
    return None


OWN = {"we": {"our", "ours"}, "i": {"my", "mine"}, "they": {"their"}, "it": {"its"}, "you": {"your"}}


def _own_harm(state: EventState, verb: Token) -> bool:
    """A violent verb whose object is the subject's own ("we will destroy our agriculture", "they would hurt
    their own workers"): a harm suffered, no act against another (a measure a party takes with its own means,
    "tighten its blockade", "pull its troops out", stays a threat, and so does "destroy our enemies")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    owned = OWN.get(subject.lower_, set()) if subject is not None else set()
    return bool(owned) and any(p.dep_ == "poss" and p.lower_ in owned for o in verb.children if o.dep_ == "dobj"
                               and o.lemma_.lower() not in state.lexicon.negative_roles for p in o.children)


def _thing_aimed(state: EventState, verb: Token) -> bool:
    """"its offer is aimed to ease scheduling concerns", "the plan is designed to cut costs": what a thing is meant
    to do, told of the thing (a passive whose subject is an offer, a plan or a deal): proposed, not done."""
    governor = verb.head
    subject = next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
    thing = subject is not None and (state.lexicon.nouns.get(subject.lemma_.lower())
                                     or subject.lemma_.lower() in state.lexicon.deal_nouns)
    return verb.dep_ == "xcomp" and thing and governor.lemma_.lower() in state.lexicon.aiming_verbs \
        and not any(c.dep_ == "agent" for c in governor.children)


def _pushed_into(verb: Token) -> bool:
    """"to fool our members into abandoning the strike": what another party means to push a party into is that
    party's aim, not yet the party's act ("pressured Oslo into signing" tells that Oslo signed)."""
    governor = verb.head.head
    meant = any(c.dep_ == "aux" and c.lower_ == "to" for c in governor.children)   # "to fool", not "talked"
    return verb.dep_ == "pcomp" and verb.head.lower_ == "into" and governor.pos_ in syntax.VERBAL and any(
        c.dep_ == "dobj" for c in governor.children) and meant


def _intended(state: EventState, verb: Token) -> bool:
    """An act announced or planned rather than done: "will provide", "would boycott", "plans to impose"."""
    if any(c.dep_ == "aux" and c.lower_ in state.lexicon.intent_markers for c in verb.children):
        return True
    if verb.dep_ == "advcl" and verb.head.pos_ in syntax.VERBAL and verb.head.i != verb.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return _intended(state, verb.head)  # "will visit Dakar to mediate": the purpose of a plan is planned too
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in state.lexicon.intent_markers


def _scheduled(state: EventState, verb: Token) -> bool:
    """"expected to meet", "due to hold talks": an act on the calendar, told as it will happen."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in state.lexicon.scheduled_markers


def _role_action(state: EventState, verb: Token) -> str | None:
    """"framed the alliance as a threat", "called Oslo an aggressor", "called the rebate unjustified": casting a
    party or its doing as a danger or a wrong criticises it; as a success or a partner supports it."""
    roles = _roles(state, verb)

    def cast(nouns: frozenset[str], qualities: frozenset[str]) -> bool:
        return any(r.lemma_.lower() in nouns or syntax.with_compound(r) in nouns or r.lower_ in qualities
                   for r in roles)

    if cast(state.lexicon.negative_roles, state.lexicon.negative_qualities):
        return "criticize"
    if any(r.lemma_.lower() in state.lexicon.goal_nouns and not syntax.mass_noun(r) for r in roles):
        return "demand"  # "called inspections a precondition for any deal", "sees the quota as its priority"
    if cast(state.lexicon.positive_roles, state.lexicon.positive_qualities) and _supportable(state, verb):
        return "support"  # "described the meeting as important", "called the offer a breakthrough"
    if any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children) and any(
            t.tag_ == "``" for r in roles for t in r.subtree) and any(
            t.lower_ in state.lexicon.negative_qualities for r in roles for t in r.subtree) \
            and _labels_anothers(state, verb):
        return "criticize"  # "proposed what the union calls a 'forced relocation scheme'": the teller's own
        # label, in quotation marks and pejorative ("what Oslo calls a 'fair quota'" is no criticism)
    return None


def _labels_anothers(state: EventState, verb: Token) -> bool:
    """"X proposed what the union calls ...": the one naming is not the one whose deed it names (a party quoting
    its own label for its own plan criticises nothing)."""
    tellers = {a.actor for a in participants.subjects(state, verb)[0]}
    doers = {a.actor for a in participants.subjects(state, verb.head)[0]} if verb.head.i != verb.i else set()
    return bool(tellers) and not tellers & doers


def _supportable(state: EventState, verb: Token) -> bool:
    """Whether what a verb of naming casts in a good light is a meeting, a deal, an offer or a party, which a good
    word supports ("described the talks as constructive", "called Oslo a partner"); a good word for anything else
    ("described the threat as significant") takes no side."""
    things = [o for c in verb.children if c.dep_ == "dobj" for o in [c, *c.conjuncts]]
    return any(state.lexicon.nouns.get(t.lemma_.lower()) in ("consult", "propose", "agree")
               or t.lemma_.lower() in state.lexicon.deal_nouns
               or _names_party(state, t) for t in things)


def _names_party(state: EventState, token: Token) -> bool:
    """Whether a noun stands for a party itself ("Oslo", "them", "Norwegian officials"), not for a thing of one
    ("the Norwegian threat")."""
    finder = state.actors.finder
    return (token.pos_ == "PRON" or token.i in state.actors.index or finder.is_title(token)
            or finder.is_group(token)) and any(a.actor for a in state.actors.resolve_all(token))


def _roles(state: EventState, verb: Token) -> list[Token]:
    """What a verb of naming casts its object as: "as a threat", "an aggressor", "unjustified"."""
    roles = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            roles += [o for o in child.children if o.dep_ in ("pobj", "pcomp", "amod", "acomp")]
        elif child.dep_ in ("oprd", "attr", "xcomp"):
            roles.append(child)
    return roles


def _culprit_events(state: EventState, verb: Token) -> list[Event]:
    """"X is to blame for Y": X is blamed, by whoever says so ("the Kremlin's narrative that X is to blame")."""
    copula = verb.head
    blamed = [c for c in copula.children if c.dep_ == "nsubj"]
    agents = participants.speaker_of(state, copula)
    if not agents and copula.dep_ in ("acl", "ccomp") and copula.head.pos_ == "NOUN":
        claim = copula.head
        owner = participants.owner_of(state, claim)
        agents = [owner] if owner else \
            participants.subjects(state, claim.head)[0] if claim.head.pos_ in syntax.VERBAL else []
    events = []
    for agent in agents:
        targets = [p for b in blamed for p in state.actors.mentioned_parties(b.subtree) if p != agent.actor]
        events.append(Event(agent, "accuse", verb, "verb", (targets or [None])[0], list(verb.subtree)))
    return events


def _orders_another(state: EventState, verb: Token) -> bool:
    """"ordered Israel to halt the offensive": an order to another party to act is a demand; "ordered its troops
    to attack" is the party's own act, done by its forces."""
    ordered = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if ordered is None or not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    other = state.actors.resolve(ordered, ordered.i in state.quoted)
    agents = participants.subjects(state, verb)[0]
    return other is not None and bool(agents) and all(a.actor != other.actor for a in agents)
