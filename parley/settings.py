"""parley's settings: one packaged file (data/settings.yaml) with a section per part (analysis, store, web, run),
read here and nowhere else. `Settings` is the analysis section as the options object passed through the pipeline;
`defaults(section)` gives any section as read. docs/settings.md documents every key."""
from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict


@cache
def _packaged() -> dict:
    return yaml.safe_load(resources.files("parley").joinpath("data/settings.yaml").read_text(encoding="utf-8"))


def defaults(section: str) -> dict:
    """One section of the packaged settings, as read (shared by every caller: read it, do not change it)."""
    return _packaged()[section]


class Settings(BaseModel):
    """Options for one analysis run. Unset fields take the packaged defaults (section `analysis`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = defaults("analysis")["model"]
    batch_size: int = defaults("analysis")["batch_size"]
    kept_vocabulary: int = defaults("analysis")["kept_vocabulary"]
    heading_max_words: int = defaults("analysis")["heading_max_words"]
    min_confidence: float = defaults("analysis")["min_confidence"]
    selective_parsing: bool = defaults("analysis")["selective_parsing"]
    issue_embeddings: bool = defaults("analysis")["issue_embeddings"]
    fast_components: bool = defaults("analysis")["fast_components"]
    language: str = defaults("analysis")["language"]
    pipelines: dict[str, str] = defaults("analysis")["pipelines"]
    language_min_probability: float = defaults("analysis")["language_min_probability"]
