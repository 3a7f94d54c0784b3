"""The action lexicon (data/lexicon/actions.yaml), loaded once and indexed for look-up by lemma or word form."""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from importlib import resources

import yaml


def inflections(verb: str) -> set[str]:
    """Regular English forms of a verb, so a trigger is found even where the tagger mislabels it."""
    forms = {verb}
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
        # "stopped"; British spelling doubles a final l too: "cancelled", "signalled", "backpedalled"
        if len(verb) > 2 and verb[-1] in "bdglmnprt" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


@dataclass(frozen=True)
class Lexicon:
    plover: dict[str, str]
    stance: dict[str, str]
    material: frozenset[str]
    verbs: dict[str, str]              # single-word verb lemma → action
    phrasal: dict[tuple[str, str], str]  # (verb lemma, particle or preposition) → action
    idle_phrasal: frozenset[tuple[str, str]]  # verb + particle that name no action ("press ahead")
    word_forms: dict[str, str]         # inflected form → verb lemma (for mis-tagged tokens)
    known_verbs: frozenset[str]        # every verb lemma the lexicon names
    speech: frozenset[str]
    nouns: dict[str, str]
    answers: dict[str, str]
    answers_to_demand: dict[str, str]
    modal_cues: dict[str, str]
    agentive_cues: dict[str, str]
    evaluative_cues: dict[str, str]
    noun_cues: dict[str, str]
    negation: dict[str, str]
    conditions: tuple[str, ...]
    condition_clause_actions: frozenset[str]
    hedges: frozenset[str]
    possibility_words: frozenset[str]  # "may reject", "is likely to reject": what might happen
    body_anaphora: frozenset[str]
    state_anaphora: frozenset[str]
    negative_roles: frozenset[str]
    light_verbs: frozenset[str]
    deal_verbs: frozenset[str]
    carrier_nouns: frozenset[str]
    deal_nouns: frozenset[str]
    role_verbs: frozenset[str]
    intent_markers: frozenset[str]
    goal_nouns: frozenset[str]
    condition_nouns: frozenset[str]
    retreat_phrases: frozenset[str]    # "give up", "move away": stepping back from a stance held
    commitment_verbs: frozenset[str]
    attitude_verbs: frozenset[str]
    opinion_verbs: frozenset[str]
    copulas: frozenset[str]
    refusal_nouns: frozenset[str]
    intent_agree: frozenset[str]
    scheduled_markers: frozenset[str]
    intent_threaten: frozenset[str]
    failure_verbs: frozenset[str]
    aiming_verbs: frozenset[str]
    harming_verbs: frozenset[str]
    authoring_verbs: frozenset[str]
    exit_verbs: frozenset[str]
    obstacle_nouns: frozenset[str]
    purpose_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    speech_objects: frozenset[str]
    hostile_nouns: frozenset[str]
    preparing_verbs: frozenset[str]
    gathering_verbs: frozenset[str]
    settlement_nouns: frozenset[str]
    openness_verbs: frozenset[str]
    undo_verbs: frozenset[str]
    undo_phrases: frozenset[str]       # "put on hold": a verb that sets aside with the words after it
    undo_nouns: dict[str, str]         # "scrapping" -> "scrap": the noun of an undoing act, with its verb
    object_actions: dict[str, dict[str, frozenset[str]]]   # name → verbs and objects
    object_action_names: dict[str, str]                    # name → the action (the name, unless it says)
    joint_acts: frozenset[str]
    burdens: frozenset[str]
    state_phrases: dict[str, str]
    agent_nouns: dict[str, str]        # "a critic of X": the party named by it criticizes X
    perils: frozenset[str]
    negative_qualities: frozenset[str]
    positive_qualities: frozenset[str]
    positive_roles: frozenset[str]
    armed_modifiers: frozenset[str]
    armed_things: frozenset[str]
    blow_verbs: frozenset[str]
    ordering_verbs: frozenset[str]
    withheld_words: frozenset[str]
    blocking_verbs: frozenset[str]
    contesting_verbs: frozenset[str]
    scope_verbs: frozenset[str]        # "X must apply to Y as well": X accepted only if it reaches Y too
    meeting_verbs: frozenset[str]      # "met Zambia": Zambia meets too
    agent_listing: frozenset[str]      # "critics, including X": X is a critic
    agent_former: frozenset[str]       # "a former critic": no longer one
    extension_words: frozenset[str]
    instrument_burdens: frozenset[str]
    spoken_targets: frozenset[str]     # things of words and policy: "attacked the reforms" criticizes
    ceasing_verbs: frozenset[str]
    open_when_negated: frozenset[str]
    raising_verbs: frozenset[str]      # "is reported to have met": the one reported acts
    joining_verbs: frozenset[str]      # "joined Iceland in calling for X": both call

    def lemma_of_form(self, word: str) -> str | None:
        return self.word_forms.get(word.lower())

    def verb_action(self, verb) -> str | None:
        """The action a verb names, with its particle if it has one ("rule out": reject, "call for": demand)."""
        lemma = verb.lemma_.lower()
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        return (self.phrasal.get((lemma, particle)) if particle else None) or self.verbs.get(lemma)

    def undoes(self, verb) -> bool:
        """Whether a verb ends or sets aside what it takes: by its lemma ("scrap", "shelve") or with its particle or
        prepositional phrase ("put its plans on hold", "set the demand aside")."""
        lemma = verb.lemma_.lower()
        if lemma in self.undo_verbs:
            return True
        if not any(phrase.startswith(f"{lemma} ") for phrase in self.undo_phrases):
            return False
        # the words after the verb in its own clause, wherever the parser hangs them ("put its plans for X on hold",
        # "put on hold its plans")
        words = [t.lower_ for t in words_after(verb)]
        after = {" ".join(words[i:i + 2]) for i in range(len(words))} | set(words)
        return any(f"{lemma} {tail}" in self.undo_phrases for tail in after)

    def noun_stance(self, lemma: str) -> str | None:
        """The stance of the action a noun names: "demand" and "offer" are for, "opposition" against."""
        return self.stance.get(self.nouns.get(lemma, ""))

    def hostile_thing(self, noun) -> bool:
        """Whether a noun (or one of its conjuncts) names a hostile act or a burden: "strikes", "a blockade",
        "new tariffs"; not ruling one out holds it out, a threat."""
        hostile = self.intent_threaten | {"assault", "threaten"}
        return noun is not None and any(o.lemma_.lower() in self.hostile_nouns | self.burdens
                                        or self.nouns.get(o.lemma_.lower()) in hostile
                                        for o in [noun, *noun.conjuncts])


def words_after(verb) -> list:
    """The words after a verb in its own clause (below it with no other verb between), in text order."""
    return [t for t in verb.subtree if t.i > verb.i and _in_clause(t, verb)]


def _in_clause(word, verb) -> bool:
    for above in word.ancestors:
        if above.i == verb.i:
            return True
        if above.pos_ in ("VERB", "AUX"):
            return False
    return False


@cache
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("parley").joinpath("data/lexicon/actions.yaml").read_text("utf-8"))
    verbs: dict[str, str] = {}
    phrasal: dict[tuple[str, str], str] = {}
    for action, triggers in raw["verbs"].items():
        for trigger in triggers:
            words = trigger.split()
            if len(words) == 1:
                verbs.setdefault(words[0], action)
            else:
                phrasal[(words[0], " ".join(words[1:]))] = action
    known = [*verbs, *(h for h, _ in phrasal), *raw["speech"], *raw["answers"], *raw["light_verbs"]]
    forms = {form: lemma for lemma in known for form in inflections(lemma)}
    nouns = {noun: action for action, items in raw["nouns"].items() for noun in items}
    # look-ups use lemmas: "talks" is found as "talk", "negotiations" as "negotiation"
    nouns.update({noun[:-1]: action for noun, action in list(nouns.items())
                  if noun.endswith("s") and not noun.endswith("ss") and noun[:-1] not in nouns})
    cues = raw["cues"]
    # Word lists and plain mappings come straight from the YAML key of the same name.
    lists = {name: frozenset(raw[name]) for name in _WORD_LISTS}
    mappings = {name: raw[name] for name in ("plover", "stance", "answers", "answers_to_demand", "negation",
                                             "state_phrases", "agent_nouns", "undo_nouns")}
    return Lexicon(
        verbs=verbs,
        phrasal=phrasal,
        idle_phrasal=frozenset(tuple(p.split(maxsplit=1)) for p in raw["idle_phrasal"]),
        word_forms=forms,
        known_verbs=frozenset(known),
        object_actions={name: {k: frozenset(v) for k, v in spec.items() if k != "action"}
                        for name, spec in raw["object_actions"].items()},
        object_action_names={name: spec.get("action", name) for name, spec in raw["object_actions"].items()},
        nouns=nouns,
        modal_cues=cues["modal"],
        agentive_cues=cues["agentive"],
        evaluative_cues=cues["evaluative"],
        noun_cues=cues["noun"],
        conditions=tuple(sorted(raw["conditions"], key=len, reverse=True)),
        goal_nouns=frozenset(w.split()[-1] for w in raw["goal_nouns"]),
        **lists,
        **mappings,
    )


_WORD_LISTS = tuple(f.name for f in fields(Lexicon) if f.type == "frozenset[str]"
                    and f.name not in ("goal_nouns", "known_verbs"))


@cache
def load_confidence() -> dict:
    """Confidence weights (data/lexicon/confidence.yaml): a base per rule and additive adjustments."""
    return yaml.safe_load(resources.files("parley").joinpath("data/lexicon/confidence.yaml").read_text("utf-8"))


@cache
def linking_words() -> dict[str, frozenset[str] | dict[str, str]]:
    """The issue linker's own word lists (data/lexicon/linking.yaml)."""
    raw = yaml.safe_load(resources.files("parley").joinpath("data/lexicon/linking.yaml").read_text("utf-8"))
    return {name: words if isinstance(words, dict) else frozenset(words) for name, words in raw.items()}


@cache
def reference_words() -> dict[str, frozenset[str]]:
    """Pronouns that refer back to a party or person (data/lexicon/references.yaml)."""
    raw = yaml.safe_load(resources.files("parley").joinpath("data/lexicon/references.yaml").read_text("utf-8"))
    return {name: frozenset(words) for name, words in raw.items()}
