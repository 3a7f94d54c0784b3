"""Several parties at once: coordinated phrases ("Norway and the EU"), "both sides", and the parties named
anywhere in some words."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..lexicon import reference_words
from . import coref
from .context import Agent

if TYPE_CHECKING:
    from .article import ArticleActors

SIDE_NOUNS = reference_words()["side_nouns"]  # "both sides", "the two governments"
KIND_NOUNS = reference_words()["kind_nouns"]  # "both companies", "the two firms": of exactly two parties named
PAIR_WORDS = reference_words()["pair_words"]
MEMBER_NOUNS = reference_words()["member_nouns"]   # "directors at both companies"
MEMBER_PREPOSITIONS = reference_words()["member_prepositions"]


def resolve_all(actors: ArticleActors, token: Token, in_quote: bool = False) -> list[Agent]:
    """A coordinated phrase yields one agent per conjunct: "Norway and the EU" → NOR, EU; "Hungarian and
    Romanian officials" → HUN, ROU."""
    agents: list[Agent] = both_sides(actors, token) or _members_of_both(actors, token) \
        or _group_referred(actors, token, in_quote)
    if agents:
        return agents

    def add(agent: Agent | None) -> None:
        if agent and all(a.actor != agent.actor for a in agents):
            agents.append(agent)

    for conjunct in [token, *_conjuncts(token)]:
        agent = coref.resolve(actors, conjunct, in_quote)
        add(agent)
        if agent is not None:  # "negotiators from Norway and Iceland": the named party's own conjuncts
            for named in conjunct.subtree:
                if named.i in actors.index and actors.index[named.i].actor == agent.actor and named.i != conjunct.i:
                    for other in _conjuncts(named):
                        if other.i in actors.index:
                            add(Agent(actors.index[other.i].actor))
        for modifier in conjunct.children:
            if modifier.dep_ in ("amod", "compound") and modifier.i in actors.index:
                for other in _conjuncts(modifier, any_pos=True):
                    if other.i in actors.index:
                        add(Agent(actors.index[other.i].actor))
    return agents


def _members_of_both(actors: ArticleActors, token: Token) -> list[Agent]:
    """"directors at both companies", "officials from the two sides": people who speak for a body, of both sides,
    speak for both (not "unions at both companies", nor "MPs from both parties" where "MPs" names a party)."""
    if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() not in MEMBER_NOUNS or token.i in actors.index:
        return []
    return next((agents for prep in token.children if prep.dep_ == "prep" and prep.lower_ in MEMBER_PREPOSITIONS
                 for pobj in prep.children if pobj.dep_ == "pobj" and (agents := both_sides(actors, pobj))), [])


def _group_referred(actors: ArticleActors, pronoun: Token, in_quote: bool) -> list[Agent]:
    """"they" after parties named together: a subject of several parties before it in the sentence ("Norway and
    Iceland said they would ..."), else the parties the last sentence named together as its subject ("Norway and
    Iceland met. They agreed ..."); not in a quotation, where "they" is the speaker's other side."""
    if pronoun.pos_ != "PRON" or pronoun.lower_ not in coref.PLURAL_PRONOUNS or in_quote or pronoun.i in actors.quoted:
        return []
    subject = next((c for a in pronoun.ancestors for c in a.children
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i), None)
    if subject is not None:   # "the Ukrainian delegation said they", "scientists said they", "the Faroes, who"
        group = resolve_all(actors, subject) if subject.pos_ != "PRON" else []
        return group if len(group) > 1 else []
    named = actors.ctx.last_group
    return [Agent(actor, via_pronoun=True) for actor in named[0]] if named and named[1] == actors.ctx.sentence - 1 \
        else []


def together(actors: ArticleActors, sent) -> tuple[str, ...]:
    """The parties a sentence names together as a subject ("Norway and Iceland met"), if several."""
    for token in sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ != "PRON":
            group = resolve_all(actors, token)
            if len(group) > 1:
                return tuple(a.actor for a in group)
    return ()


def both_sides(actors: ArticleActors, token: Token) -> list[Agent]:
    """"both sides", "the two sides", "the two governments": the two parties the article has named most so
    far (the later named first on a tie); of a dossier's parties when it names them, so a mediator named
    often is not a side. "both companies", "the two firms" only while it has named exactly two parties. Not a
    coordination ("both unions and management"), nor a phrase a party's name or another side noun qualifies
    ("two Labour leaders", "the two party leaders")."""
    lemma = token.lemma_.lower()
    if lemma not in SIDE_NOUNS | KIND_NOUNS or token.tag_ not in ("NNS", "NNPS"):
        return []
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod")}
    if not determiners & PAIR_WORDS or any(c.dep_ == "conj" for c in token.children):
        return []
    if any(c.dep_ in ("compound", "amod", "poss") and (c.i in actors.index or c.lemma_.lower() in SIDE_NOUNS)
           for c in token.children):
        return []
    if lemma in SIDE_NOUNS:
        return two_sides(actors, token.i)
    definite = bool(determiners & {"both", "the", "these", "those"})
    return two_sides(actors, token.i, exactly=True) if definite else []


def two_sides(actors: ArticleActors, before: int, exactly: bool = False) -> list[Agent]:
    """The two parties the article has named most before a word (see both_sides), or none (the later named first
    on a tie); with `exactly`, none unless it has named just two. A party named as a venue ("met in Doha") is not
    counted a side there."""
    counts: dict[str, int] = {}
    latest: dict[str, int] = {}
    parties = actors.gazetteer.parties
    for mention in {m for m in actors.index.values() if m.start < before and (not parties or m.actor in parties)}:
        if _venue(actors, mention):
            continue
        counts[mention.actor] = counts.get(mention.actor, 0) + 1
        latest[mention.actor] = max(latest.get(mention.actor, -1), mention.start)
    ranked = sorted(counts, key=lambda actor: (counts[actor], latest[actor]), reverse=True)
    return [Agent(actor) for actor in ranked[:2]] if len(ranked) == 2 or len(ranked) > 2 and not exactly else []


def _venue(actors: ArticleActors, mention) -> bool:
    """A name read as the place of a meeting: a capital or seat "in" or "at" which parties meet, or any name after
    "met in", "talks in" ("lashed out at Iceland" names a side)."""
    word = actors.doc[mention.end - 1]
    if word.dep_ != "pobj" or word.head.lower_ not in ("in", "at"):
        return False
    host = word.head.head
    lexicon = actors.finder.lexicon
    meeting = (lexicon.verbs.get(host.lemma_.lower()) if host.pos_ == "VERB" else lexicon.nouns.get(
        host.lemma_.lower())) == "consult"
    return meeting or mention.kind in ("capital", "seat")


def _conjuncts(token: Token, any_pos: bool = False) -> list[Token]:
    """The phrases coordinated with `token`, also those the model hangs from its apposition when a comma closes it
    ("his Israeli counterpart, Ariel Sharon, and the Palestinian leader": "leader" is a conjunct of "Sharon"; not
    "Hichilema, Zambia's president and the chair of the AU", a second description of the same man)."""
    found, frontier = [], [token]
    while frontier:
        current = frontier.pop()
        for child in current.children:
            if child.dep_ == "conj" and (any_pos or child.pos_ in ("PROPN", "NOUN", "PRON")) and (
                    current.dep_ != "appos" or _comma_before_and(current, child)):
                found.append(child)
                frontier.append(child)
            elif child.dep_ == "appos" and current.i == token.i:
                frontier.append(child)   # the same party named again: not a conjunct itself
    return found


def _comma_before_and(head: Token, conjunct: Token) -> bool:
    """Whether the "and" that joins `conjunct` to `head` follows a comma ("Sharon, and the leader")."""
    joins = [c for c in head.children if c.dep_ == "cc" and c.i < conjunct.i]
    return bool(joins) and joins[-1].i > 0 and head.doc[joins[-1].i - 1].text == ","


def mentioned_parties(actors: ArticleActors, tokens) -> list[str]:
    """Parties named anywhere in some tokens (for targets inside a clause), in order; a party named only as a
    modifier of a topic ("EU membership") is the topic, not a party to it."""
    seen: list[str] = []
    for token in tokens:
        if token.i not in actors.index and token.i not in actors.person_spans:
            continue
        agent = coref.resolve(actors, token)
        if agent and agent.actor not in seen and not (token.dep_ == "compound" and not _is_role(actors, token.head)):
            seen.append(agent.actor)
    return seen


def _is_role(actors: ArticleActors, token: Token) -> bool:
    return actors.finder.is_title(token) or actors.finder.is_group(token) or token.i in actors.index
