"""Reference: the party a noun phrase stands for, directly or through a pronoun ("it", "they", "we" in a
quotation), "the bloc", "the country" or a person named before."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import people, quotes, titles
from .context import (CLOSE_NOUNS, FIRST_PERSON, GROUP_PRONOUNS, MODIFIER_DEPS, PERSON_PRONOUNS, REPRESENTING_NOUNS,
                      REPRESENTING_VERBS, Agent)

if TYPE_CHECKING:
    from .article import ArticleActors

PLURAL_PRONOUNS = {"they", "them", "their"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}


def resolve(actors: ArticleActors, token: Token, in_quote: bool | None = None) -> Agent | None:
    """The party (and speaker) a noun phrase headed by `token` stands for, or None."""
    if token.i in actors.resolving:
        return None
    actors.resolving.add(token.i)
    try:
        return _other_than_the_speaker(actors, token, _resolve(actors, token, in_quote), in_quote)
    finally:
        actors.resolving.discard(token.i)


def _other_than_the_speaker(actors: ArticleActors, token: Token, found: Agent | None,
                            in_quote: bool | None) -> Agent | None:
    """"This was made clear when they made their offer," the union said: a quoted party says "we" of itself, so
    "they" in its words is another party: the last one talked about that is not the speaker (or no one known)."""
    quoted = token.i in actors.quoted if in_quote is None else in_quote
    if found is None or not quoted or token.lower_ not in PLURAL_PRONOUNS:
        return found
    speaker = quotes.quote_attribution(actors, token) or actors.ctx.quote_speaker
    if speaker is None or speaker.actor != found.actor:
        return found
    other = next((a for a in (actors.ctx.last_actor, actors.ctx.other_actor) if a and a != speaker.actor), None)
    return Agent(other, via_pronoun=True) if other else None


def _resolve(actors: ArticleActors, token: Token, in_quote: bool | None) -> Agent | None:
    # "US" is a party, "us" a pronoun: only lower-case words or pronoun tags are read as pronouns.
    lower = token.lower_ if token.pos_ == "PRON" or token.text.islower() else token.text
    in_quote = token.i in actors.quoted if in_quote is None else in_quote
    if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return resolve(actors, token.head.head, in_quote)
    if lower in FIRST_PERSON:
        return (quotes.quote_attribution(actors, token) or actors.ctx.quote_speaker) if in_quote else None
    close = _close_to(token)
    if close is not None:
        return resolve(actors, close, in_quote)   # "sources close to Valmora": Valmora's own people
    represented = _represented(actors, token)
    if represented is not None:
        return represented
    if lower == "it" and _extraposed(actors, token):
        return None   # "it would be a mistake to reject X": "it" stands for the clause, not a party
    if lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
        local = _antecedent_in_sentence(actors, token, person=lower in PERSON_PRONOUNS)
        if local:  # "Iraq said it would ...": as sure as naming the party
            return Agent(local.actor, local.speaker)
    recent = actors.ctx.sentences_since_actor <= 2
    if lower in PERSON_PRONOUNS:
        person = actors.ctx.last_person
        return Agent(actors.ctx.people[person], person, via_pronoun=True) if person and recent else None
    if lower in GROUP_PRONOUNS:
        plural = actors.ctx.last_plural
        if lower in PLURAL_PRONOUNS and plural and plural[1] >= actors.ctx.sentence - 1:
            return Agent(plural[0], via_pronoun=True)  # "... with the Greeks. They ..."
        return Agent(actors.ctx.last_actor, via_pronoun=True) if actors.ctx.last_actor and recent else None
    span = actors.person_spans.get(token.i)
    if span is not None and token.i not in actors.index:   # a party's name the model read as a person's is the party
        full = actors.ctx.person(people.clean_name(actors, span))
        return Agent(actors.ctx.people[full], full) if full else None
    full = actors.ctx.person(token.text) if token.pos_ == "PROPN" else None
    if full:
        return Agent(actors.ctx.people[full], full)
    mention = actors.index.get(token.i)
    if mention:
        if mention.kind == "demonym" and token.dep_ in MODIFIER_DEPS:
            return None  # "Norwegian waters": a modifier, not a party
        return Agent(mention.actor)
    if token.pos_ == "NOUN" and actors.finder.lexicon.nouns.get(token.lemma_.lower()) == "consult":
        return None  # "the Vienna talks", "the Geneva summit": a meeting named for its venue is no party
    leader = titles.leader_of(actors, token)
    if leader:
        return Agent(leader)
    named = titles.named_by_head(actors, token)
    if named:
        return Agent(named)
    if token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children):
        own = titles.title_phrase_party(actors, token, 0) if any(
            c.dep_ in MODIFIER_DEPS for c in token.children) else None
        if own:  # "the Saudi coalition", "the Iranian state": a party of its own words, not a reference
            return Agent(own, people.appositive_person(actors, token))
        if lower in actors.finder.lexicon.body_anaphora:
            body = _referent_before(actors, token, bodies=True) or actors.ctx.last_body
            return Agent(body) if body else None
        if lower in actors.finder.lexicon.state_anaphora:
            state = _referent_before(actors, token, bodies=False) or actors.ctx.last_actor
            return Agent(state, via_pronoun=True) if state else None
    if actors.finder.is_title(token) or actors.finder.is_group(token) or token.pos_ in ("NOUN", "PROPN"):
        actor = titles.title_phrase_party(actors, token, 0)
        if actor:
            return Agent(actor, people.appositive_person(actors, token))
        title = actors.finder.title_of(token)
        if title and title.lower() in actors.ctx.titles:
            name = actors.ctx.titles[title.lower()]
            return Agent(actors.ctx.people[name], name)
        person = people.appositive_person(actors, token)
        if person:
            return Agent(actors.ctx.people[person], person)
        recalled = titles.recalled_head(actors, token)
        if recalled:
            return Agent(recalled, via_pronoun=True)
    return None


def _close_to(token: Token) -> Token | None:
    """The party people are "close to" ("sources close to the board", "people close to Orsund"): they speak for
    it."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in CLOSE_NOUNS:
        return None   # not "villages close to Norway"
    return next((o for a in token.children if a.dep_ == "amod" and a.lower_ == "close" for p in a.children
                 if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"), None)


def _represented(actors: ArticleActors, token: Token) -> Agent | None:
    """A body or its counsel speaks for the party it represents, when the object of "representing" is itself
    that party's name ("a union representing 5,200 flight attendants", "lawyers representing Yukos"); not a
    phrase a party only qualifies ("lawyers representing US Airways employees" are the employees'), nor a noun
    that is a party's name itself (its own party wins)."""
    if token.pos_ != "NOUN" or token.i in actors.index or token.lemma_.lower() not in REPRESENTING_NOUNS:
        return None
    return next((Agent(actors.index[o.i].actor) for a in token.children if a.dep_ == "acl"
                 and a.lemma_.lower() in REPRESENTING_VERBS for o in a.children
                 if o.dep_ == "dobj" and o.i in actors.index), None)


def _extraposed(actors: ArticleActors, pronoun: Token) -> bool:
    """"It" as the stand-in subject of a judgement whose clause follows: "it would be unacceptable to reject X",
    "it was a mistake to sign", "it is vital that Y agrees" (not "it was ready to sign": the party is ready)."""
    verb = pronoun.head
    lexicon = actors.finder.lexicon
    if pronoun.dep_ != "nsubj" or verb.lemma_.lower() not in lexicon.copulas:
        return False
    extraposed = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)   # the clause hangs from the copula
    for judged in (c for c in verb.children if c.dep_ in ("acomp", "attr")):
        if extraposed and judged.pos_ in ("ADJ", "NOUN"):
            return True
        if judged.lower_ in lexicon.evaluative_cues and any(k.dep_ in ("xcomp", "ccomp") for k in judged.children):
            return True   # "unacceptable to reject X": the clause hangs from the judgement
        if judged.pos_ == "NOUN" and any(k.dep_ == "acl" and any(a.lower_ == "to" for a in k.children)
                                         for k in judged.children):
            return True   # "a mistake to sign"
    return False


def _antecedent_in_sentence(actors: ArticleActors, pronoun: Token, person: bool) -> Agent | None:
    """"Syria says it is willing", "Vatne said she would": the subject of a governing verb before the pronoun.
    "They" agrees in number: a plural subject first, then the nearest plural party before it ("the IMF was
    furious with the Greeks, insisting that they ..."), and only then a singular subject."""
    plural = not person and pronoun.lower_ in PLURAL_PRONOUNS
    subjects = [child for ancestor in pronoun.ancestors for child in ancestor.children
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < pronoun.i and child.pos_ != "PRON"]
    if plural:
        for child in subjects:
            agent = resolve(actors, child) if is_plural(actors, child) else None
            if agent and agent.speaker is None:
                return agent
        for token in reversed(actors.doc[pronoun.sent.start:pronoun.i]):
            if is_plural(actors, token) and token.dep_ not in MODIFIER_DEPS and token.pos_ in ("NOUN", "PROPN"):
                agent = resolve(actors, token)
                if agent and agent.speaker is None:
                    return agent
    for child in subjects:
        agent = resolve(actors, child)
        if agent and (agent.speaker is not None) == person:
            return agent
    return None


def is_plural(actors: ArticleActors, token: Token) -> bool:
    """"Greeks", "officials"; and a people by its demonym, which may not change in the plural: "the Portuguese"."""
    if token.tag_ in ("NNS", "NNPS"):
        return True
    mention = actors.index.get(token.i)
    return (mention is not None and mention.kind == "demonym" and token.dep_ not in MODIFIER_DEPS
            and any(c.lower_ == "the" for c in token.children))


def _referent_before(actors: ArticleActors, token: Token, bodies: bool) -> str | None:
    """The nearest body ("the EU ... the bloc") or state ("Iran's minister ... the country") named earlier in
    the same sentence."""
    for i in range(token.i - 1, token.sent.start - 1, -1):
        mention = actors.index.get(i)
        if mention and is_body(actors, mention.actor) == bodies:
            return mention.actor
    return None


def is_state(actors: ArticleActors, actor_id: str) -> bool:
    actor = actors.gazetteer.actor(actor_id)
    return actor is not None and actor.kind == "state"


def is_body(actors: ArticleActors, actor_id: str) -> bool:
    actor = actors.gazetteer.actor(actor_id)
    return actor is not None and actor.kind in ("igo", "ngo")
