"""Dossiers (CONTRACT.md §1): the parties and issues of one negotiation, written by an analyst in YAML."""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator
from typing import Annotated

# Analysts write `keywords: [pension, 67]`: YAML reads 67 as a number, but it is a word of the text.
Word = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v)]

from .errors import E, ParleyError


class DossierActor(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    name: str
    aliases: list[Word] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not value or not value.replace("_", "").replace("-", "").isalnum():
            raise ValueError(f"actor id {value!r} must be a short code of letters and digits")
        return value


class DossierIssue(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    label: str
    proposition: str = ""
    keywords: list[Word] = Field(default_factory=list)


class Dossier(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str = "unnamed negotiation"
    actors: list[DossierActor] = Field(default_factory=list)
    issues: list[DossierIssue] = Field(default_factory=list)
    path: str | None = None

    def actor(self, actor_id: str) -> DossierActor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def load_dossier(path: str | Path) -> Dossier:
    """Read and validate a dossier; errors name the file and, for YAML errors, the line."""
    path = Path(path)
    if not path.exists():
        raise ParleyError(E.E001, path=path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        raise ParleyError(E.E010, path=path, line=line, reason=getattr(exc, "problem", None) or exc) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ParleyError(E.E002, path=path, reason=exc) from exc
    if not isinstance(raw, dict):
        raise ParleyError(E.E011, path=path, reason="the top level must be a mapping with `actors` and `issues`")
    try:
        dossier = Dossier.model_validate({**raw, "path": str(path)})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ParleyError(E.E011, path=path, reason=f"{where}: {first['msg']}") from exc
    seen: set[str] = set()
    for actor in dossier.actors:
        if actor.id in seen:
            raise ParleyError(E.E012, path=path, actor=actor.id)
        seen.add(actor.id)
    return dossier
