"""Display names: a party's name and an issue's label from the dossiers given to `parley serve`, else from the
world gazetteer and the built-in issue taxonomy, else the bare id. Both are read from parley's data files without
spaCy or the extraction rules (tests/test_layers.py checks it)."""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from ..dossier import Dossier, load_dossier
from ..extraction.gazetteer import Gazetteer


@cache
def taxonomy_labels() -> dict[str, tuple[str, str]]:
    """The built-in issues (data/lexicon/taxonomy.yaml): id → (label, proposition)."""
    raw = yaml.safe_load(resources.files("parley").joinpath("data/lexicon/taxonomy.yaml").read_text("utf-8"))
    return {issue["id"]: (issue["label"], issue["proposition"]) for issue in raw}


def merge_dossiers(paths: Sequence[str | Path]) -> Dossier | None:
    """One dossier from several (a store may hold more than one negotiation); the first mention of an id wins."""
    if not paths:
        return None
    dossiers = [load_dossier(path) for path in paths]
    if len(dossiers) == 1:
        return dossiers[0]
    actors, issues = {}, {}
    for dossier in dossiers:
        for actor in dossier.actors:
            actors.setdefault(actor.id, actor)
        for issue in dossier.issues:
            issues.setdefault(issue.id, issue)
    return Dossier(name=" + ".join(d.name for d in dossiers), actors=list(actors.values()),
                   issues=list(issues.values()))


class Labels:
    """Names for ids, looked up once per id."""

    def __init__(self, dossier: Dossier | None = None) -> None:
        self.dossier = dossier
        self._gazetteer = Gazetteer.world()
        self._issues = dict(taxonomy_labels())
        if dossier is not None:
            self._issues.update({i.id: (i.label, i.proposition) for i in dossier.issues})
        self._actors = {a.id: a.name for a in dossier.actors} if dossier else {}

    def actor(self, actor_id: str | None) -> str:
        if not actor_id:
            return ""
        if actor_id not in self._actors:
            known = self._gazetteer.actor(actor_id)
            self._actors[actor_id] = known.name if known else actor_id
        return self._actors[actor_id]

    def issue(self, issue_id: str | None) -> str:
        return self._issues.get(issue_id, (issue_id or "",))[0]

    def proposition(self, issue_id: str) -> str:
        return self._issues.get(issue_id, ("", ""))[1]

    def issues(self) -> list[tuple[str, str]]:
        """Every issue with a known label: (id, label), dossier issues first."""
        first = [i.id for i in self.dossier.issues] if self.dossier else []
        ids = first + [issue_id for issue_id in self._issues if issue_id not in first]
        return [(issue_id, self._issues[issue_id][0]) for issue_id in ids]
