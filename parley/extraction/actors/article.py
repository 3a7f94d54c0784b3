"""The one state the actor rules share while reading an article, and its public readings.

Each rule module (people, titles, coref, groups, quotes, memory) is a set of functions that take this state first;
none keeps state of its own. Callers outside the package use the methods below.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..gazetteer import Gazetteer
from ..words import Words
from . import coref, groups, memory, people
from .context import Agent, ArticleContext
from .finder import ActorFinder, Mention


@dataclass(eq=False, repr=False)
class ArticleActors:
    """Resolve noun phrases of one parsed article to parties, remembering people and recent referents."""

    finder: ActorFinder
    doc: Doc
    gazetteer: Gazetteer = field(init=False)
    words: Words = field(init=False)
    people_ents: list[Span] = field(init=False)   # doc.ents is rebuilt at each call
    # parties named, and world people the article names in full anywhere (parsed sentences or not)
    index: dict[int, Mention] = field(init=False)
    named_in_full: list[tuple[int, int, str]] = field(init=False)
    names: list[Mention] = field(init=False)      # each naming of a party by a name or alias, in text order
    ctx: ArticleContext = field(default_factory=ArticleContext)
    person_spans: dict[int, Span] = field(default_factory=dict)
    quoted: set[int] = field(default_factory=set)      # token indexes inside quotation marks: "we" there is the speaker
    resolving: set[int] = field(default_factory=set)   # tokens being resolved now: references may loop ("its ... it")

    def __post_init__(self) -> None:
        self.gazetteer = self.finder.gazetteer
        self.words = Words(self.doc)
        self.people_ents = [ent for ent in self.doc.ents if ent.label_ == "PERSON"]
        self.index, self.named_in_full = self.finder.scan(self.doc)
        # what "the guild" can mean
        self.names = sorted({m for m in self.index.values() if m.kind in ("name", "alias")}, key=lambda m: m.start)

    def link_people(self, sent: Span) -> None:
        """Tie the people named in a sentence to parties."""
        people.link_people(self, sent)

    def resolve(self, token: Token, in_quote: bool | None = None) -> Agent | None:
        """The party (and speaker) a noun phrase headed by `token` stands for, or None."""
        return coref.resolve(self, token, in_quote)

    def resolve_all(self, token: Token, in_quote: bool = False) -> list[Agent]:
        """One agent per conjunct of a coordinated phrase."""
        return groups.resolve_all(self, token, in_quote)

    def both_sides(self, token: Token) -> list[Agent]:
        """"both sides", "the two governments": the two parties the article has named most so far."""
        return groups.both_sides(self, token)

    def mentioned_parties(self, tokens) -> list[str]:
        """Parties named anywhere in some tokens, in order."""
        return groups.mentioned_parties(self, tokens)

    def remember(self, sent: Span, subjects: list[Agent]) -> None:
        """After a sentence: who it was about."""
        memory.remember(self, sent, subjects)
