"""People: tie the people an article names to parties (dossier lists, titles, appositions, possessives,
the world list), and read a person's name off its span."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from . import coref, quotes, titles
from .context import FIRST_PERSON, GROUP_PRONOUNS, PERSON_PRONOUNS

if TYPE_CHECKING:
    from .article import ArticleActors

HONORIFICS = {"sir", "dame", "lord", "lady", "mr", "mrs", "ms", "dr", "prof", "sheikh", "sheik", "king", "queen",
              "prince", "princess", "emir", "sultan", "pope", "rev", "gen", "col", "lt", "sen", "rep", "gov"}
# Honorifics that, like a title, tell a family name alone is a public figure's: "King Hussein", "Pope Francis".
STYLE_TITLES = {"king", "queen", "prince", "princess", "emir", "sultan", "pope", "sheikh", "sheik", "gen", "col"}


def link_people(actors: ArticleActors, sent: Span) -> None:
    """Tie the people named in a sentence to parties, from dossier lists, titles, appositions, possessives."""
    for span in _person_candidates(actors, sent):
        for i in range(span.start, span.end):
            actors.person_spans[i] = span
        name = clean_name(actors, span)
        if not name:
            continue
        known = actors.ctx.person(name)
        if known and len(name.split()) <= len(known.split()):
            continue
        actor = actors.gazetteer.person_party(name)
        title = None
        if actor is None:
            actor, title = _party_from_context(actors, span)
            if actor is None:  # the world list is the last resort
                actor = actors.gazetteer.world_person_party(name, titled=_titled(actors, span))
            if actor is None:  # "Museveni" after "Yoweri Museveni" in a sentence not parsed
                full = _named_before(actors, span, name)
                if full is not None:
                    name, actor = full
        elif known is None:
            _, title = _party_from_context(actors, span)
        if actor:
            actors.ctx.add_person(name, actor, title)


def _named_before(actors: ArticleActors, span: Span | Token, name: str) -> tuple[str, str] | None:
    """The world person (full name, party) whose family name `name` is, if the article named them in full
    before `span`."""
    first = span.i if isinstance(span, Token) else span.start
    for start, end, actor in actors.named_in_full:
        full = actors.doc[start:end].text
        if end <= first and actors.gazetteer.world_family_of(full, name):
            return full, actor
    return None


def _titled(actors: ArticleActors, span: Span) -> bool:
    """Whether a capitalised title stands right before the name ("President Bush", "Prime Minister Rabin"), in
    its span or before it."""
    first = next((t for t in span if not actors.finder.is_title(t) and t.lower_ not in HONORIFICS), span[0])
    before = actors.doc[first.i - 1] if first.i > 0 else None
    return before is not None and before.text[:1].isupper() and (
        actors.finder.is_title(before) or before.lower_.rstrip(".") in STYLE_TITLES)


def clean_name(actors: ArticleActors, span: Span) -> str:
    """A person's name as the text gives it, without a leading title ("Minister", "Sir") or editorial
    brackets ("[Vladimir] Putin")."""
    tokens = [t for t in span if t.text not in ("’s", "'s")]
    while len(tokens) > 1 and (tokens[0].lower_ in actors.finder.title_heads or tokens[0].lower_ in HONORIFICS
                               or tokens[0].lower_.rstrip(".") in HONORIFICS):
        tokens.pop(0)
    # the text's own spacing: "Jean-Claude" stays one word
    text = "".join(t.text.strip("[]") + (t.whitespace_ and " ") for t in tokens)
    return " ".join(text.split())


def _person_candidates(actors: ArticleActors, sent: Span) -> list[Span]:
    spans = [ent for ent in actors.people_ents if sent.start <= ent.start and ent.end <= sent.end
             and not _is_party_name(actors, ent)]
    covered = {i for s in spans for i in range(s.start, s.end)}
    # Names the tagger mislabels ("Vatne" as ORG) still count once the article has introduced them, and a
    # proper-noun run right after a title is a name ("President Ana Costa").
    for i in range(sent.start, sent.end):
        if i in covered or actors.words.pos[i] != "PROPN" or i in actors.index:
            continue
        token = actors.doc[i]
        previous = actors.doc[token.i - 1] if token.i > sent.start else None
        after_title = previous is not None and actors.finder.is_title(previous) and previous.text[:1].isupper()
        # "Rebeca Grynspan, head of the UN's trade agency": a name with a title in apposition, whatever the
        # tagger called it (after a quotation mark it guesses a work of art)
        titled = any(c.dep_ == "appos" and actors.finder.is_title(c) for c in token.children) and \
            any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
        if (actors.ctx.person(token.text) or after_title or titled or actors.gazetteer.person_party(token.text)
                or actors.gazetteer.world_person_party(token.text) or _named_before(actors, token, token.text)):
            start = token.i
            while (start > sent.start and start - 1 not in covered and actors.doc[start - 1].pos_ == "PROPN"
                   and actors.doc[start - 1].is_title and start - 1 not in actors.index
                   and not actors.finder.is_title(actors.doc[start - 1])):
                start -= 1
            end = token.i + 1
            while end < sent.end and actors.doc[end].pos_ == "PROPN" and end not in actors.index:
                end += 1
            span = actors.doc[start:end]
            if all(t.is_title or t.text.isupper() for t in span):
                spans.append(span)
                covered.update(range(span.start, span.end))
    return spans


def _is_party_name(actors: ArticleActors, ent: Span) -> bool:
    return all(i in actors.index for i in range(ent.start, ent.end))


def _party_from_context(actors: ArticleActors, span: Span) -> tuple[str | None, str | None]:
    """The party a person's own noun phrase names: "Icelandic Minister Jon Arason", "Vatne, Norway's minister"."""
    head = span.root
    title = None
    # Words before the name in its own noun phrase: "Norwegian deputy fisheries minister Per Lunde".
    left = [t for t in head.subtree if t.i < span.start and t.dep_ not in ("appos", "relcl", "acl", "prep")]
    for token in reversed(left):
        title = title or actors.finder.title_of(token)
    for token in reversed(left):
        actor = modifier_party(actors, token)
        if actor:
            return actor, title
    # Apposition either way: "the Norwegian Fisheries Minister, Ingrid Vatne" / "Vatne, Norway's fisheries minister".
    others = [head.head] if head.dep_ == "appos" else []
    others += [c for c in head.children if c.dep_ == "appos"]
    for other in others:
        title = title or actors.finder.title_of(other)
        agent = titles.title_phrase_party(actors, other, depth=0)
        if agent:
            return agent, title
    # "Iceland's Arason"
    for child in head.children:
        if child.dep_ == "poss":
            agent = modifier_party(actors, child)
            if agent:
                return agent, title
    return None, title


def modifier_party(actors: ArticleActors, token: Token) -> str | None:
    mention = actors.index.get(token.i)
    if mention:
        return mention.actor
    if token.lower_ in FIRST_PERSON and token.i in actors.quoted:
        speaker = quotes.quote_attribution(actors, token) or actors.ctx.quote_speaker
        return speaker.actor if speaker else None
    if token.pos_ == "PRON" and token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        agent = coref.resolve(actors, token)  # "its delegates", "his government"
        return agent.actor if agent else None
    full = actors.ctx.person(token.text) if token.pos_ == "PROPN" else None
    return actors.ctx.people[full] if full else None


def appositive_person(actors: ArticleActors, token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "appos":
            full = actors.ctx.person(child.text) or (
                actors.ctx.person(clean_name(actors, actors.person_spans[child.i]))
                if child.i in actors.person_spans else None)
            if full:
                return full
    return None
