"""Negotiations in the store: which one a command means, the dossier versions each was analysed with, and the
parley version an analysis records (so that `reanalyze` and the dashboard know when a reading is stale)."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from .. import __version__
from ..dossier import Dossier
from ..errors import E, ParleyError
from . import schema
from .claims import serialize
from .database import WRITE

WORLD = "world"  # articles read without a dossier: the world gazetteer and the generic taxonomy
# What an analysis depends on besides the dossier: the code and data of every layer below the store.
_ANALYSIS_PACKAGES = ("sources", "cleaning", "nlp", "extraction", "positions", "data")


@dataclass(frozen=True)
class Scope:
    """One negotiation as an ingest or a query sees it."""

    id: int
    name: str
    dossier_version_id: int | None


@cache
def parley_version() -> str:
    """`__version__` plus a hash of the analysis code and data, so that a change to the rules (without a release)
    still marks older analyses as stale."""
    digest = hashlib.sha256()
    root = resources.files("parley")
    for package in _ANALYSIS_PACKAGES:
        files = sorted((p for p in _walk(root.joinpath(package)) if p.name.endswith((".py", ".yaml", ".txt", ".tsv",
                                                                                     ".json", ".csv"))),
                       key=lambda p: str(p))
        for path in files:
            digest.update(str(path).removeprefix(str(root)).encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _walk(folder):
    for entry in folder.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry)
        else:
            yield entry


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def dossier_text(dossier: Dossier) -> str:
    """The dossier as the analyst wrote it (its file), else as YAML from the model."""
    if dossier.path:
        try:
            with open(dossier.path, encoding="utf-8") as stream:
                return stream.read()
        except OSError:
            pass
    return yaml.safe_dump(dossier.model_dump(exclude={"path"}), allow_unicode=True, sort_keys=False)


def default_name(dossier: Dossier) -> str:
    """A negotiation's name when none is given: the dossier file's stem (short, no spaces), else its name."""
    return Path(dossier.path).stem if dossier.path else dossier.name


def open_scope(engine: Engine, name: str | None, dossier: Dossier | None) -> Scope:
    """The negotiation an ingest writes to, made on first use; a dossier given is recorded as its newest version
    (a changed dossier is a new version: earlier analyses become stale). No name: `world` without a dossier, the
    dossier's file name with one."""
    name = (name or (default_name(dossier) if dossier else WORLD)).strip()
    if name == WORLD and dossier is not None:
        raise ParleyError(E.E107, name=WORLD)
    with Session(engine.execution_options(**WRITE)) as session, session.begin():
        serialize(session)  # ingesters starting at once on one store make the negotiation once
        negotiation = session.scalar(select(schema.Negotiation).where(schema.Negotiation.name == name))
        if negotiation is None:
            negotiation = schema.Negotiation(name=name, created_at=_now())
            session.add(negotiation)
            session.flush()
        version = _current_version(session, negotiation.id)
        if dossier is not None:
            text = dossier_text(dossier)
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            version = session.scalar(select(schema.DossierVersion).where(
                schema.DossierVersion.negotiation_id == negotiation.id, schema.DossierVersion.content_hash == digest))
            if version is None:
                version = schema.DossierVersion(negotiation_id=negotiation.id, content_hash=digest, name=dossier.name,
                                                path=dossier.path, text=text, created_at=_now())
                session.add(version)
                session.flush()
            elif version.id != _current_version_id(session, negotiation.id):
                version.created_at = _now()  # back to an earlier text: that version is the newest again
        if version is None and name != WORLD:
            raise ParleyError(E.E108, name=name)
        return Scope(negotiation.id, negotiation.name, version.id if version is not None else None)


def _current_version(session: Session, negotiation_id: int) -> schema.DossierVersion | None:
    return session.scalar(select(schema.DossierVersion).where(schema.DossierVersion.negotiation_id == negotiation_id)
                          .order_by(schema.DossierVersion.created_at.desc(), schema.DossierVersion.id.desc()).limit(1))


def _current_version_id(session: Session, negotiation_id: int) -> int | None:
    current = _current_version(session, negotiation_id)
    return current.id if current is not None else None


def names(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(session.scalars(select(schema.Negotiation.name).order_by(schema.Negotiation.name)))


def find_scope(engine: Engine, name: str | None, url: str = "the store") -> Scope:
    """The negotiation a query is about: the one named, or the only one the store holds."""
    with Session(engine) as session:
        rows = session.execute(select(schema.Negotiation.id, schema.Negotiation.name)
                               .order_by(schema.Negotiation.name)).all()
        known = {row.name: row.id for row in rows}
        if name is None:
            if not known:
                raise ParleyError(E.E102, url=url)
            if len(known) > 1:
                raise ParleyError(E.E100, url=url, names=", ".join(known))
            name = next(iter(known))
        if name not in known:
            raise ParleyError(E.E101, name=name, names=", ".join(known) or "none")
        return Scope(known[name], name, _current_version_id(session, known[name]))


def dossier_of(engine: Engine, scope: Scope) -> Dossier | None:
    """The negotiation's newest dossier, parsed from the text the store kept; None for a negotiation without."""
    if scope.dossier_version_id is None:
        return None
    with Session(engine) as session:
        version = session.get(schema.DossierVersion, scope.dossier_version_id)
        return Dossier.model_validate({**yaml.safe_load(version.text), "path": version.path})


def _stale(negotiation_id: int, version_id: int | None):
    """Analyses of the negotiation made with another dossier version or another parley version than now."""
    A = schema.Analysis
    return (A.negotiation_id == negotiation_id) & (
        (A.parley_version != parley_version()) | (func.coalesce(A.dossier_version_id, -1) != (version_id or -1)))


def stale_count(engine: Engine, scope: Scope) -> int:
    """How many of the negotiation's analyses are stale (the dashboard says so; `parley reanalyze` fixes it)."""
    with Session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(schema.Analysis)
                                  .where(_stale(scope.id, scope.dossier_version_id))) or 0)


def overview(engine: Engine) -> pd.DataFrame:
    """Every negotiation: its dossier, how many articles it holds and how many of their analyses are stale."""
    A = schema.Analysis
    with Session(engine) as session:
        rows = []
        for negotiation in session.scalars(select(schema.Negotiation).order_by(schema.Negotiation.name)):
            version = _current_version(session, negotiation.id)
            version_id = version.id if version is not None else None
            articles = session.scalar(select(func.count()).select_from(A)
                                      .where(A.negotiation_id == negotiation.id)) or 0
            stale = session.scalar(select(func.count()).select_from(A).where(_stale(negotiation.id, version_id))) or 0
            rows.append({"negotiation": negotiation.name, "dossier": version.name if version else None,
                         "dossier_hash": version.content_hash[:12] if version else None,
                         "articles": int(articles), "stale": int(stale)})
    return pd.DataFrame(rows, columns=["negotiation", "dossier", "dossier_hash", "articles", "stale"])
