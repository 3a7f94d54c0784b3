"""Triggers: which word names which action, read off the lexicon (verbs, phrasal verbs, objects that decide,
states like "on strike"), and the tests on a trigger's own phrase ("pulled out of the talks", "air strikes")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import syntax

if TYPE_CHECKING:
    from .state import EventState

ADVERB_PARTICLES = {"forward", "up", "down", "off", "back", "aside", "away"}  # "put forward", read as an adverb
MISTAGGED_DEPS = {"ROOT", "conj", "relcl", "ccomp", "advcl"}


def verb_lemma(state: EventState, token: Token) -> str | None:
    return verb_lemma_at(state, token.i)


def verb_lemma_at(state: EventState, i: int) -> str | None:
    """The verb lemma of the article's i-th word, if it is a verb, read off the word lists (no Token needed)."""
    words = state.actors.words
    if words.pos[i] in syntax.VERBAL:
        lemma = words.lemma[i]
        # the lemmatizer errs on some forms ("staged" → "stag"): the lexicon's own inflections decide then
        return lemma if lemma in state.lexicon.known_verbs else state.lexicon.lemma_of_form(words.lower[i]) or lemma
    if words.dep[i] in MISTAGGED_DEPS and words.pos[i] in ("NOUN", "PROPN", "ADJ"):
        return state.lexicon.lemma_of_form(words.lower[i])
    return None


def verb_action(state: EventState, token: Token, lemma: str) -> str | None:
    if any((lemma, c.lower_) in state.lexicon.idle_phrasal for c in token.children
           if c.dep_ in ("prt", "advmod", "acomp", "oprd")):
        return None  # "pressed ahead with enrichment", "pleaded guilty": not a demand
    if _leaves_talks(state, token, lemma):
        return "reject"  # "pulled out of the talks", "quit the deal": not a retreat from ground
    for child in (*token.children, *_clause_marks(token)):   # a clause mark's head is its clause, not the verb
        if child.dep_ not in ("prt", "prep", "dobj") and child.head.i == token.i and not (
                child.dep_ == "advmod" and child.i == token.i + 1 and child.lower_ in ADVERB_PARTICLES):
            continue  # the parser often reads a particle right after its verb as an adverb ("put forward")
        for word in (child.lower_, child.lemma_.lower()):  # "suspend tariffs" / "suspend tariff"
            if action := state.lexicon.phrasal.get((lemma, word)):
                # "hit back with artillery": a blow all the same (not "militants hit out at the mediators")
                blow = state.lexicon.verbs.get(lemma) == "assault" and armed_blow(state, token, parties=False,
                                                                                       by_subject=False)
                return "assault" if blow else action
    if lemma == "call":  # plain "call" names or describes; "call for"/"call on" demand
        return None
    if lemma == "talk" and any(c.dep_ in ("dobj", "prt") or c.dep_ == "prep" and c.lower_ not in ("with", "to")
                               for c in token.children):
        return None  # "talked about the quota", "talked up the deal": words, not talks; "still talking" are talks
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        # "sent 200 tonnes of rice", "moved tanks to the border", "launched joint patrols": the object decides
        things = {obj.lemma_.lower(), *(o.lemma_.lower() for p in obj.children if p.dep_ == "prep"
                                        and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")}
        for name, spec in state.lexicon.object_actions.items():
            if lemma in spec["verbs"] and things & spec["objects"]:
                return state.lexicon.object_action_names[name]
        if lemma in state.lexicon.light_verbs and obj.lemma_.lower() in state.lexicon.joint_acts and any(
                c.lower_ in ("joint", "combined") for c in obj.children):
            return "cooperate"
    for prep in (c for c in token.children if c.dep_ == "prep"):  # "went on strike", "put on alert"
        if (stated := state_phrase(state, prep)) and lemma not in state.lexicon.verbs:  # not "balloted on strikes"
            return stated
    purpose = token.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if state.lexicon.undoes(token) and not purpose and any(
            c.dep_ == "dobj" and c.lemma_.lower() in state.lexicon.burdens for c in token.children):
        return "yield"  # "suspended its port fees", "waived the duties": a burden on the other side eased
    action = state.lexicon.verbs.get(lemma)
    if lemma in state.lexicon.blow_verbs and armed_blow(state, token, parties=action == "protest"):
        return "assault"  # "struck rebel depots", "troops clashed with militants": an attack, not a walkout
    if action == "assault" and any(c.dep_ == "dobj" and c.lemma_.lower() in state.lexicon.spoken_targets
                                   for c in token.children) and not armed_blow(state, token, parties=False):
        return "criticize"  # "attacked the government's reforms": words against a policy, not a blow
    if action == "assault" and any(w.lemma_.lower() in state.lexicon.instrument_burdens
                                   for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
                                   for o in p.children if o.dep_ == "pobj" for w in syntax.with_of_objects(o)):
        return "sanction"  # "hit Beijing with new tariffs", "with round after round of levies": an economic blow
    return action


def _clause_marks(verb: Token) -> list[Token]:
    """A particle the parser hangs on the clause after the verb instead: "called for the quota to be raised"
    reads "for" as the mark of "raised"; it is the verb's own when it stands right after it (a clause's own
    mark, "time for Norway to vote", is not the verb's)."""
    return [m for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp")
            for m in c.children if m.dep_ == "mark" and m.i == verb.i + 1]


def descriptive(token: Token) -> bool:
    """Words that describe or set the scene rather than report: "the occupied parts", "territory not
    occupied by X", "when discussing guarantees", "while visiting Paris"."""
    if token.dep_ in ("amod", "compound") or (token.dep_ == "acl" and token.tag_ == "VBN"):
        return True
    if token.dep_ == "conj" and token.tag_ == "VBN" and token.head.dep_ == "acl" and token.head.tag_ == "VBN":
        return True  # "tariffs imposed or threatened by Sudavia": both participles describe the tariffs
    return token.tag_ == "VBG" and token.dep_ in ("advcl", "pcomp") and any(
        c.lower_ in syntax.BACKGROUND_MARKERS for c in token.children if c.dep_ in ("advmod", "mark"))


def _leaves_talks(state: EventState, verb: Token, lemma: str) -> bool:
    """"pulled out of the talks", "walked away from the deal", "quit the agreement": an exit verb whose object is
    a deal or talks (an exit from a town or a region stays a retreat)."""
    particles = [c for c in verb.children if c.dep_ == "prt" or c.dep_ in ("advmod", "prep") and c.i == verb.i + 1
                 and c.lower_ in ("out", "away")]  # the parser reads "out" of "pulled out of" as a preposition
    if state.lexicon.verbs.get(lemma) == "sanction":
        return False  # "suspended the talks" halts them (SANCTION, CAMEO 164)
    if lemma not in state.lexicon.exit_verbs and not any(
            f"{lemma} {p.lower_}" in state.lexicon.exit_verbs for p in particles):
        return False
    left = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in [*verb.children, *(g for c in particles for g in c.children)]
        if p.dep_ == "prep" and p.lower_ in ("of", "from") for o in p.children if o.dep_ == "pobj"]
    forums = state.lexicon.deal_nouns | state.lexicon.settlement_nouns | {
        n for n, action in state.lexicon.nouns.items() if action == "consult"}
    return any(o.lemma_.lower() in forums or o.lower_ in forums for o in left)


def state_phrase(state: EventState, prep: Token) -> str | None:
    """The action a preposition and its object name together ("on strike": protest), if any."""
    return next((stated for obj in prep.children if obj.dep_ == "pobj"
                 if (stated := state.lexicon.state_phrases.get(f"{prep.lower_} {obj.lemma_.lower()}"))), None)


def is_exit(state: EventState, verb: Token) -> bool:
    """Whether a verb leaves a deal or talks: "withdraw from", "pull out of", "quit"."""
    lemma = verb_lemma(state, verb)
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")]
    return lemma in state.lexicon.exit_verbs or any(f"{lemma} {p}" in state.lexicon.exit_verbs for p in particles)


def has_action(state: EventState, verb: Token) -> bool:
    """Whether a verb names an act of the lexicon itself ("withdraw", "lift the blockade")."""
    lemma = verb_lemma(state, verb)
    return lemma is not None and verb_action(state, verb, lemma) is not None


def acts(state: EventState, verb: Token) -> bool:
    """Whether a verb makes an event of its own (then its object noun is content, not an event)."""
    lemma = verb_lemma(state, verb)
    return lemma is not None and (has_action(state, verb) or lemma in state.lexicon.light_verbs
                                  or lemma in state.lexicon.answers or lemma in state.lexicon.speech
                                  or lemma in state.lexicon.copulas or lemma in state.lexicon.role_verbs)


def _readied_verb(state: EventState, cue: Token) -> tuple[Token, str] | tuple[None, None]:
    """The verb a readiness cue takes ("ready to strike") and its lemma, if the lexicon knows it."""
    verb = next((c for c in cue.children if c.dep_ == "xcomp"), None)
    lemma = verb_lemma(state, verb) if verb is not None else None
    return (verb, lemma) if lemma is not None else (None, None)


def readied_acts(cue: Token) -> list[Token]:
    """The acts a party says it is ready for, in order: the infinitive the cue takes and the infinitives that go on
    from it ("prepared to fight as long as it takes, to stay out on strike, to get X")."""
    acts, todo = [], [c for c in cue.children if c.dep_ == "xcomp"]
    while todo:
        verb = todo.pop(0)
        acts.append(verb)
        todo += [c for c in verb.children if c.dep_ in ("advcl", "conj", "xcomp") and c.pos_ in syntax.VERBAL
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return sorted(acts, key=lambda t: t.i)


def hostile(state: EventState, verb: Token) -> bool:
    """Whether a verb is a hostile act a party can hold out ("strike", "impose tariffs", "veto")."""
    lemma = verb_lemma(state, verb)
    return lemma is not None and (verb_action(state, verb, lemma) in state.lexicon.intent_threaten | {"threaten"}
                                  or lemma in state.lexicon.blocking_verbs)


def readied_hostility(state: EventState, cue: Token) -> bool:
    """Whether what a party is ready for ("ready to strike", "prepared to veto") is a hostile act held out; any of
    the acts it lists will do ("prepared to fight as long as necessary, to stay out on strike")."""
    return any(hostile(state, verb) for verb in readied_acts(cue))


def readied(state: EventState, cue: Token) -> str | None:
    """The act a party says it is ready for ("ready to resume talks": consult), if the lexicon knows it; meeting
    another's demands or conditions is a concession, not talks."""
    verb, lemma = _readied_verb(state, cue)
    if verb is None:
        return None
    objects = [o.lemma_.lower() for o in verb.children if o.dep_ == "dobj"]
    if any(state.lexicon.nouns.get(o) == "demand" for o in objects):
        return None   # "ready to meet Norway's demands"
    if lemma in state.lexicon.light_verbs:   # "ready to resume talks": the object names the act
        return next((state.lexicon.nouns.get(o) for o in objects), None)
    return verb_action(state, verb, lemma)


def armed_strike(state: EventState, noun: Token) -> bool:
    """"air strikes", "missile strikes", "strikes on Kyiv": a protest noun that names an attack."""
    if state.lexicon.nouns.get(noun.lemma_.lower()) != "protest":
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in state.lexicon.armed_modifiers for c in noun.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(
        o.dep_ == "pobj" and o.i in state.actors.index for o in c.children) for c in noun.children)


def armed_blow(state: EventState, verb: Token, parties: bool, by_subject: bool = True) -> bool:
    """Whether a verb that can name a blow ("strike", "clash", "fight") names one of arms: it hits a military thing
    ("struck rebel depots", "fought the militants"), a weapon or force does it ("missiles struck", "troops
    clashed"), or it is done with or against one ("struck a refinery with drones", "clashed with rebels"); with
    `parties`, a party hit counts too ("struck Kyiv": a protest takes no party for object); without `by_subject`
    an armed doer alone does not ("militants hit out at the mediators": words). "The union will strike", "struck
    over pay", "fought the plan" are no attack."""
    things = state.lexicon.armed_things | state.lexicon.armed_modifiers

    def armed(noun: Token) -> bool:   # "militants", or a thing made military by its modifier ("military targets")
        return noun.lemma_.lower() in things or any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in state.lexicon.armed_modifiers for c in noun.children)

    for child in verb.children:
        if child.dep_ == "dobj" and (parties and child.i in state.actors.index or armed(child)):
            return True
        if by_subject and child.dep_ == "nsubj" and child.lemma_.lower() in things:
            return True
        aimed = ("with", "against") if by_subject else ("with", "against", "at", "on")   # "hit back at its troops"
        if child.dep_ == "prep" and child.lower_ in aimed and any(
                o.dep_ == "pobj" and armed(o) for o in child.children):
            return True
    return False


def warns_of_peril(state: EventState, token: Token) -> bool:
    """"warned of famine", "warnings of a collapse": what is warned of happens to a party, no party does it."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "about") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in state.lexicon.perils for o in c.children) for c in token.children)


def held_firm(state: EventState, refusal: Token) -> Token | None:
    """"unwilling to move away from its demands", "refused to give up its claim": refusing to step back from a
    stance keeps it; the stance noun (a demand, an offer) the refusal's complement steps back from, if any."""
    for verb in (c for c in refusal.children
                 if c.dep_ == "xcomp" and syntax.steps_back(c, state.lexicon.retreat_phrases)):
        for thing in syntax.retreat_objects(verb):
            if state.lexicon.noun_stance(thing.lemma_.lower()) == "for":
                return thing
    return None
