"""What the event rules share: the event they build, and the one per-article state they read and write."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors import Agent, ArticleActors
from ..attribution import OutletNames
from ..lexicon import Lexicon


@dataclass
class Event:
    agent: Agent
    action: str
    trigger: Token
    kind: str                                   # verb | light | noun | cue | relative | role
    target: str | None = None
    content: list[Token] = field(default_factory=list)
    negated: bool = False
    content_negated: bool = False
    hedged: bool = False
    condition: str | None = None
    condition_tokens: list[Token] = field(default_factory=list)
    turns_down_offer: bool = False             # "rejected the board's offer of X": against the offer, not X
    pending: bool = False                       # "not yet ready to sign": held back until something changes
    exit_threat: bool = False                   # "threatened to leave the deal": in it only on its terms
    purpose: list[Token] = field(default_factory=list)  # "in hopes of reaching a deal": what the act is for
    purpose_stance: str | None = None
    purpose_condition: str | None = None       # what the goal hinges on ("any truce must allow X": X)
    answers: Event | None = None                # the event this one responds to ("rejects the demand")
    goal_of: Event | None = None                # one more item of another event's goal ("to get X and Y": Y)

    def set_condition(self, found: tuple[str, list[Token]] | None) -> None:
        if found:
            self.condition, self.condition_tokens = found

    @property
    def key(self) -> tuple:
        return (self.agent.actor, self.action, self.target, self.trigger.i)


@dataclass(eq=False, repr=False)
class EventState:
    """One article as the event rules read it: its actors, the lexicon, the words inside quotation marks, the outlets,
    and what earlier sentences left (accusations, so later denials find their target; the last party to demand or
    propose, for "the demand")."""

    actors: ArticleActors
    lexicon: Lexicon
    quoted: set[int]          # token indexes inside quotation marks
    outlets: OutletNames
    accusers: dict[str, str] = field(default_factory=dict)
    last_by_action: dict[str, Agent] = field(default_factory=dict)   # "the demand": the last party that demanded
