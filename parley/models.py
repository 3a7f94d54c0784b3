"""Typed results that serialise to the outside contract (CONTRACT.md §4).

Field names and meanings are fixed by the contract; new optional fields may be added, none renamed.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Stance = Literal["for", "against", "conditional"]
GapStatus = Literal["agree", "opposed", "conditional", "unknown"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Statement(_Model):
    """One thing a party said or did, tied to the sentence that reports it."""

    sentence: int
    start: int
    end: int
    text: str
    actor: str | None
    speaker: str | None = None
    action: str
    plover: str
    target: str | None = None
    issue: str | None = None
    stance: Stance | None = None
    condition: str | None = None
    quote: bool = False
    reported_by: list[str] = Field(default_factory=list)
    negated: bool = False
    confidence: float = 0.5
    trigger: str | None = None  # extension: the word that signalled the action
    rule: str | None = None     # extension: how it was read (verb, light, noun, cue, relative, role)


class Position(_Model):
    """Where one party stands on one issue, with the statements that show it."""

    actor: str
    issue: str
    stance: Stance
    condition: str | None = None
    statements: list[int] = Field(default_factory=list)
    confidence: float = 0.5  # extension
    contested: list[int] = Field(default_factory=list)  # extension: its statements that read another stance


class Gap(_Model):
    """How far two parties are apart on one issue."""

    issue: str
    a: str
    b: str
    status: GapStatus


class Quote(_Model):
    """A direct quotation and who said it; offsets are into `text` of the article."""

    speaker: str | None
    actor: str | None
    text: str
    start: int
    end: int


class ArticleAnalysis(_Model):
    """Everything parley reads from one article: the JSON Lines object of `parley analyze --json`."""

    id: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    text: str
    boilerplate: list[str] = Field(default_factory=list)
    sources_cited: list[str] = Field(default_factory=list)
    people: dict[str, str] = Field(default_factory=dict)
    statements: list[Statement] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    # extensions
    url: str | None = None
    summary: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    error: str | None = None
    language: str | None = None  # ISO 639-1 code of the language the article was read as (parley.cleaning.language)

    def to_json(self) -> str:
        """One line of the contract's JSON Lines output."""
        return self.model_dump_json()
