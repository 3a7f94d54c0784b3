"""Memory: after each sentence, who it was about, for pronouns, "the bloc" and "the ministers" in the next ones."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from . import coref, groups, titles
from .context import MODIFIER_DEPS, Agent

if TYPE_CHECKING:
    from .article import ArticleActors



def remember(actors: ArticleActors, sent: Span, subjects: list[Agent]) -> None:
    """After a sentence: who it was about, for pronouns and "the bloc" in the next one."""
    actors.ctx.sentences_since_actor += 1
    for i in range(sent.start, sent.end):
        mention = actors.index.get(i)
        if mention and coref.is_body(actors, mention.actor):
            actors.ctx.last_body = mention.actor
    for agent in subjects:
        actors.ctx.about(agent.actor)
        if agent.speaker:
            actors.ctx.last_person = agent.speaker
    if not subjects and not actors.words.tagged(sent):
        # not parsed: a sentence that opens with a party's name is most likely about it ("Vietnam has long ...")
        first = next((t for t in sent if not t.is_punct and not t.is_space and t.lower_ != "the"), None)
        mention = actors.index.get(first.i) if first is not None else None
        if mention and mention.start == first.i and mention.kind in ("name", "alias", "capital", "seat"):
            actors.ctx.about(mention.actor)
    elif not subjects:
        for i in range(sent.start, sent.end):
            if actors.words.dep[i] in ("nsubj", "nsubjpass"):
                agent = coref.resolve(actors, actors.doc[i])
                if agent:
                    actors.ctx.about(agent.actor)
                    if agent.speaker:
                        actors.ctx.last_person = agent.speaker
                    break
    _remember_heads(actors, sent)
    named = groups.together(actors, sent) if actors.words.tagged(sent) else ()
    actors.ctx.last_group = (named, actors.ctx.sentence) if named else None
    actors.ctx.sentence += 1


def _remember_heads(actors: ArticleActors, sent: Span) -> None:
    """The states a sentence named, and the party each title or group phrase of it named, by head noun."""
    actors.ctx.states = [(actor, n) for actor, n in actors.ctx.states if actors.ctx.sentence - n <= 2]
    for i in range(sent.start, sent.end):
        mention = actors.index.get(i)
        if mention and coref.is_state(actors, mention.actor):
            actors.ctx.states.append((mention.actor, actors.ctx.sentence))
        if actors.words.pos[i] not in ("NOUN", "PROPN"):
            continue
        token = actors.doc[i]
        if actors.words.pos[i] == "NOUN" and (actors.finder.is_title(token) or actors.finder.is_group(token)):
            actor = titles.title_phrase_party(actors, token, 0)
            if actor:
                actors.ctx.heads[titles.head_key(actors.words.lower[i])] = (actor, actors.ctx.sentence)
        if actors.words.dep[i] not in MODIFIER_DEPS and coref.is_plural(actors, token):
            agent = coref.resolve(actors, token)
            if agent and agent.speaker is None:
                actors.ctx.last_plural = (agent.actor, actors.ctx.sentence)
    if actors.words.tagged(sent):
        return
    # not parsed: "EU trade ministers", "Iran's delegation", read word by word
    # the sentence's mentions, each once, in text order
    for mention in dict.fromkeys(m for i in range(sent.start, sent.end) if (m := actors.index.get(i))):
        j = mention.end + (mention.end < sent.end and actors.doc[mention.end].lower_ in ("'s", "’s"))
        words = [t.lower_ for t in actors.doc[j:min(j + 2, sent.end)]]
        if words and titles.head_word(actors, words[0]):
            actors.ctx.heads[titles.head_key(words[0])] = (mention.actor, actors.ctx.sentence)
        elif len(words) == 2 and titles.head_word(actors, words[1]) and (
                f"{words[0]} {titles.head_key(words[1])}" in actors.finder.titles
                or f"{words[0]} {words[1]}" in actors.finder.groups):
            actors.ctx.heads[titles.head_key(words[1])] = (mention.actor, actors.ctx.sentence)
