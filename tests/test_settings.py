"""The settings file and its documentation agree (as datasette's docs test does): docs/settings.md has one row per
key of parley/data/settings.yaml with the same default, and `Settings` is exactly the analysis section."""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import yaml

from parley.settings import Settings, defaults

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"
SECTIONS = ("analysis", "store", "web", "run", "dossier", "fetch", "follow")


def _leaves(mapping: dict, prefix: str = "") -> dict[str, object]:
    """Nested keys flattened with dots: {"near_duplicates.threshold": 0.8, ...}; an empty mapping is one setting."""
    flat = {}
    for key, value in mapping.items():
        if isinstance(value, dict) and value:
            flat.update(_leaves(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value
    return flat


def _documented() -> dict[tuple[str, str], str]:
    """(section, key) → the default as written in the docs' table (`\\|` read as `|`)."""
    rows = {}
    for line in DOCS.read_text("utf-8").splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 4 and cells[0] in SECTIONS:
            key, default = (cell.strip("`").replace("\\|", "|") for cell in cells[1:3])
            assert (cells[0], key) not in rows, f"{cells[0]}.{key} is documented twice"
            rows[(cells[0], key)] = default
    return rows


def _packaged() -> dict[tuple[str, str], object]:
    return {(section, key): value for section in SECTIONS for key, value in _leaves(defaults(section)).items()}


def test_every_setting_is_documented_and_every_documented_setting_exists():
    documented, packaged = set(_documented()), set(_packaged())
    assert packaged - documented == set(), "settings missing from docs/settings.md"
    assert documented - packaged == set(), "docs/settings.md documents settings that do not exist"


def test_the_documented_defaults_are_the_packaged_ones():
    documented = _documented()
    for key, value in _packaged().items():
        written = documented[key]
        assert (written if isinstance(value, str) else yaml.safe_load(written)) == value, key


def test_the_file_has_exactly_the_documented_sections():
    packaged = yaml.safe_load(resources.files("parley").joinpath("data/settings.yaml").read_text("utf-8"))
    assert tuple(packaged) == SECTIONS


def test_settings_is_the_analysis_section():
    assert Settings().model_dump() == defaults("analysis")
