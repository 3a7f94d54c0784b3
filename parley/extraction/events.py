"""Events: who does what to whom, read off the dependency parse of one sentence.

Triggers come from the action lexicon: verbs ("Norway demands that ..."), light verbs with an action noun ("held
talks"), action nouns with their owner ("a demand from Reykjavik"), stance cues in reported speech ("Vatne added that
there should be inspections", "X would be unacceptable"), and reduced relative clauses the parser often misreads ("a
demand Iceland denies"). Each trigger gets its actors (coordination gives one event per actor), its target, its
content (the words an issue is matched on), negation, hedging and condition.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .actors import Agent, ArticleActors
from .attribution import OutletNames
from .conditions import find_condition
from .lexicon import Lexicon

VERBAL = {"VERB", "AUX"}
RECIPROCAL_ACTIONS = {"consult", "agree", "cooperate"}  # acts two sides do with each other
TARGET_PREPS = {"to", "with", "on", "against", "at", "toward", "towards", "upon"}
OWNER_PREPS = {"from", "by", "of"}
CLAUSE_DEPS = {"ccomp", "xcomp"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
ADVERB_PARTICLES = {"forward", "up", "down", "off", "back", "aside", "away"}  # "put forward", read as an adverb
PURPOSE_NOUNS = {"hope", "bid", "effort", "attempt", "order", "push", "drive"}  # "in a bid to ...", "in hopes of ..."
OPEN_MODALS = {"can", "could", "would", "might"}       # "could consider": open to, not yet decided
WARNING_NOUNS = {"warning", "ultimatum"}              # "warnings from Washington": a threat made, not a topic
CALL_NOUNS = {"call"}                                   # a phone call between two leaders, not a call for X
VISIT_NOUNS = {"visit", "trip"}                        # the visitor consults the host, not the other way
PURPOSE_DEPS = {"advcl", "xcomp", "ccomp", "acl"}     # "rallied to demand", "demonstrated, calling for"
MISTAGGED_DEPS = {"ROOT", "conj", "relcl", "ccomp", "advcl"}
HYPOTHETICAL_MARKS = {"if", "unless", "provided", "providing", "whether"}
WAITING_MARKS = {"until", "till"}  # "will not sign until Iceland agrees": in the present tense, not yet done
RELATIVE_FILLERS = {"outright", "flatly", "firmly", "has", "have", "had", "also", "still", "now"}
BACKGROUND_MARKERS = {"when", "while", "before", "after", "during", "since", "following"}
# Nouns that state a party's position; other action nouns ("the threat from X", "talks") often name a topic.
POSITION_NOUN_ACTIONS = {"demand", "propose", "agree", "yield", "support", "reject", "oppose"}


@dataclass
class Event:
    agent: Agent
    action: str
    trigger: Token
    kind: str                                   # verb | light | noun | cue | relative | role
    target: str | None = None
    content: list[Token] = field(default_factory=list)
    negated: bool = False
    content_negated: bool = False
    hedged: bool = False
    condition: str | None = None
    condition_tokens: list[Token] = field(default_factory=list)
    turns_down_offer: bool = False             # "rejected the board's offer of X": against the offer, not X
    pending: bool = False                       # "not yet ready to sign": held back until something changes
    exit_threat: bool = False                   # "threatened to leave the deal": in it only on its terms
    purpose: list[Token] = field(default_factory=list)  # "in hopes of reaching a deal": what the act is for
    purpose_stance: str | None = None
    purpose_condition: str | None = None       # what the goal hinges on ("any truce must allow X": X)
    answers: Event | None = None                # the event this one responds to ("rejects the demand")

    def set_condition(self, found: tuple[str, list[Token]] | None) -> None:
        if found:
            self.condition, self.condition_tokens = found

    @property
    def key(self) -> tuple:
        return (self.agent.actor, self.action, self.target, self.trigger.i)


def is_negated(token: Token) -> bool:
    """Whether a word carries its own negation ("not", "never", "no")."""
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't", "no") and c.dep_ in ("advmod", "neg", "det")
               for c in token.children)


def waited_for(clause: Token) -> bool:
    """A present-tense until-clause: what a party waits for has not happened ("will not sign until Iceland agrees";
    "fishing went on until Norway agreed" tells of something done)."""
    return clause.dep_ == "advcl" and clause.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "mark" and c.lower_ in WAITING_MARKS for c in clause.children)


def _mass_noun(noun: Token) -> bool:
    """"has immediate demand" (for oil): a bare singular "demand" is a market's, not a party's demand."""
    return noun.lemma_.lower() == "demand" and noun.tag_ == "NN" and not any(
        c.dep_ in ("det", "poss") for c in noun.children)


def _not_yet(token: Token) -> bool:
    return is_negated(token) and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in token.children)


def _clause_negated(clause: Token) -> bool:
    """"that Iceland never join the EU", "that no fighters be allowed to return": the content itself is negated."""
    if is_negated(clause):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children)
               for c in clause.children)


def _subtree_without(token: Token, skip_deps: set[str]) -> list[Token]:
    """A phrase's words, leaving out the branches hanging off it by the given relations."""
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if not (current is token and c.dep_ in skip_deps))
    return out


class EventFinder:
    """Find the events of one article's sentences, remembering accusations so later denials find their target."""

    def __init__(self, actors: ArticleActors, lexicon: Lexicon, quoted: set[int], outlets: OutletNames) -> None:
        self.actors = actors
        self.outlets = outlets
        self.lexicon = lexicon
        self.quoted = quoted          # token indexes inside quotation marks
        self.accusers: dict[str, str] = {}
        self.last_by_action: dict[str, Agent] = {}   # "the demand": the last party that demanded

    # --- trigger recognition -------------------------------------------------------------------------------
    def verb_lemma(self, token: Token) -> str | None:
        return self.verb_lemma_at(token.i)

    def verb_lemma_at(self, i: int) -> str | None:
        """The verb lemma of the article's i-th word, if it is a verb, read off the word lists (no Token needed)."""
        words = self.actors.words
        if words.pos[i] in VERBAL:
            lemma = words.lemma[i]
            # the lemmatizer errs on some forms ("staged" → "stag"): the lexicon's own inflections decide then
            return lemma if lemma in self.lexicon.known_verbs else self.lexicon.lemma_of_form(words.lower[i]) or lemma
        if words.dep[i] in MISTAGGED_DEPS and words.pos[i] in ("NOUN", "PROPN", "ADJ"):
            return self.lexicon.lemma_of_form(words.lower[i])
        return None

    def verb_action(self, token: Token, lemma: str) -> str | None:
        if any((lemma, c.lower_) in self.lexicon.idle_phrasal for c in token.children
               if c.dep_ in ("prt", "advmod", "acomp", "oprd")):
            return None  # "pressed ahead with enrichment", "pleaded guilty": not a demand
        if self._leaves_talks(token, lemma):
            return "reject"  # "pulled out of the talks", "quit the deal": not a retreat from ground
        for child in token.children:
            if child.dep_ not in ("prt", "prep", "dobj") and not (
                    child.dep_ == "advmod" and child.i == token.i + 1 and child.lower_ in ADVERB_PARTICLES):
                continue  # the parser often reads a particle right after its verb as an adverb ("put forward")
            for word in (child.lower_, child.lemma_.lower()):  # "suspend tariffs" / "suspend tariff"
                if action := self.lexicon.phrasal.get((lemma, word)):
                    return action
        if lemma == "call":  # plain "call" names or describes; "call for"/"call on" demand
            return None
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            # "sent 200 tonnes of rice", "moved tanks to the border", "launched joint patrols": the object decides
            things = {obj.lemma_.lower(), *(o.lemma_.lower() for p in obj.children if p.dep_ == "prep"
                                            and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")}
            for action, spec in self.lexicon.object_actions.items():
                if lemma in spec["verbs"] and things & spec["objects"]:
                    return action
            if lemma in self.lexicon.light_verbs and obj.lemma_.lower() in self.lexicon.joint_acts and any(
                    c.lower_ in ("joint", "combined") for c in obj.children):
                return "cooperate"
        for prep in (c for c in token.children if c.dep_ == "prep"):  # "went on strike", "put on alert"
            if (state := self._state_phrase(prep)) and lemma not in self.lexicon.verbs:  # not "balloted on strikes"
                return state
        purpose = token.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if lemma in self.lexicon.undo_verbs and not purpose and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lexicon.burdens for c in token.children):
            return "yield"  # "suspended its port fees", "waived the duties": a burden on the other side eased
        return self.lexicon.verbs.get(lemma)

    @staticmethod
    def descriptive(token: Token) -> bool:
        """Words that describe or set the scene rather than report: "the occupied parts", "territory not
        occupied by X", "when discussing guarantees", "while visiting Paris"."""
        if token.dep_ in ("amod", "compound") or (token.dep_ == "acl" and token.tag_ == "VBN"):
            return True
        return token.tag_ == "VBG" and token.dep_ in ("advcl", "pcomp") and any(
            c.lower_ in BACKGROUND_MARKERS for c in token.children if c.dep_ in ("advmod", "mark"))

    # --- actors and targets --------------------------------------------------------------------------------
    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[Agent], bool]:
        """(agents, passive): the verb's subject, its by-agent in the passive, or the subject it inherits."""
        quoted = verb.i in self.quoted
        # the subject may hang off an auxiliary ("Vatne did, however, offer")
        heads = [verb, *(c for c in verb.children if c.dep_ == "aux")]
        for child in (c for head in heads for c in head.children):
            if child.dep_ == "nsubj" or child.dep_ == "csubj":
                return self.actors.resolve_all(child, quoted), False
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.actors.resolve_all(obj, quoted), True
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return self._speaker_of(verb), True
        if self._inverted_saying(verb) and \
                (inverted := next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)) is not None:
            return self.actors.resolve_all(inverted, quoted), False  # "... could strike, warn union leaders"
        if verb.dep_ == "conj" and (patient := next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)):
            # "was indicted by the court and will resign": the one indicted resigns
            return self.actors.resolve_all(patient, quoted), False
        governor = verb.head.head if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" else verb.head
        if verb.dep_ in ("xcomp", "pcomp") and governor.pos_ in VERBAL and \
                (ordered := next((c for c in governor.children if c.dep_ == "dobj"), None)) is not None \
                and self.actors.resolve(ordered, quoted):
            # "ordered its army to launch", "accused Eritrea of arming rebels": the object acts
            return self.actors.resolve_all(ordered, quoted), False
        if verb.dep_ == "pcomp" and governor.pos_ not in VERBAL:
            return [], False  # "open to hosting talks": a disposition, not an act
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and \
                verb.head.lemma_.lower() in self.lexicon.statement_nouns:
            # "issued a declaration demanding ...": the declaration's author demands
            return self.subjects(verb.head.head, depth + 1)
        if depth < 3 and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acomp") and verb.head.i != verb.i:
            agents, passive = self.subjects(governor, depth + 1)  # "justified the war by blaming Kyiv"
            if not agents and verb.dep_ == "conj" and governor.dep_ == "ccomp" and \
                    governor.head.lemma_.lower() in self.lexicon.speech:
                # "the ministry said that the clause was an obstacle and called on Yerevan to remove it": the
                # parser tied "called" to the reported clause; the speaker did the calling
                return self.subjects(governor.head, depth + 1)
            return agents, passive
        if verb.dep_ == "relcl":
            agent = self.actors.resolve(verb.head, quoted)
            return ([agent] if agent else []), False
        return [], False

    def _inverted_saying(self, verb: Token) -> bool:
        """"Workers could strike if ..., warn union leaders": a verb of saying after what is said, its subject last
        (the parser reads the clause as its complement, or the verb as a conjunct after a comma)."""
        lemma = verb.lemma_.lower()
        if lemma not in self.lexicon.speech and self.lexicon.verbs.get(lemma) in (None, *self.lexicon.material):
            return False
        if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return True
        return verb.dep_ == "conj" and verb.head.i < verb.i and verb.i > 0 and verb.doc[verb.i - 1].text == ","

    def _speaker_of(self, clause: Token) -> list[Agent]:
        """The party whose reported speech a clause is: "Qassem asserted that no deal would be accepted"."""
        head = clause
        while head.dep_ in ("conj", "xcomp", "advcl") and head.head.i != head.i:
            head = head.head
        speech = head.head
        if head.dep_ == "ccomp" and speech.lemma_.lower() in self.lexicon.speech:
            subject = next((c for c in speech.children if c.dep_ == "nsubj"), None)
            if subject is not None and self.actors_outlet(subject):
                return []
            return self.subjects(speech)[0]
        return []

    def reporter(self, event: Event) -> str | None:
        """The party whose words report an event: the speaker of the quote or of the reported speech around it.
        When it is not the event's own party, the event is that party's account of another's stance."""
        if event.trigger.i in self.quoted:
            speaker = self.actors.ctx.quote_speaker
            return speaker.actor if speaker else None
        for ancestor in [event.trigger, *event.trigger.ancestors]:
            if ancestor.dep_ == "ccomp" and ancestor.head.lemma_.lower() in self.lexicon.speech:
                agents = self.subjects(ancestor.head)[0]
                return agents[0].actor if agents else None
        return None

    def owner(self, noun: Token) -> Agent | None:
        """Whose demand, proposal or threat a noun names: its named owner, or for "the demand" the party that
        made one last."""
        named = self.named_owner(noun)
        if named is not None:
            return named
        action = self.lexicon.nouns.get(noun.lemma_.lower())
        modified = any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in noun.children)  # "the Tory plans"
        if action in ("demand", "propose") and not modified and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            return self.last_by_action.get(action)  # "Norway rejected the demand": the demand made before
        return None

    def named_owner(self, noun: Token) -> Agent | None:
        """The owner a noun's own phrase names: possessor, from/by object, or party modifier ("an EU demand")."""
        owners = self.named_owners(noun)
        return owners[0] if owners else None

    def named_owners(self, noun: Token) -> list[Agent]:
        """The owners a noun's own phrase names: one per conjunct of a from/by object ("the decision by India and
        Pakistan"), the first party among its modifiers ("Norway's offer": reading coordinated modifiers one by one
        lowered dev events from 0.764 to 0.756 and gsr-dev from 0.805 to 0.801)."""
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                mention = self.actors.index.get(child.i)
                agent = Agent(mention.actor) if mention else self.actors.resolve(child, noun.i in self.quoted)
                if agent or (agent := self._leader(child)):
                    return [agent]
            if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj" and (agents := self.actors.resolve_all(obj, noun.i in self.quoted)):
                        return agents
        return []

    def _leader(self, modifier: Token) -> Agent | None:
        """"a US-led summit", "the Saudi-led coalition": the party that leads it (not one that merely backs it)."""
        if modifier.lower_.endswith("-led") and len(modifier) > 4:
            found = self.actors.gazetteer.resolve(modifier.text[:-4])
            return Agent(found[0]) if found else None
        if modifier.lower_ != "led":
            return None
        leader = next((c for c in modifier.children if c.dep_ in ("npadvmod", "compound", "nmod")), None)
        return self.actors.resolve(leader) if leader is not None else None

    def targets(self, verb: Token, actor: str) -> list[str]:
        found: list[str] = []

        def add(token: Token) -> None:
            for agent in self.actors.resolve_all(token, verb.i in self.quoted):
                if agent.actor != actor and agent.actor not in found:
                    found.append(agent.actor)

        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "iobj", "nsubjpass"):
                if self.lexicon.nouns.get(child.lemma_.lower()) and (owner := self.owner(child)):
                    if owner.actor != actor:
                        found.append(owner.actor)
                elif self.actors.resolve(child) is not None:
                    add(child)
                else:  # "slammed the bloc's expansion": the possessor is the target
                    for poss in child.children:
                        if poss.dep_ == "poss":
                            add(poss)
        for child in verb.children:
            if child.dep_ in ("prep", "prt") and child.lower_ in TARGET_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        add(obj)
        for child in verb.children:  # "expressed disappointment at Oslo": the action noun's target
            if child.dep_ == "dobj" and child.lemma_.lower() in self.lexicon.nouns:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS:
                        for obj in prep.children:
                            if obj.dep_ == "pobj":
                                add(obj)
        if not found:
            for child in verb.children:
                if child.dep_ in CLAUSE_DEPS:
                    for sub in child.children:
                        if sub.dep_ in ("nsubj", "nsubjpass"):
                            add(sub)
        return found

    def _each_other(self, verb: Token, agent: Agent, action: str) -> list[str]:
        """"Both sides met", "the two governments agreed": a joint act is aimed at the other side."""
        if action not in RECIPROCAL_ACTIONS:
            return []
        return [a.actor for c in verb.children if c.dep_ == "nsubj"
                for a in self.actors.both_sides(c) if a.actor != agent.actor]

    def content_of(self, verb: Token) -> list[Token]:
        """The words a verb's statement is about: its phrase less its subject and coordinated clauses (a passive
        subject stays: "no ceasefire deal would be accepted" is about the deal)."""
        content = _subtree_without(verb, {"nsubj", "conj", "cc", "csubj"})
        if verb.dep_ == "relcl" and not any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS
                                            for c in verb.children):
            # "the tax measures Athens put forward": the noun the clause hangs on is what was put forward
            content = _subtree_without(verb.head, {"relcl"}) + content
        return content

    # --- the passes ----------------------------------------------------------------------------------------
    def find(self, sent: Span) -> list[Event]:
        events: list[Event] = []
        relatives = self._relative_matches(sent)
        taken = {verb.i for _, _, verb, _ in relatives}
        words = self.actors.words
        for i in range(sent.start, sent.end):
            lemma = self.verb_lemma_at(i)
            action_noun = words.pos[i] == "NOUN" and words.lemma[i] in self.lexicon.nouns
            if i in taken or not (lemma or action_noun):
                continue
            token = sent.doc[i]
            if token.is_punct or token.is_space:
                continue
            if lemma and not self.descriptive(token):
                events.extend(self._verb_events(token, lemma))
            elif action_noun:
                events.extend(self._noun_events(token))
        events.extend(self._relative_events(relatives, events))
        for event in events:
            if event.target is None:
                event.target = self._answered_party(event)
        events = self._drop_embedded(events)
        self._link_conditions(events)
        events = self._absorb_protest_demands(events)
        for event in events:
            if event.kind != "relative":
                self.last_by_action[event.action] = event.agent
            if event.action in ("accuse", "criticize") and event.target:
                self.accusers[event.target] = event.agent.actor
            if event.action == "deny" and event.target is None:
                event.target = self.accusers.get(event.agent.actor)
        for event in events:
            self._qualified_subject(event)
            event.pending = event.negated and any(_not_yet(t) for t in (event.trigger, event.trigger.head))
            event.exit_threat = event.action == "threaten" and any(
                self._exit(t) for t in event.content if t.dep_ == "xcomp")
        unique: dict[tuple, Event] = {}
        for event in events:
            unique.setdefault(event.key, event)
        return list(unique.values())

    def _verb_events(self, verb: Token, lemma: str) -> list[Event]:
        if lemma == "blame" and verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
            return self._culprit_events(verb)
        if lemma in self.lexicon.copulas:
            events = self._state_events(verb)
            if events or lemma == "be":
                return events
        if lemma in self.lexicon.opinion_verbs and any(
                c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for c in verb.children):
            opinions = [e for e in self._cue_events(verb, lemma) if e.trigger.lower_ != "should"
                        and any(a.lower_ in self.lexicon.evaluative_cues for a in e.trigger.children)]
            if opinions:  # "agreed that the tariffs were unacceptable": a view, not an agreement
                return opinions
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        passive = patient is not None or any(c.dep_ == "auxpass" for c in verb.children)  # "... and are wanted"
        if passive and lemma in self.lexicon.attitude_verbs:
            return []  # "rebels who are wanted at home": wanted by someone unnamed, no party's stance
        if patient is not None and verb.lower_ in self.lexicon.agentive_cues and \
                not any(c.dep_ == "agent" for c in verb.children):
            # "Israel is opposed to French mediation": a stated stance, not a passive act
            return [Event(agent, self.lexicon.agentive_cues[verb.lower_], verb, "cue", None, list(verb.subtree),
                          negated=is_negated(verb)) for agent in self.actors.resolve_all(patient)]
        action = self.verb_action(verb, lemma)
        if lemma in self.lexicon.commitment_verbs:
            pledged = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            pledged_lemma = self.verb_lemma(pledged) if pledged is not None else None
            pledged_action = self.verb_action(pledged, pledged_lemma) if pledged_lemma else None
            hostile = pledged_action in self.lexicon.intent_threaten | {"assault", "threaten"} or \
                pledged_lemma in self.lexicon.blocking_verbs  # "vowed to veto it"
            refusal = pledged is not None and is_negated(pledged)
            action = "threaten" if hostile else "reject" if refusal else "agree"  # "vowed not to recognise it"
        kind = "verb"
        content_root = verb
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        obj_lemma = obj.lemma_.lower() if obj is not None else None
        if action in ("reject", "deny") and obj_lemma in self.lexicon.claim_nouns:
            action = "deny"  # "rejected media reports that ...": a denial
        elif action in ("aid", "propose") and obj_lemma in self.lexicon.speech_objects:
            action = "consult"  # "provided remarks on the draft": taking part in talks, not giving aid
        elif action in self.lexicon.material and obj_lemma in self.lexicon.statement_nouns | self.lexicon.claim_nouns:
            action = None  # "released a statement", "issued a report": words put out, not an act
        elif obj_lemma in self.lexicon.hostile_nouns and lemma in self.lexicon.preparing_verbs:
            action = "threaten"  # "plan countermeasures", "is weighing sanctions": a hostile act held out
        elif action is None and lemma in self.lexicon.gathering_verbs and obj is None:
            action = "consult"  # "agreed to gather again at 1pm"
        if obj is not None and lemma in self.lexicon.answers and self.lexicon.nouns.get(obj.lemma_.lower()) and \
                self.lexicon.nouns[obj.lemma_.lower()] not in self.lexicon.material and \
                obj_lemma not in self.lexicon.claim_nouns:  # "granted a loan" gives aid; "dismissed the accusations" denies
            answered = self.lexicon.nouns[obj.lemma_.lower()]
            action = (self.lexicon.answers_to_demand.get(lemma) if answered == "demand" else None) or \
                self.lexicon.answers[lemma]
        elif obj is not None and lemma in self.lexicon.light_verbs:
            noun_action = next(("assault" if self._armed_strike(o) else self.lexicon.nouns[o.lemma_.lower()]
                                for o in [obj, *obj.conjuncts]
                                if o.lemma_.lower() in self.lexicon.nouns and not _mass_noun(o)),
                               None)  # "artillery and rocket fire"
            if noun_action is None and obj.lemma_.lower() in self.lexicon.carrier_nouns:
                # "a mediation effort", "a wave of airstrikes": the carrier's modifier or its "of" object
                carried = [c for c in obj.children if c.dep_ in ("compound", "amod")] + [
                    o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                    if o.dep_ == "pobj"]
                noun_action = next(("assault" if self._armed_strike(c) else self.lexicon.nouns[c.lemma_.lower()]
                                    for c in carried if c.lemma_.lower() in self.lexicon.nouns), None)
            if lemma in self.lexicon.deal_verbs and obj.lemma_.lower() in self.lexicon.deal_nouns:
                noun_action = "agree"
            phrased = (lemma, obj.lower_) in self.lexicon.phrasal or (lemma, obj.lemma_.lower()) in self.lexicon.phrasal
            if noun_action and action != "cooperate" and not phrased:  # "held joint drills" stays cooperation;
                action, kind = noun_action, "light"                      # "lodged a protest" is its own phrase
        agreed_to = next((c for c in verb.children if c.dep_ == "xcomp"), None) if action == "agree" else None
        if agreed_to is not None and self.verb_lemma(agreed_to) and \
                self.verb_action(agreed_to, self.verb_lemma(agreed_to)) == "consult":
            action = "consult"  # "agreed to meet again": the meeting is the news
        if action is None and lemma in self.lexicon.openness_verbs and any(
                c.dep_ == "aux" and c.lower_ in OPEN_MODALS for c in verb.children):
            action = "yield"  # "we could consider X if Y", "would entertain a compromise": open to it
        if action is None and lemma in self.lexicon.role_verbs:
            action, kind = self._role_action(verb), "role"
        if action is None:
            return self._cue_events(verb, lemma) if lemma in self.lexicon.speech else []
        if action == "threaten" and self._warns_of_peril(verb):
            return []  # "agencies warned of famine": a caution, not a threat
        if action == "reject" and any(c.dep_ == "xcomp" and c.lemma_.lower() in self.lexicon.withheld_words
                                      for c in verb.children):
            return []  # "declined to comment": nothing turned down
        agents, _ = self.subjects(verb)
        if not agents:
            return []
        asked = verb.dep_ == "xcomp" or verb.dep_ == "advcl" and any(  # "urged Macron on Thursday to 'finalise'"
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        head_lemma = self.verb_lemma(verb.head) if asked else None
        if head_lemma and self.verb_action(verb.head, head_lemma) == "demand" and \
                any(c.dep_ == "dobj" for c in verb.head.children):
            return []  # "asked the authorities to approve its plan": asked for, not done
        infinitive = ("xcomp", "advcl")
        wanted = verb.head.head if verb.dep_ == "conj" and verb.head.dep_ in infinitive else verb.head
        if (verb.dep_ in infinitive or verb.dep_ == "conj" and verb.head.dep_ in infinitive) and \
                wanted.lemma_.lower() in self.lexicon.attitude_verbs and \
                self.lexicon.stance.get(self.verb_action(verb, lemma) or "") is None:
            return []  # "needed to study it and consult": meant, not done
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lexicon.failure_verbs or \
                verb.dep_ == "pcomp" and verb.head.lower_ in ("without", "instead"):
            return []  # "failed to reach a deal", "ended without agreeing": nothing was done, nor refused
        negated = _clause_negated(verb) or any(is_negated(h) for h in [verb.head] if verb.dep_ == "xcomp")
        if action == "protest" and any(c.dep_ == "ccomp" for c in verb.children):
            action = "accuse"  # "a rights group protested that the authorities ...": a complaint, in words
        hedged = any(c.lower_ in self.lexicon.hedges for c in verb.children if c.dep_ == "aux")
        content = self.content_of(content_root)
        if kind == "role" and any(r.lower_ in self.lexicon.negative_qualities for r in self._roles(verb)):
            content = []  # "called the rebate unjustified": a judgement of X, no stance on an issue that may be X undone
        clause = next((c for c in verb.children if c.dep_ in CLAUSE_DEPS), None)
        offer_by = self.owner(obj) if obj is not None and self.lexicon.nouns.get(obj.lemma_.lower()) == "propose" \
            and self.lexicon.stance.get(action) == "against" else None
        condition = find_condition([verb, clause], self.lexicon)
        if condition and action in ("agree", "yield") and any(c.lower_ == "only" for c in verb.children):
            action = "demand"  # "will only accept a deal if Russia withdraws": the condition is what it demands
        purpose = self._purpose(verb)
        if self._intended(verb) and not negated:
            hedged = False  # "would allow" states an intent; the intent is the action below
            ultimatum = condition is not None and condition[0].lower().startswith("unless")
            if action in self.lexicon.intent_threaten or (action not in self.lexicon.stance and ultimatum):
                # "will withdraw its peacekeepers unless ...": an act held out until a demand is met
                action = "threaten"
            elif action in self.lexicon.intent_agree:
                action = "agree"
        elif hedged and not negated and action in self.lexicon.intent_threaten:
            action = "threaten"  # "may halt its mediation if ...": a hostile act held out is a threat
        elif negated and action in self.lexicon.intent_agree | {"retreat"} and self._intended(verb) and \
                not any(c.lower_ == "yet" for c in verb.children):
            action, negated = "reject", False  # "will not release the hostages until ...": a refusal (CAMEO 124)
        events = []
        for agent in agents:
            targets = self.targets(verb, agent.actor) or self._each_other(verb, agent, action) or [None]
            for target in targets:
                event = Event(agent, action, verb, kind, target, content, negated=negated, hedged=hedged,
                              content_negated=clause is not None and _clause_negated(clause),
                              turns_down_offer=offer_by is not None and offer_by.actor != agent.actor)
                event.set_condition(condition)
                if purpose:
                    goal, event.purpose_stance = purpose
                    event.purpose = [t for t in goal.subtree if t.i != goal.i]
                    if action == "yield" and event.condition is None:  # a concession made in hopes of a deal
                        event.condition = " ".join(t.text for t in goal.subtree if t.dep_ != "aux" or t.i > goal.i)
                events.append(event)
        return events

    def _purpose(self, verb: Token) -> tuple[Token, str] | None:
        """"suspended its tariffs in hopes of reaching a deal", "cut its quota to salvage the agreement": the goal
        an act serves, and the stance it shows on that goal (for what it would reach or save, against what it
        would block)."""
        goals_of_object = [c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "acl"
                           and c.lemma_.lower() in self.lexicon.deal_verbs | self.lexicon.purpose_verbs]
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
            action = self.verb_action(goal, lemma)
            stance = "for" if lemma in self.lexicon.deal_verbs | self.lexicon.purpose_verbs else \
                self.lexicon.stance.get(action) if action else None
            if stance:
                return goal, stance
        return None

    def _culprit_events(self, verb: Token) -> list[Event]:
        """"X is to blame for Y": X is blamed, by whoever says so ("the Kremlin's narrative that X is to blame")."""
        copula = verb.head
        blamed = [c for c in copula.children if c.dep_ == "nsubj"]
        agents = self._speaker_of(copula)
        if not agents and copula.dep_ in ("acl", "ccomp") and copula.head.pos_ == "NOUN":
            claim = copula.head
            owner = self.owner(claim)
            agents = [owner] if owner else self.subjects(claim.head)[0] if claim.head.pos_ in VERBAL else []
        events = []
        for agent in agents:
            targets = [p for b in blamed for p in self.actors.mentioned_parties(b.subtree) if p != agent.actor]
            events.append(Event(agent, "accuse", verb, "verb", (targets or [None])[0], list(verb.subtree)))
        return events

    def _intended(self, verb: Token) -> bool:
        """An act announced or planned rather than done: "will provide", "would boycott", "plans to impose"."""
        if any(c.dep_ == "aux" and c.lower_ in self.lexicon.intent_markers for c in verb.children):
            return True
        if verb.dep_ == "advcl" and verb.head.pos_ in VERBAL and verb.head.i != verb.i and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return self._intended(verb.head)  # "will visit Dakar to mediate": the purpose of a plan is planned too
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lexicon.intent_markers

    def _state_phrase(self, prep: Token) -> str | None:
        """The action a preposition and its object name together ("on strike": protest), if any."""
        return next((state for obj in prep.children if obj.dep_ == "pobj"
                     if (state := self.lexicon.state_phrases.get(f"{prep.lower_} {obj.lemma_.lower()}"))), None)

    def _state_events(self, copula: Token) -> list[Event]:
        """"Reykjavik is ready to sign", "Israel is opposed to French mediation": the subject's stance, stated;
        "Iran's objective is a permanent deal": what a party wants."""
        events = self._goal_events(copula)
        for child in copula.children:  # "troops remained on alert", "the dockers are on strike"
            state = self._state_phrase(child) if child.dep_ == "prep" else None
            if state:
                events += [Event(agent, state, child, "verb", None, list(child.subtree))
                           for agent in self.subjects(copula)[0]]
        for child in copula.children:
            if child.dep_ != "acomp" or child.lower_ not in self.lexicon.agentive_cues:
                continue
            agents, _ = self.subjects(copula)
            # "ready to react, and that includes countermeasures if required": what "that" spells out is the stance
            spelled = [c for c in copula.children if c.dep_ == "conj" and any(
                s.dep_ == "nsubj" and s.lower_ in ("that", "this") for s in c.children)]
            action = self.lexicon.agentive_cues[child.lower_]
            own_act = next((v for p in child.children if p.dep_ == "prep" for v in p.children
                            if v.dep_ == "pcomp" and v.tag_ == "VBG"), None)
            offered = next((o for p in child.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                            and o.lemma_.lower() in self.lexicon.settlement_nouns), None)
            if action == "yield" and (own_act is not None or offered is not None):
                action = "propose"  # "open to sending troops", "open to a diplomatic solution": an offer
            if action == "agree" and self._readied_hostility(child):
                action = "threaten"  # "ready to impose tariffs", "prepared to strike": a hostile act held out
            for agent in agents:
                targets = [p for p in self.actors.mentioned_parties(child.subtree) if p != agent.actor] or [None]
                # "remained entrenched on its position over X": what the stance is on may hang on the copula
                content = list(child.subtree) + [t for c in spelled for t in c.subtree] + [
                    t for c in copula.children if c.dep_ == "prep" and c.lower_ in ("on", "about", "over")
                    for t in c.subtree]
                event = Event(agent, action, child, "cue", targets[0],
                              content, negated=is_negated(copula))
                event.set_condition(find_condition([copula, child, *spelled], self.lexicon))
                events.append(event)
        return events

    def _role_action(self, verb: Token) -> str | None:
        """"framed the alliance as a threat", "called Oslo an aggressor", "called the rebate unjustified": casting a
        party or its doing as a danger or a wrong criticises it."""
        roles = self._roles(verb)
        if any(r.lemma_.lower() in self.lexicon.negative_roles or r.lower_ in self.lexicon.negative_qualities
               for r in roles):
            return "criticize"
        return None

    def _roles(self, verb: Token) -> list[Token]:
        """What a verb of naming casts its object as: "as a threat", "an aggressor", "unjustified"."""
        roles = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                roles += [o for o in child.children if o.dep_ in ("pobj", "pcomp", "amod", "acomp")]
            elif child.dep_ in ("oprd", "attr", "xcomp"):
                roles.append(child)
        return roles

    def _goal_events(self, copula: Token) -> list[Event]:
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
            found = next((g for g in goals if g.lemma_.lower() in self.lexicon.goal_nouns and not _mass_noun(g)), None)
            action = "demand"
            if found is None:  # "the sticking point for Athens is the pension age": what a party will not accept
                found, action = next((g for g in goals if self._obstacle(g)), None), "reject"
            if found is None:
                continue
            owner = self.owner(found) or next((a for c in found.children if c.dep_ == "prep" and c.lower_ == "for"
                                               for o in c.children if o.dep_ == "pobj"
                                               for a in [self.actors.resolve(o)] if a), None)
            poss = next((c for c in found.children if c.dep_ == "poss"), None)
            if owner is None and poss is not None:
                owner = self.actors.resolve(poss, poss.i in self.quoted)
            agents = [owner] if owner else self._speaker_of(copula)
            content = [t for r in rest for t in r.subtree]
            return [Event(agent, action, found, "cue", None, content, negated=is_negated(copula))
                    for agent in agents]
        return []

    def _obstacle(self, noun: Token) -> bool:
        """"sticking point", "stumbling block": a noun (with its modifiers) naming what blocks agreement."""
        words = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod")] + [noun.lemma_.lower()]
        return any(" ".join(words[-len(p.split()):]) == p for p in self.lexicon.obstacle_nouns)

    def _cue_events(self, verb: Token, lemma: str) -> list[Event]:
        """Reported speech whose content carries no trigger of its own: the speaker's stance comes from cues."""
        agents, _ = self.subjects(verb)
        agents = [a for a in agents if a.actor]
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if not agents or (subject is not None and self.actors_outlet(subject)):
            return []
        events = []
        for child in verb.children:
            clause = None
            if child.dep_ == "ccomp":
                for conjunct in (c for c in child.children if c.dep_ == "conj" and c.pos_ in VERBAL):
                    events.extend(self._clause_cue(conjunct, agents))  # "... and therefore it has to be reversed"
                clause = child
            elif child.dep_ == "dobj":
                noun = child.lemma_.lower()
                if noun in self.lexicon.noun_cues:
                    content = [t for t in child.subtree if t.i != child.i]
                    for agent in agents:
                        events.append(Event(agent, self.lexicon.noun_cues[noun], child, "cue", None, content))
                    continue
                clause = next((c for c in child.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
            if clause is not None:
                events.extend(self._clause_cue(clause, agents))
        return events

    def _clause_cue(self, clause: Token, agents: list[Agent]) -> list[Event]:
        modal = any(c.dep_ == "aux" and c.lower_ in self.lexicon.modal_cues for c in clause.children)
        if not modal and self._has_trigger(clause):
            return []
        action = None
        if clause.lemma_.lower() in ("have", "need") and any(c.dep_ == "xcomp" for c in clause.children):
            action = self.lexicon.modal_cues.get("need")  # "has to be reversed", "needs to stop"
        for child in clause.children:
            word = child.lower_
            if child.dep_ == "aux" and word in self.lexicon.modal_cues:
                action = self.lexicon.modal_cues[word]
            elif child.dep_ in ("acomp", "attr", "prep") and self._evaluation(child):
                action = self._evaluation(child)
        if action is None:
            return []
        events = []
        for agent in agents:
            targets = [p for p in self.actors.mentioned_parties(clause.subtree) if p != agent.actor] or [None]
            event = Event(agent, action, clause, "cue", targets[0], list(clause.subtree), negated=is_negated(clause))
            event.set_condition(find_condition([clause], self.lexicon))
            events.append(event)
        return events

    def _evaluation(self, word: Token) -> str | None:
        """The stance an evaluative word or phrase gives: "unacceptable", "out of the question"."""
        if word.dep_ != "prep" and word.lower_ in self.lexicon.evaluative_cues:
            return self.lexicon.evaluative_cues[word.lower_]
        phrase = " ".join(t.lower_ for t in word.subtree)
        return next((action for cue, action in self.lexicon.evaluative_cues.items()
                     if " " in cue and (phrase == cue or phrase.startswith(cue + " "))), None)

    def _has_trigger(self, clause: Token) -> bool:
        """Whether the clause reports an act of a named party itself (then that act is the event)."""
        for token in clause.subtree:
            lemma = self.verb_lemma(token)
            if token.dep_ == "csubj":
                continue  # "sharing the airspace was out of the question": a topic, not an act
            if lemma and not self.descriptive(token) and self.verb_action(token, lemma):
                agents, passive = self.subjects(token)
                if agents and not passive:
                    return True
        return False

    def actors_outlet(self, token: Token) -> bool:
        return self.outlets.of_token(token) is not None

    def _acts(self, verb: Token) -> bool:
        """Whether a verb makes an event of its own (then its object noun is content, not an event)."""
        lemma = self.verb_lemma(verb)
        return lemma is not None and (self.verb_action(verb, lemma) is not None or lemma in self.lexicon.light_verbs
                                      or lemma in self.lexicon.answers or lemma in self.lexicon.speech
                                      or lemma in self.lexicon.copulas or lemma in self.lexicon.role_verbs)

    def _meeting_events(self, noun: Token) -> list[Event]:
        """"talks with US diplomats", "talks between Oslo and Reykjavik", "their talks": who took part consults the
        others; the subject of the clause the talks sit in took part too ("Vatne spoke after talks with X")."""
        sides: list[list[Agent]] = []
        owner = self.owner(noun)
        venue = next((c for c in noun.children if c.dep_ == "compound" and c.i in self.actors.index
                      and self.actors.index[c.i].kind == "capital"), None)
        if owner and venue is not None and self.actors.index[venue.i].actor == owner.actor:
            owner = None  # "the Vienna talks": where, not who
        if owner and noun.dep_ == "dobj" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children) \
                and self.subjects(noun.head)[0]:
            owner = None  # "Serbia and Kosovo ended their talks": every subject, not the last one named
        if owner:
            sides.append([owner])
        if any(c.dep_ == "compound" and c.lower_ in ("news", "press") for c in noun.children):
            return []  # "told a news conference": speaking to reporters, not negotiating
        visit = noun.lemma_.lower() in VISIT_NOUNS
        hosts: list[str] = []
        # "Negotiations continue in Cairo, with an Israeli team on the ground": the verb carries who takes part
        with_verb = [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "with"] \
            if noun.dep_ == "nsubj" else []
        for child in [*noun.children, *with_verb]:
            if child.dep_ == "prep" and child.lower_ in ("with", "between", "among"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        sides.append(self.actors.resolve_all(obj))
            elif visit and child.dep_ == "prep" and child.lower_ == "to":  # "a visit to Kyiv": the host
                hosts += [a.actor for obj in child.children if obj.dep_ == "pobj"
                          for a in self.actors.resolve_all(obj)]
        pronoun_owner = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
        if not any(sides) and not hosts and not pronoun_owner and noun.dep_ not in ("dobj", "pobj"):
            return []
        if noun.dep_ in ("dobj", "pobj") and not owner:
            verb = noun.head
            for _ in range(4):  # "ended two days of talks": up to the verb the talks hang on
                if verb.pos_ in VERBAL or verb.dep_ not in ("dobj", "pobj", "prep") or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ in VERBAL:
                sides.insert(0, self.subjects(verb)[0])
        if not any(sides):
            return []
        parties = list(dict.fromkeys(a.actor for side in sides for a in side))
        agents = {a.actor: a for side in sides for a in side}
        events = []
        for actor in parties:
            others = [p for p in [*parties, *hosts] if p != actor] or [None]
            for other in others:
                events.append(Event(agents[actor], "consult", noun, "noun", other, []))
        return events

    def _noun_events(self, noun: Token) -> list[Event]:
        """"a continued demand from Iceland", "(another demand from Oslo)", "Reykjavik's proposal"."""
        if self._armed_strike(noun):
            return []  # "Israeli air strikes killed 20": the verb tells the attack
        if noun.dep_ in ("dobj", "nsubjpass") and self._acts(noun.head) and \
                self.lexicon.nouns[noun.lemma_.lower()] != "consult":
            return []  # the object of a verb: that verb's event covers it
        if self.lexicon.nouns[noun.lemma_.lower()] == "consult" or noun.lemma_.lower() in CALL_NOUNS and any(
                c.dep_ == "prep" and c.lower_ in ("between", "with") for c in noun.children):
            return self._meeting_events(noun)  # "talks with Oslo"; "a call between the two presidents"
        if _mass_noun(noun):
            return []  # "German domestic demand": a market's
        protest = self.lexicon.nouns[noun.lemma_.lower()] == "protest" and noun.dep_ in ("nsubj", "nsubjpass")
        if self.lexicon.nouns[noun.lemma_.lower()] not in POSITION_NOUN_ACTIONS and \
                noun.lemma_.lower() not in WARNING_NOUNS and not protest:
            return []  # "Palestinian riots are continuing": a protest named as the subject of the news
        if noun.lemma_.lower() in WARNING_NOUNS and self._warns_of_peril(noun):
            return []  # "warnings of starvation by aid agencies": a caution, not a threat
        agent = self.owner(noun)
        if agent is None:
            return []
        action = self.lexicon.nouns[noun.lemma_.lower()]
        if noun.dep_ == "appos":
            content = _subtree_without(noun.head, {"appos"})
        elif noun.dep_ in ("attr",) and noun.head.lemma_ == "be":
            content = [t for c in noun.head.children if c.dep_ == "nsubj" for t in c.subtree] + list(noun.subtree)
        else:
            content = list(noun.subtree)
        target = None
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                for obj in child.children:
                    resolved = self.actors.resolve(obj) if obj.dep_ == "pobj" else None
                    if resolved and resolved.actor != agent.actor:
                        target = resolved.actor
        return [Event(agent, action, noun, "noun", target, content, negated=is_negated(noun))]

    def _relative_matches(self, sent: Span) -> list[tuple[Token, str, Token, str]]:
        """"a demand Iceland outright denies": action noun, party, verb, read off the words, since the parser
        often misreads such reduced relative clauses. Gives (noun, party, verb token, action)."""
        matches = []
        doc, words = sent.doc, self.actors.words
        for n in range(sent.start, sent.end):
            if self.lexicon.nouns.get(words.lemma[n]) not in ("demand", "propose"):
                continue
            i = n + 1
            if i < sent.end and words.lower[i] in ("that", "which"):
                i += 1
            mention = self.actors.index.get(i)
            if mention is None:
                continue
            j = mention.end
            while j < sent.end and j - mention.end < 3 and (
                    words.pos[j] == "ADV" or words.lower[j] in RELATIVE_FILLERS):
                j += 1
            verb = self.lexicon.lemma_of_form(words.lower[j]) if j < sent.end else None
            action = (self.lexicon.answers.get(verb) or self.lexicon.verbs.get(verb)) if verb else None
            if action:
                matches.append((doc[n], mention.actor, doc[j], action))
        return matches

    def _relative_events(self, matches: list[tuple[Token, str, Token, str]], found: list[Event]) -> list[Event]:
        events = []
        for noun, actor, verb, action in matches:
            answered = next((e for e in found if e.action == self.lexicon.nouns[noun.lemma_.lower()]
                             and e.agent.actor != actor), None)
            target = answered.agent.actor if answered else None
            events.append(Event(Agent(actor), action, verb, "relative", target, [], answers=answered))
        return events

    def _answered_party(self, event: Event) -> str | None:
        """"opened up to inspections (another demand from Oslo)": the party whose demand is answered."""
        if event.kind not in ("verb", "light"):
            return None
        for token in event.content:
            if token.i != event.trigger.i and self.lexicon.nouns.get(token.lemma_.lower()) in ("demand", "propose"):
                owner = self.owner(token)
                if owner and owner.actor != event.agent.actor:
                    return owner.actor
        return None

    def _drop_embedded(self, events: list[Event]) -> list[Event]:
        """A trigger inside what another party demands, rejects or threatens is content, not an event of its own."""
        framing = [e for e in events if e.kind in ("verb", "light", "cue") and e.action not in self.lexicon.material]
        kept = []
        said = [e for e in events if e.kind == "cue" and e.trigger.pos_ in VERBAL]
        acts = [e for e in events if e.kind in ("verb", "light", "cue")]
        for event in events:
            if any(event is not cue and event.trigger in cue.content and (self._obliged(event.trigger) or (
                    event.trigger.i != cue.trigger.i and event.agent.actor != cue.agent.actor)) for cue in said):
                continue  # "Mubarak said the US must be ready to mediate": Egypt's demand, not a US act
            inside = any(
                other is not event and other.trigger.i != event.trigger.i
                and event.trigger.i in {t.i for c in other.trigger.children if c.dep_ in CLAUSE_DEPS | {"pcomp"}
                                        for t in c.subtree}
                for other in framing)
            # "dismissed reports that Oslo had agreed to drop the fees": what the denied claim says
            inside = inside or any(
                event.trigger.i in {t.i for c in other.trigger.children if c.dep_ == "dobj"
                                    and c.lemma_.lower() in self.lexicon.claim_nouns for t in c.subtree}
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
            if event.negated and event.action in self.lexicon.material:
                continue  # "has not released": nothing happened
            if event.action in self.lexicon.material and event.kind == "verb" and self.background(event.trigger):
                continue  # "a day after a jet shot down a helicopter": what set the scene, not the news
            if self._hypothetical(event.trigger):
                continue  # "... only if Iceland agrees to inspections": a condition, not an act
            if event.kind == "noun" and event.action == "consult" and not self.background(event.trigger) and any(
                    other.trigger.i != event.trigger.i and event.trigger in other.content for other in acts):
                continue  # "rejected an invitation to a meeting": no meeting was held
            if self._describes_source(event.trigger):
                continue  # "a member of the team trying to broker a pact has said": who reports, not what
            kept.append(event)
        return kept

    def _qualified_subject(self, event: Event) -> None:
        """"any ceasefire must allow Israel freedom of action": the party backs a ceasefire only on that term."""
        verb = event.trigger if event.trigger.pos_ in VERBAL else None
        if verb is None or event.purpose or self.lexicon.stance.get(event.action) is None:
            return
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                        and any(d.dep_ == "det" and d.lower_ in ("any", "every") for d in c.children)), None)
        if subject is not None:
            event.purpose, event.purpose_stance = list(subject.subtree), "conditional"
            end = max(t.i for t in verb.subtree) + 1
            event.purpose_condition = verb.doc[verb.i:end].text.strip(" .,")

    def _leaves_talks(self, verb: Token, lemma: str) -> bool:
        """"pulled out of the talks", "walked away from the deal", "quit the agreement": an exit verb whose object is
        a deal or talks (an exit from a town or a region stays a retreat)."""
        particles = [c for c in verb.children if c.dep_ == "prt" or c.dep_ in ("advmod", "prep") and c.i == verb.i + 1
                     and c.lower_ in ("out", "away")]  # the parser reads "out" of "pulled out of" as a preposition
        if self.lexicon.verbs.get(lemma) == "sanction":
            return False  # "suspended the talks" halts them (SANCTION, CAMEO 164)
        if lemma not in self.lexicon.exit_verbs and not any(
                f"{lemma} {p.lower_}" in self.lexicon.exit_verbs for p in particles):
            return False
        left = [c for c in verb.children if c.dep_ == "dobj"] + [
            o for p in [*verb.children, *(g for c in particles for g in c.children)]
            if p.dep_ == "prep" and p.lower_ in ("of", "from") for o in p.children if o.dep_ == "pobj"]
        forums = self.lexicon.deal_nouns | self.lexicon.settlement_nouns | {
            n for n, action in self.lexicon.nouns.items() if action == "consult"}
        return any(o.lemma_.lower() in forums or o.lower_ in forums for o in left)

    def _readied_hostility(self, cue: Token) -> bool:
        """Whether what a party is ready for ("ready to strike", "prepared to veto") is a hostile act held out."""
        readied = next((c for c in cue.children if c.dep_ == "xcomp"), None)
        lemma = self.verb_lemma(readied) if readied is not None else None
        return lemma is not None and (self.verb_action(readied, lemma) in self.lexicon.intent_threaten | {"threaten"}
                                      or lemma in self.lexicon.blocking_verbs)

    def _armed_strike(self, noun: Token) -> bool:
        """"air strikes", "missile strikes", "strikes on Kyiv": a protest noun that names an attack."""
        if self.lexicon.nouns.get(noun.lemma_.lower()) != "protest":
            return False
        if any(c.dep_ in ("compound", "amod") and c.lower_ in self.lexicon.armed_modifiers for c in noun.children):
            return True
        return any(c.dep_ == "prep" and c.lower_ == "on" and any(
            o.dep_ == "pobj" and o.i in self.actors.index for o in c.children) for c in noun.children)

    def _warns_of_peril(self, token: Token) -> bool:
        """"warned of famine", "warnings of a collapse": what is warned of happens to a party, no party does it."""
        return any(c.dep_ == "prep" and c.lower_ in ("of", "about") and any(
            o.dep_ == "pobj" and o.lemma_.lower() in self.lexicon.perils for o in c.children) for c in token.children)

    def _exit(self, verb: Token) -> bool:
        """Whether a verb leaves a deal or talks: "withdraw from", "pull out of", "quit"."""
        lemma = self.verb_lemma(verb)
        particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")]
        return lemma in self.lexicon.exit_verbs or any(f"{lemma} {p}" in self.lexicon.exit_verbs for p in particles)

    def _obliged(self, token: Token) -> bool:
        """Whether a verb is what someone must or should do ("the president must agree"), not what was done."""
        verb = token if token.pos_ in VERBAL else token.head
        return any(c.dep_ == "aux" and c.lower_ in self.lexicon.modal_cues for c in verb.children)

    def _absorb_protest_demands(self, events: list[Event]) -> list[Event]:
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
            goal_of_act = event.trigger.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in event.trigger.children) and any(
                o is not event and o.agent.actor == event.agent.actor and o.trigger.i == event.trigger.head.i
                and o.action in self.lexicon.material for o in events)
            if goal_of_act:
                continue  # "opened the bridge to allow deliveries": what the act is for, done by the act itself
            if framing is None:
                kept.append(event)
            elif event.action == "demand" and not framing.purpose:
                framing.purpose, framing.purpose_stance = list(event.trigger.subtree), "for"
        return kept

    def _describes_source(self, token: Token) -> bool:
        """Whether a word sits in the subject of a verb of saying: the description of who reports."""
        return any(ancestor.dep_ == "nsubj" and ancestor.head.lemma_.lower() in self.lexicon.speech
                   for ancestor in token.ancestors)

    def background(self, token: Token) -> bool:
        """Whether a word sits in a clause of time that tells what happened around the news ("after ...")."""
        for ancestor in [token, *token.ancestors]:
            if ancestor.dep_ in ("advcl", "prep", "pcomp") and any(
                    c.lower_ in BACKGROUND_MARKERS for c in [*ancestor.children, ancestor] if c.dep_ in ("mark", "prep")):
                return True
        return False

    def _hypothetical(self, token: Token) -> bool:
        """Whether a word sits in an if/unless/until clause ("will not release them until Israel ends the war":
        not yet, and maybe never)."""
        for ancestor in [token, *token.ancestors]:
            if ancestor.dep_ in ("advcl", "conj") and any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS
                                                for c in ancestor.children):
                return True
            if waited_for(ancestor):
                return True
        return False

    def _link_conditions(self, events: list[Event]) -> None:
        """"open to X, but insists on Y": a concession coordinated with a demand hinges on that demand."""
        for event in events:
            if event.condition or event.action not in ("yield", "agree", "propose", "support"):
                continue
            if not any(c.lower_ in ("but", "yet") for c in event.trigger.children):
                continue
            for other in events:
                verb = other.trigger if other.trigger.pos_ in VERBAL else other.trigger.head
                if (other.action in self.lexicon.condition_clause_actions and verb.dep_ == "conj"
                        and verb.head.i == event.trigger.i and other.agent.actor == event.agent.actor):
                    obj = other.trigger if other.trigger is not verb else next(
                        (c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")), verb)
                    event.condition = " ".join(t.text for t in obj.subtree).strip()
