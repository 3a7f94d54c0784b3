"""Dossiers (CONTRACT.md §1): the parties and issues of one negotiation, written by an analyst in YAML.

A dossier is data from outside, read safely: its size, nesting and node count (aliases expanded) are limited
(settings, section `dossier`) and checked before anything walks the tree, duplicate keys are refused, and every
error names the file and the line."""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from .errors import E, ParleyError
from .settings import defaults

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 20,000 actors in seconds

# Analysts write `keywords: [pension, 67]`: YAML reads 67 as a number, but it is a word of the text.
Word = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v)]


ID_SHAPE = re.compile(r"[A-Za-z0-9_-]+")   # ASCII only: "é" or "²" would pass str.isalnum()


def _id_shape(kind: str, value: str) -> str:
    """Ids are letters, digits, `_` and `-`: they go into URLs (/issues/{id}) and file names as they are."""
    if not ID_SHAPE.fullmatch(value):
        raise ValueError(f"{kind} id {value!r} must be a short code of letters, digits, '_' and '-'")
    return value


class DossierActor(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    name: str
    aliases: list[Word] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        return _id_shape("actor", value)


class DossierIssue(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    label: str
    proposition: str = ""
    keywords: list[Word] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        return _id_shape("issue", value)


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


def _check_events(text: str, path: Path, limits: dict) -> None:
    """Nesting depth and aliases, from the parser's event stream (no recursion, no tree yet), so a dossier of
    5,000 nested `[` is refused at its line instead of overflowing a recursive composer."""
    depth = aliases = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > limits["max_depth"]:
                _refuse(path, event.start_mark, f"nested deeper than {limits['max_depth']} levels", "max_depth")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > limits["max_aliases"]:
                _refuse(path, event.start_mark, f"more than {limits['max_aliases']} aliases (*name)", "max_aliases")


def _walk(node: yaml.Node, path: Path, limits: dict) -> None:
    """Visit every node as the data will hold it (an alias counts each time it is used), refusing past
    `max_nodes`: an alias bomb stops here after that many steps, not after expanding. Duplicate keys are refused:
    YAML would keep the last one silently."""
    stack, seen = [node], 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > limits["max_nodes"]:
            _refuse(path, node.start_mark, f"more than {limits['max_nodes']} values (aliases counted each time "
                                           "they are used)", "max_nodes")
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        raise ParleyError(E.E015, path=path, line=key.start_mark.line + 1, key=key.value)
                    keys.add(key.value)
                stack += (value, key)
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)


def _refuse(path: Path, mark: yaml.Mark | None, reason: str, setting: str) -> None:
    line = mark.line + 1 if mark is not None else 1
    raise ParleyError(E.E014, path=path, line=line, reason=reason, setting=setting)


def _yaml_line(exc: yaml.YAMLError, text: str) -> int:
    """The line a YAML error is about: its mark, or for a character YAML refuses (a NUL) its position."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return mark.line + 1
    position = getattr(exc, "position", None)
    return text.count("\n", 0, position) + 1 if isinstance(position, int) else 1


def _read(path: Path, limits: dict) -> tuple[yaml.Node | None, object]:
    """The dossier's YAML tree and its data, within the limits."""
    with path.open("rb") as stream:  # read to the limit only: a device or a pipe has no size to check first
        data = stream.read(limits["max_bytes"] + 1)
    if len(data) > limits["max_bytes"]:
        _refuse(path, None, f"the file is larger than {limits['max_bytes']} bytes", "max_bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ParleyError(E.E002, path=path, reason=f"not UTF-8 text: line {line}, byte {exc.start}") from exc
    try:
        _check_events(text, path, limits)
        tree = yaml.compose(text, Loader=_LOADER)
        if tree is None:
            return None, None
        _walk(tree, path, limits)
        loader = _LOADER("")
        try:
            return tree, loader.construct_document(tree)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ParleyError(E.E010, path=path, line=_yaml_line(exc, text), reason=reason) from exc


def load_dossier(path: str | Path) -> Dossier:
    """Read and validate a dossier; every error names the file and the line it is about."""
    path = Path(path)
    if not path.exists():
        raise ParleyError(E.E001, path=path)
    try:
        tree, raw = _read(path, defaults("dossier"))
    except OSError as exc:
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
