"""Titles and groups: the party a title or group phrase names ("Norwegian officials", "the head of the
Norwegian delegation", "the Saudi-led coalition"), and the head nouns ("the ministers", "the guild") that recall it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import coref, people
from .context import COUNTERPART_NOUNS, MODIFIER_DEPS
from .finder import LEADER_KIND

if TYPE_CHECKING:
    from .article import ArticleActors

HEAD_REACH = 3  # sentences back that "the ministers" reaches for the phrase that named their party
QUANTITY_HEADS = {"thousands", "hundreds", "dozens", "scores", "millions", "some", "many", "group", "groups",
                  "members", "member", "supporters", "representatives", "delegates", "number", "crowd", "crowds"}
# "Saudi-led coalition": the leader acts; not so "Russia-backed separatists", "UN-supported forces".
LED = frozenset({"led"})
ALLEGIANCE = {"loyal": "to", "affiliated": "with", "belonging": "to"}  # not "allied with": an ally is not the party
HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})


def title_phrase_party(actors: ArticleActors, token: Token, depth: int) -> str | None:
    """A party named inside a title or group phrase: its modifiers, possessor or "of" object."""
    if depth > 3:
        return None
    mention = actors.index.get(token.i)
    if mention and (mention.kind != "demonym" or token.dep_ not in MODIFIER_DEPS):
        return mention.actor
    leader = leader_of(actors, token)
    if leader:
        return leader
    place_ok = actors.finder.is_group(token) or actors.finder.is_title(token) or token.lower_ in QUANTITY_HEADS
    for child in token.children:
        if child.dep_ == "prep" and place_ok and child.lower_ in ("in", "throughout", "across"):
            # "opposition parties in Nepal", "thousands of students throughout Indonesia"
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in actors.index and actors.index[obj.i].kind in ("name", "alias"):
                    return actors.index[obj.i].actor
        if place_ok and child.lower_ in ALLEGIANCE and child.dep_ in ("amod", "acl"):
            # "forces loyal to Assad", "workers affiliated with the Serbian union": whom they answer to
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == ALLEGIANCE[child.lower_]:
                    for obj in prep.children:
                        actor = title_phrase_party(actors, obj, depth + 1) if obj.dep_ == "pobj" else None
                        actor = actor or (people.modifier_party(actors, obj) if obj.dep_ == "pobj" else None)
                        if actor:
                            return actor
        if child.dep_ in MODIFIER_DEPS or child.dep_ == "appos":
            if _bound_by_hyphen(actors, child):
                continue  # "Russia-backed separatists" are not Russia
            if child.dep_ == "poss" and token.lemma_.lower() in COUNTERPART_NOUNS:
                continue  # "his Spanish counterpart": whose counterpart, not whose party
            actor = people.modifier_party(actors, child)
            if actor:
                return actor
            if actors.finder.is_title(child) or actors.finder.is_group(child) or child.dep_ == "compound":
                actor = title_phrase_party(actors, child, depth + 1)  # "the Palestinian Islamic Jihad movement"
                if actor:
                    return actor
        elif child.dep_ == "prep" and (child.lower_ == "from" or (place_ok and child.lower_ in ("of", "for", "at"))):
            # "doctors from American groups", "the head of the Norwegian delegation"; not "the heart of Britain"
            for obj in child.children:
                if obj.dep_ == "pobj":
                    actor = title_phrase_party(actors, obj, depth + 1)
                    if actor:
                        return actor
    return None


def leader_of(actors: ArticleActors, token: Token) -> str | None:
    """The party that leads what a noun names: "the Saudi-led coalition", "U.S.-led forces", "a force led by
    Nigeria"."""
    for child in token.children:
        mention = actors.index.get(child.i)
        if mention and mention.kind == LEADER_KIND:
            return mention.actor
        if child.lower_ not in LED or child.dep_ not in ("amod", "compound", "acl", "nmod"):
            continue
        before = child.i - 2
        if before >= 0 and actors.doc[child.i - 1].text in HYPHENS and before in actors.index:
            return actors.index[before].actor  # "Saudi - led", whatever the parser made of the hyphen
        for word in child.children:
            if word.dep_ == "agent" and child.dep_ == "acl":
                for obj in word.children:
                    agent = coref.resolve(actors, obj) if obj.dep_ == "pobj" else None
                    if agent:
                        return agent.actor
    return None


def named_by_head(actors: ArticleActors, token: Token) -> str | None:
    """"The guild" alone: the party named so far whose own name has that word ("Writers Guild of America"),
    the one named most often, then the latest; a word no party's name has is left to the other readings."""
    if (token.lower_ not in actors.gazetteer.name_heads or token.tag_ not in ("NN", "NNP")
            or [c.lower_ for c in token.children if c.dep_ in ("det", *MODIFIER_DEPS)] != ["the"]):
        return None
    candidates = actors.gazetteer.named_with(token.lower_)
    counts: dict[str, int] = {}
    latest: dict[str, int] = {}
    for mention in actors.names:
        if mention.start >= token.i:
            break
        if mention.actor in candidates:
            counts[mention.actor] = counts.get(mention.actor, 0) + 1
            latest[mention.actor] = mention.start
    if not counts:
        return None
    return max(counts, key=lambda actor: (counts[actor], latest[actor]))


def _bound_by_hyphen(actors: ArticleActors, token: Token) -> bool:
    """A party word hyphened to a participle other than "led": "Russia-backed", "Iranian-funded"."""
    doc = actors.doc
    return (token.i + 2 < len(doc) and doc[token.i + 1].text in HYPHENS and not doc[token.i + 1].whitespace_
            and doc[token.i + 2].lower_ not in LED and doc[token.i + 2].tag_ in ("VBN", "VBD", "JJ"))


def recalled_head(actors: ArticleActors, token: Token) -> str | None:
    """"The ministers", "the delegation", "the government" alone: the party that the last phrase with that head
    noun named ("EU trade ministers"), a few sentences back at most; "the government" failing that is the
    one state named in this sentence or the last two, if only one was."""
    if not (actors.finder.is_title(token) or actors.finder.is_group(token)):
        return None
    if [c.lower_ for c in token.children if c.dep_ in ("det", *MODIFIER_DEPS)] != ["the"]:
        return None
    head = head_key(token.lower_)
    found = actors.ctx.heads.get(head)
    if found and actors.ctx.sentence - found[1] <= HEAD_REACH:
        return found[0]
    if head == "government":
        states = {actor for actor, n in actors.ctx.states if actors.ctx.sentence - n <= 2}
        states |= {m.actor for i in range(token.sent.start, token.i) if (m := actors.index.get(i))
                   and coref.is_state(actors, m.actor)}
        if len(states) == 1:
            return states.pop()
    return None


def head_word(actors: ArticleActors, word: str) -> bool:
    return (head_key(word) in actors.finder.title_heads or word in actors.finder.groups
            or head_key(word) in actors.finder.groups)



def head_key(word: str) -> str:
    """One key for a head noun in the singular and the plural: "ministers", "minister" → "minister";
    "authorities" → "authority"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
