"""Conditions: the clause on which a party's position hinges ("only if ...", "provided that ...", "unless ...")."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon

_LEAD = {"but", "and", ",", "—", "–", "-", "only", "yet", "however"}
CLAUSE_DEPS = {"advcl", "conj", "prep", "ccomp", "npadvmod", "advmod", "parataxis"}


def condition_text(token: Token, lexicon: Lexicon) -> tuple[str, list[Token]] | None:
    """The condition a clause attached to `token` sets, from its marker to the end of the clause (text, words)."""
    # "willing to reopen the ports as long as X": the condition may hang from the verb the cue takes
    verbs = [token, *(c for c in token.children if c.dep_ == "xcomp")]
    # "(ready to) back the plan provided that X", "back X on condition that Y": or from the object, as a modifier
    # ("agree to X on condition that Y": the object of its preposition)
    attached = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "prep")]
    objects = [o for c in attached for o in ([c] if c.dep_ == "dobj" else c.children) if o.dep_ in ("dobj", "pobj")]
    clauses = (g for o in objects for g in o.subtree if g.dep_ == "acl"
               and any(k.dep_ in ("ccomp", "pcomp", "advcl") for k in g.children))   # not "provided by X"
    phrases = (c for o in objects for c in o.children if c.dep_ == "prep")
    # "would only accept X as part of a deal": an "only" before the verb limits the phrase as one after it would
    only = "only " if any(c.lower_ == "only" and c.i < v.i for v in verbs for c in v.children) else ""
    for child in [*(c for v in verbs for c in v.children if c.dep_ in CLAUSE_DEPS), *clauses, *phrases]:
        if child.i < token.i:
            continue
        words = list(child.subtree)
        start = 0
        while start < len(words) and words[start].lower_ in _LEAD - {"only"}:
            start += 1
        rest = " ".join(w.lower_ for w in words[start:])
        rest = rest if rest.startswith("only ") else only + rest
        for marker in lexicon.conditions:
            if f"{rest} ".startswith((marker + " ", "only " + marker + " ")):   # "in its current form" ends it
                if marker == "until" and _a_time(words):
                    break   # "until midnight", "until next year": a time, not something that must happen first
                span = token.doc[words[start].i:words[-1].i + 1]
                return span.text.strip(" ,.;:—–"), list(span)
    return None


def _a_time(words: list[Token]) -> bool:
    """Whether an "until" phrase names a time ("until midnight", "until the end of the year", "until late") rather
    than an event that must come first ("until Iceland drops X", "until the withdrawal of Russian boats")."""
    if any(w.pos_ in ("VERB", "AUX") for w in words):
        return False
    return any(w.ent_type_ in ("DATE", "TIME") for w in words) or not any(w.pos_ in ("NOUN", "PROPN") for w in words)


def find_condition(tokens: list[Token | None], lexicon: Lexicon) -> tuple[str, list[Token]] | None:
    """The first condition attached to any of the given heads (the trigger, then its content clause)."""
    for token in tokens:
        found = condition_text(token, lexicon) if token is not None else None
        if found:
            return found
    return None
