"""Quotations: who speaks a quotation, by a named speaker outside its marks."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import coref
from .context import Agent

if TYPE_CHECKING:
    from .article import ArticleActors

ATTRIBUTION = 14  # words at most in an attribution outside a quotation: "Hezbollah leader Naim Qassem said on Sunday"


def quote_attribution(actors: ArticleActors, token: Token) -> Agent | None:
    """Who speaks the quotation that `token` is in, by a named speaker outside its marks: right after it
    ("...," Qassem said.), or, for a quotation that follows another, the speaker named between the two
    ("...," Qassem said. "We ...") or before a colon ("Qassem said on Monday: "We ..."). A pronoun
    ("he said") names no one here: who "he" is depends on where the reader is."""
    if token.i not in actors.quoted:
        return None
    start = end = token.i
    while start - 1 in actors.quoted:
        start -= 1
    while end + 1 in actors.quoted:
        end += 1
    after = _outside_quote(actors, end + 1, 1)
    first = next((t for t in after if not t.is_punct and not t.is_space), None)
    # '..., Qassem said' or the same sentence: not a new sentence after a full stop, which may be anyone's
    joined = first is not None and (first.sent.start == actors.doc[end].sent.start
                                    or any(t.text == "," for t in actors.doc[end:first.i]))
    found = _named_speaker(actors, after) if joined else None
    if found:
        return found
    before = _outside_quote(actors, start - 1, -1)
    words = [t for t in before if not t.is_punct]
    sandwiched = before and before[0].i - 1 in actors.quoted or any(t.text == ":" for t in before[-3:])
    return _named_speaker(actors, before) if words and sandwiched else None


def _outside_quote(actors: ArticleActors, i: int, step: int) -> list[Token]:
    """The tokens from `i` on (step 1) or back (step -1), in text order, up to the next quotation, at most
    ATTRIBUTION words, within one sentence."""
    found: list[Token] = []
    sent = None
    while 0 <= i < len(actors.doc) and i not in actors.quoted and len(found) < ATTRIBUTION:
        token = actors.doc[i]
        if not token.is_punct and not token.is_space:
            if sent is None:
                sent = token.sent.start
            elif token.sent.start != sent:
                break
        found.append(token)
        i += step
    if len(found) == ATTRIBUTION:
        return []
    return sorted(found, key=lambda t: t.i)


def _named_speaker(actors: ArticleActors, tokens: list[Token]) -> Agent | None:
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in actors.finder.lexicon.speech:
            continue
        for child in token.children:
            if child.dep_ == "nsubj" and child.i in inside and child.pos_ != "PRON" \
                    and not actors.gazetteer.is_outlet(child.text):
                agent = coref.resolve(actors, child, in_quote=False)
                if agent:
                    return agent
    return None
