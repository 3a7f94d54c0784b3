"""Who acts and on whom: a trigger's subjects (and the subject it inherits), the owner of an action noun, its
targets, the reporter of reported speech, and the words a statement is about."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors import Agent
from . import syntax, triggers
from .state import Event

if TYPE_CHECKING:
    from .state import EventState

RECIPROCAL_ACTIONS = {"consult", "agree", "cooperate"}  # acts two sides do with each other
OWNER_PREPS = {"from", "by", "of"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
INVERTED_SUBJECT_DEPS = {"dobj", "acomp", "attr", "npadvmod"}   # how the parser hangs a subject after its verb


def subjects(state: EventState, verb: Token, depth: int = 0) -> tuple[list[Agent], bool]:
    """(agents, passive): the verb's subject, its by-agent in the passive, or the subject it inherits."""
    quoted = verb.i in state.quoted
    # the subject may hang off an auxiliary ("Vatne did, however, offer")
    # ... or off a passive auxiliary the parser gave an adjective ("the UK was prepared to veto"), when no by-agent
    # names the doer ("this argument was rejected by Blair")
    passive_aux = () if any(c.dep_ == "agent" for c in verb.children) else ("auxpass",)
    heads = [verb, *(c for c in verb.children if c.dep_ in ("aux", *passive_aux))]
    for child in (c for head in heads for c in head.children):
        if child.dep_ == "nsubj" or child.dep_ == "csubj":
            return state.actors.resolve_all(child, quoted), False
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return state.actors.resolve_all(obj, quoted), True
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return speaker_of(state, verb), True
    if _inverted_saying(state, verb) and \
            (inverted := next((c for c in verb.children if c.dep_ in INVERTED_SUBJECT_DEPS and c.i > verb.i),
                              None)) is not None:
        # "... could strike, warn union leaders"; "... regret this decision," warned Sudavia's secretary-general (the
        # hyphenated title read as an adjective: its owner speaks)
        for phrase in [inverted, *(c for c in inverted.children if c.dep_ == "poss" or c.dep_ == "compound" and any(
                g.dep_ == "poss" for g in c.children))]:
            if agents := state.actors.resolve_all(phrase, quoted):
                return agents, False
        return [], False
    if verb.dep_ == "conj" and (patient := next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)):
        # "was indicted by the court and will resign": the one indicted resigns
        return state.actors.resolve_all(patient, quoted), False
    governor = verb.head.head if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" else verb.head
    if verb.dep_ in ("xcomp", "pcomp") and governor.pos_ in syntax.VERBAL and \
            (ordered := next((c for c in governor.children if c.dep_ == "dobj"), None)) is not None \
            and state.actors.resolve(ordered, quoted):
        # "ordered its army to launch", "accused Eritrea of arming rebels": the object acts
        acting = state.actors.resolve_all(ordered, quoted)
        if verb.dep_ == "pcomp" and governor.lemma_.lower() in state.lexicon.joining_verbs and not (
                syntax.is_negated(governor) or syntax.hedged(governor, state.lexicon.hedges)):
            joined, _ = subjects(state, governor, depth + 1)   # "joined Iceland in calling for X": both call
            acting = [*joined, *(a for a in acting if all(a.actor != j.actor for j in joined))]
        return acting, False
    if verb.dep_ == "pcomp" and governor.pos_ not in syntax.VERBAL:
        return [], False  # "open to hosting talks": a disposition, not an act
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and \
            verb.head.lemma_.lower() in state.lexicon.statement_nouns:
        # "issued a declaration demanding ...": the declaration's author demands
        return subjects(state, verb.head.head, depth + 1)
    if depth < 3 and (reported := syntax.reported_conjunct(verb, state.lexicon.speech)) is not None:
        return subjects(state, reported, depth + 1)
    if verb.dep_ == "xcomp" and governor.lemma_.lower() in state.lexicon.raising_verbs and \
            verb.lemma_.lower() not in state.lexicon.copulas and not any(c.dep_ == "auxpass" for c in verb.children) \
            and (raised := next((c for c in governor.children if c.dep_ == "nsubjpass"), None)) is not None:
        # "Soto is reported to have held talks", "Chile is believed to have rejected it", "is expected to meet":
        # who is said to act is the one acting (the passive tells who says it, if anyone); a state told so ("is
        # thought to be keen to raise funds") is hearsay about a disposition, left unread; "is expected to be
        # sanctioned" tells of an act on the subject, not by it
        return state.actors.resolve_all(raised, quoted), False
    if depth < 3 and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acomp") and verb.head.i != verb.i:
        agents, passive = subjects(state, governor, depth + 1)  # "justified the war by blaming Kyiv"
        if not agents and verb.dep_ == "conj" and governor.dep_ == "ccomp" and \
                governor.head.lemma_.lower() in state.lexicon.speech:
            # "the ministry said that the clause was an obstacle and called on Yerevan to remove it": the
            # parser tied "called" to the reported clause; the speaker did the calling
            return subjects(state, governor.head, depth + 1)
        return agents, passive
    if verb.dep_ == "relcl":
        agent = state.actors.resolve(verb.head, quoted)
        return ([agent] if agent else []), False
    return [], False


def _inverted_saying(state: EventState, verb: Token) -> bool:
    """"Workers could strike if ..., warn union leaders": a verb of saying after what is said, its subject last
    (the parser reads the clause as its complement, or the verb as a conjunct after a comma)."""
    lemma = verb.lemma_.lower()
    if lemma not in state.lexicon.speech and state.lexicon.verbs.get(lemma) in (None, *state.lexicon.material):
        return False
    if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.head.i < verb.i and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def speaker_of(state: EventState, clause: Token) -> list[Agent]:
    """The party whose reported speech a clause is: "Qassem asserted that no deal would be accepted"."""
    head = clause
    while head.dep_ in ("conj", "xcomp", "advcl") and head.head.i != head.i:
        head = head.head
    speech = head.head
    if head.dep_ == "ccomp" and speech.lemma_.lower() in state.lexicon.speech:
        subject = next((c for c in speech.children if c.dep_ == "nsubj"), None)
        if subject is not None and actors_outlet(state, subject):
            return []
        return subjects(state, speech)[0]
    return []


def reporter(state: EventState, event: Event) -> str | None:
    """The party whose words report an event: the speaker of the quote or of the reported speech around it.
    When it is not the event's own party, the event is that party's account of another's stance."""
    agent = reporting_agent(state, event)
    return agent.actor if agent else None


def reporting_agent(state: EventState, event: Event) -> Agent | None:
    """The party (and its speaker) whose words report an event (see reporter)."""
    if event.trigger.i in state.quoted:
        return state.actors.ctx.quote_speaker
    for ancestor in [event.trigger, *event.trigger.ancestors]:
        if ancestor.dep_ == "ccomp" and ancestor.head.lemma_.lower() in state.lexicon.speech:
            agents = subjects(state, ancestor.head)[0]
            return agents[0] if agents else None
    return None


def owner_of(state: EventState, noun: Token) -> Agent | None:
    """Whose demand, proposal or threat a noun names: its named owner, or for "the demand" the party that
    made one last."""
    named = named_owner(state, noun)
    if named is not None:
        return named
    action = state.lexicon.nouns.get(noun.lemma_.lower())
    modified = any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in noun.children)  # "the Tory plans"
    if action in ("demand", "propose") and not modified and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return state.last_by_action.get(action)  # "Norway rejected the demand": the demand made before
    return None


def named_owner(state: EventState, noun: Token) -> Agent | None:
    """The owner a noun's own phrase names: possessor, from/by object, or party modifier ("an EU demand")."""
    owners = named_owners(state, noun)
    return owners[0] if owners else None


def named_owners(state: EventState, noun: Token) -> list[Agent]:
    """The owners a noun's own phrase names: one per conjunct of a from/by object ("the decision by India and
    Pakistan"), the first party among its modifiers ("Norway's offer": reading coordinated modifiers one by one
    lowered dev events from 0.764 to 0.756 and gsr-dev from 0.805 to 0.801)."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            mention = state.actors.index.get(child.i)
            agent = Agent(mention.actor) if mention else state.actors.resolve(child, noun.i in state.quoted)
            if agent or (agent := _leader(state, child)):
                return [agent]
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and (agents := state.actors.resolve_all(obj, noun.i in state.quoted)):
                    return agents
        if child.dep_ == "acl" and child.tag_ == "VBN" and _makes(state, child, noun):
            # "the strikes called by the union", "a proposal put forward by Oslo": who made it
            for obj in (o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"):
                if agents := state.actors.resolve_all(obj, noun.i in state.quoted):
                    return agents
    return []


def _makes(state: EventState, participle: Token, noun: Token) -> bool:
    """Whether a participle on an action noun tells who made it ("called", "organised", "put forward"), not
    another's answer to it ("rejected by", "backed by")."""
    lemma = triggers.verb_lemma(state, participle) or participle.lemma_.lower()
    action = triggers.verb_action(state, participle, lemma)
    return lemma in state.lexicon.authoring_verbs or action == state.lexicon.nouns.get(noun.lemma_.lower()) or (
        lemma in state.lexicon.light_verbs and lemma not in state.lexicon.answers)


def _leader(state: EventState, modifier: Token) -> Agent | None:
    """"a US-led summit", "the Saudi-led coalition": the party that leads it (not one that merely backs it)."""
    if modifier.lower_.endswith("-led") and len(modifier) > 4:
        found = state.actors.gazetteer.resolve(modifier.text[:-4])
        return Agent(found[0]) if found else None
    if modifier.lower_ != "led":
        return None
    leader = next((c for c in modifier.children if c.dep_ in ("npadvmod", "compound", "nmod")), None)
    return state.actors.resolve(leader) if leader is not None else None


def targets(state: EventState, verb: Token, actor: str) -> list[str]:
    found: list[str] = []

    def add(token: Token) -> None:
        for agent in state.actors.resolve_all(token, verb.i in state.quoted):
            if agent.actor != actor and agent.actor not in found:
                found.append(agent.actor)

    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj", "nsubjpass"):
            if state.lexicon.nouns.get(child.lemma_.lower()) and (owner := owner_of(state, child)):
                if owner.actor != actor:
                    found.append(owner.actor)
            elif state.actors.resolve(child) is not None:
                add(child)
            else:  # "slammed the bloc's expansion": the possessor is the target
                for poss in child.children:
                    if poss.dep_ == "poss":
                        add(poss)
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in syntax.TARGET_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    add(obj)
    for child in verb.children:  # "expressed disappointment at Oslo": the action noun's target
        if child.dep_ == "dobj" and child.lemma_.lower() in state.lexicon.nouns:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in syntax.TARGET_PREPS:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            add(obj)
    if not found:
        for child in verb.children:
            if child.dep_ in syntax.CLAUSE_DEPS:
                for sub in child.children:
                    if sub.dep_ in ("nsubj", "nsubjpass"):
                        add(sub)
    return found


def each_other(state: EventState, verb: Token, agent: Agent, action: str) -> list[str]:
    """"Both sides met", "the two governments agreed": a joint act is aimed at the other side."""
    if action not in RECIPROCAL_ACTIONS:
        return []
    return [a.actor for c in verb.children if c.dep_ == "nsubj"
            for a in state.actors.both_sides(c) if a.actor != agent.actor]


def content_of(state: EventState, verb: Token) -> list[Token]:
    """The words a verb's statement is about: its phrase less its subject and coordinated clauses (a passive
    subject stays: "no ceasefire deal would be accepted" is about the deal)."""
    content = syntax.subtree_without(verb, {"nsubj", "conj", "cc", "csubj", "parataxis"})
    if verb.dep_ == "relcl" and not any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS
                                        for c in verb.children):
        # "the tax measures Athens put forward": the noun the clause hangs on is what was put forward
        content = syntax.subtree_without(verb.head, {"relcl"}) + content
    return content


def actors_outlet(state: EventState, token: Token) -> bool:
    return state.outlets.of_token(token) is not None
