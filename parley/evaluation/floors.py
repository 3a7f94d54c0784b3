"""The accuracy gate: minimum figures per (group, measure), read from eval/floors.yaml.

The file says which gold paths make each group (relative to the floors file's folder's parent, the repository)
and the least F1 (or event accuracy) each measure may score. CI fails when a figure falls below its floor.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import E, ParleyError
from .runner import GroupScore


class GroupFloors(BaseModel):
    model_config = ConfigDict(extra="forbid")

    gold: list[str]
    floors: dict[str, Annotated[float, Field(ge=0.0, le=1.0)]] = Field(default_factory=dict)


class Floors(BaseModel):
    model_config = ConfigDict(extra="forbid")

    groups: dict[str, GroupFloors]
    root: Path = Path(".")

    def gold_paths(self) -> dict[str, list[Path]]:
        """The gold paths of every group, ready for `Evaluation.run`."""
        return {name: [self.root / p for p in group.gold] for name, group in self.groups.items()}


@dataclass(frozen=True)
class Shortfall:
    group: str
    measure: str
    floor: float
    score: float | None  # None: the measure was not computed at all

    def __str__(self) -> str:
        got = "not measured" if self.score is None else f"{self.score:.4f}"
        return f"{self.group} {self.measure}: {got} < floor {self.floor:.4f}"


def load_floors(path: str | Path) -> Floors:
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ParleyError(E.E002, path=path, reason=exc.strerror or exc) from exc
    except yaml.YAMLError as exc:
        raise ParleyError(E.E033, path=path, reason=f"not valid YAML: {exc}") from exc
    try:
        floors = Floors.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ParleyError(E.E033, path=path, reason=f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from exc
    floors.root = path.resolve().parent.parent
    return floors


def shortfalls(floors: Floors, groups: list[GroupScore]) -> list[Shortfall]:
    """Every pinned figure that is missing or below its floor."""
    figures = {g.name: g.figures() for g in groups}
    found = []
    for name, group in floors.groups.items():
        for measure, floor in group.floors.items():
            score = figures.get(name, {}).get(measure)
            if score is None or score < floor:
                found.append(Shortfall(name, measure, floor, score))
    return found
