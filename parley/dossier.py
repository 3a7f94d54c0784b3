"""Dossiers (CONTRACT.md §1): the parties and issues of one negotiation, written by an analyst in YAML."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from .errors import E, ParleyError

# Analysts write `keywords: [pension, 67]`: YAML reads 67 as a number, but it is a word of the text.
Word = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v)]


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


_ENTRIES: dict[str, type[BaseModel]] = {"DossierActor": DossierActor, "DossierIssue": DossierIssue}


def _line_of(node: yaml.Node | None, loc: Sequence[int | str]) -> int:
    """The 1-based line of the YAML node at `loc` (a pydantic error location), or of its deepest existing parent."""
    line = 1
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
    return node.start_mark.line + 1 if node is not None else line


def _explain(error: ErrorDetails) -> str:
    """Pydantic's message in an analyst's words: which entry, what was expected, what was written."""
    where = ".".join(str(p) for p in error["loc"])
    if error["type"] == "missing":
        return f"{where}: this field is required"
    got = repr(error["input"])
    got = got if len(got) <= 60 else got[:57] + "..."
    model = _ENTRIES.get(error.get("ctx", {}).get("class_name", ""))
    if error["type"] == "model_type" and model is not None:
        fields = ", ".join(f"`{name}`" for name, info in model.model_fields.items() if info.is_required())
        return f"{where}: expected a mapping with {fields}, got {got}"
    return f"{where}: {error['msg']}, got {got}"


def load_dossier(path: str | Path) -> Dossier:
    """Read and validate a dossier; every error names the file and the line it is about."""
    path = Path(path)
    if not path.exists():
        raise ParleyError(E.E001, path=path)
    try:
        text = path.read_text(encoding="utf-8")
        tree = yaml.compose(text, Loader=yaml.SafeLoader)
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
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
        raise ParleyError(E.E013, path=path, line=_line_of(tree, first["loc"]), reason=_explain(first)) from exc
    for kind, items in (("actor", dossier.actors), ("issue", dossier.issues)):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.id in seen:
                line = _line_of(tree, [f"{kind}s", index, "id"])
                raise ParleyError(E.E012, path=path, line=line, kind=kind, ident=item.id)
            seen.add(item.id)
    return dossier
