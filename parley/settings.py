"""parley's settings: one packaged file (data/settings.yaml) with a section per part (analysis, store, web, run),
read here and nowhere else. `Settings` is the analysis section as the options object passed through the pipeline;
`defaults(section)` gives any section as read. A YAML file named by the environment variable PARLEY_SETTINGS
overrides some of the values, for every command and for the worker processes they start (a service's own limits,
a test server's short time limit). docs/settings.md documents every key."""
from __future__ import annotations

import os
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

OVERRIDES = "PARLEY_SETTINGS"
_KINDS = {bool: "true or false", int: "a whole number", float: "a number", str: "a string", list: "a list",
          dict: "a mapping"}


def packaged() -> dict:
    """The packaged file as written, without overrides."""
    return yaml.safe_load(resources.files("parley").joinpath("data/settings.yaml").read_text(encoding="utf-8"))


def _same_kind(default: object, value: object) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float) and (isinstance(default, float) or isinstance(value, int))
    return isinstance(value, type(default))


def _overridden(base: dict, overrides: object, path: str, where: str = "") -> dict:
    """`base` with the values of `overrides` in place of its own; a key `base` lacks, or a value of another kind
    than the default's, is E041."""
    from .errors import E, ParleyError

    if not isinstance(overrides, dict):
        raise ParleyError(E.E041, path=path, reason=f"{where or 'the top level'} must be a mapping")
    merged = dict(base)
    for key, value in overrides.items():
        name = f"{where}.{key}" if where else str(key)
        if key not in base:
            raise ParleyError(E.E041, path=path, reason=f"{name} is not a setting (docs/settings.md lists them)")
        if isinstance(base[key], dict) and base[key]:   # a section, or a nested group such as near_duplicates
            merged[key] = _overridden(base[key], value, path, name)
        elif not _same_kind(base[key], value):
            raise ParleyError(E.E041, path=path, reason=f"{name} must be {_KINDS[type(base[key])]}, like its "
                                                       f"default {base[key]!r}, not {value!r}")
        else:
            merged[key] = value
    return merged


@cache
def _loaded() -> dict:
    settings = packaged()
    path = os.environ.get(OVERRIDES)
    if not path:
        return settings
    from .errors import E, ParleyError

    try:
        text = open(path, encoding="utf-8").read()  # noqa: SIM115
        overrides = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ParleyError(E.E041, path=path, reason=str(exc).splitlines()[0]) from exc
    return _overridden(settings, overrides or {}, path)


def defaults(section: str) -> dict:
    """One section of the settings (packaged, with PARLEY_SETTINGS's overrides), as read (shared by every caller:
    read it, do not change it)."""
    return _loaded()[section]


class Settings(BaseModel):
    """Options for one analysis run. Unset fields take the defaults (section `analysis`)."""

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
