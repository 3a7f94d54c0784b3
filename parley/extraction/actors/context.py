"""What every actor rule reads and writes: who acts (`Agent`), what the reader remembers of one article
(`ArticleContext`), and the word sets the rules share."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import reference_words

PERSON_PRONOUNS = reference_words()["person_pronouns"]
GROUP_PRONOUNS = reference_words()["group_pronouns"]
FIRST_PERSON = reference_words()["first_person"]
CLOSE_NOUNS = reference_words()["close_nouns"]   # "sources close to X" speak for X
REPRESENTING_VERBS = reference_words()["representing_verbs"]   # "a union representing X" speaks for X
REPRESENTING_NOUNS = reference_words()["representing_nouns"]
COUNTERPART_NOUNS = reference_words()["counterpart_nouns"]   # "his Spanish counterpart": not his own party
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod"}


@dataclass(frozen=True)
class Agent:
    """Who acts: a party, and the person speaking for it if one is named."""

    actor: str
    speaker: str | None = None
    via_pronoun: bool = False


@dataclass
class ArticleContext:
    """What the reader remembers while reading one article: people, and who was last talked about."""

    people: dict[str, str] = field(default_factory=dict)         # full name → actor
    surnames: dict[str, str] = field(default_factory=dict)       # surname → full name
    titles: dict[str, str] = field(default_factory=dict)         # lower-cased title ("foreign minister") → full name
    last_person: str | None = None
    last_actor: str | None = None
    other_actor: str | None = None      # the party talked about before `last_actor`
    sentences_since_actor: int = 0      # a pronoun reaches back two sentences at most
    last_body: str | None = None
    quote_speaker: Agent | None = None
    sentence: int = 0                   # sentences read so far
    # head noun of a title or group phrase that named its party ("EU trade ministers") → (party, sentence), so
    # that "the ministers" a sentence or two later means the same party; and the states each sentence named
    heads: dict[str, tuple[str, int]] = field(default_factory=dict)
    states: list[tuple[str, int]] = field(default_factory=list)
    last_plural: tuple[str, int] | None = None  # the last plural phrase that stood for a party ("the Greeks")
    last_group: tuple[tuple[str, ...], int] | None = None   # parties a sentence named together as its subject

    def about(self, actor: str) -> None:
        """A sentence was about this party."""
        if actor != self.last_actor:
            self.other_actor = self.last_actor
        self.last_actor, self.sentences_since_actor = actor, 0

    def add_person(self, name: str, actor: str, title: str | None = None) -> None:
        self.people.setdefault(name, actor)
        parts = name.split()
        if len(parts) > 1:
            self.surnames.setdefault(parts[-1], name)
        if title:
            self.titles.setdefault(title.lower(), name)

    def person(self, text: str) -> str | None:
        """The full name a mention ("Ingrid Vatne", "Vatne", "Vatne's") refers to, if known."""
        text = text.removesuffix("'s").removesuffix("’s").strip()
        if text in self.people:
            return text
        return self.surnames.get(text.split()[-1]) if text else None
