"""The one options object passed through the pipeline; defaults come from data/settings.yaml."""
from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict


@cache
def _defaults() -> dict:
    return yaml.safe_load(resources.files("parley").joinpath("data/settings.yaml").read_text(encoding="utf-8"))


class Settings(BaseModel):
    """Options for one run. Unset fields take the packaged defaults."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = _defaults()["model"]
    batch_size: int = _defaults()["batch_size"]
    kept_vocabulary: int = _defaults()["kept_vocabulary"]
    heading_max_words: int = _defaults()["heading_max_words"]
    min_confidence: float = _defaults()["min_confidence"]
    selective_parsing: bool = _defaults()["selective_parsing"]
    issue_embeddings: bool = _defaults()["issue_embeddings"]
