"""The settings file and its documentation agree (as datasette's docs test does): docs/settings.md has one row per
key of parley/data/settings.yaml with the same default, and `Settings` is exactly the analysis section."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml

from parley.settings import Settings, defaults, packaged

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
    return {(section, key): value for section in SECTIONS for key, value in _leaves(packaged()[section]).items()}


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


def test_a_settings_file_in_parley_settings_overrides_defaults_for_a_command_and_its_workers(tmp_path):
    overrides = tmp_path / "settings.yaml"
    overrides.write_text("run:\n  time_limit: 5\nstore:\n  near_duplicates:\n    threshold: 0.9\n"
                         "analysis:\n  min_confidence: 1\n", encoding="utf-8")
    read = ("import json; from parley.settings import Settings, defaults; "
            "print(json.dumps([defaults('run'), defaults('store')['near_duplicates'], Settings().min_confidence]))")
    env = {**os.environ, "PARLEY_SETTINGS": str(overrides)}
    done = subprocess.run([sys.executable, "-c", read], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    run, near, confidence = json.loads(done.stdout)
    assert run == {**packaged()["run"], "time_limit": 5}
    assert near == {**packaged()["store"]["near_duplicates"], "threshold": 0.9}
    assert confidence == 1


@pytest.mark.parametrize(("text", "reason"), [
    ("web:\n  max_limt: 5\n", "web.max_limt is not a setting"),
    ("colour: blue\n", "colour is not a setting"),
    ("run:\n  time_limit: soon\n", "run.time_limit must be a whole number"),
    ("analysis:\n  selective_parsing: 1\n", "analysis.selective_parsing must be true or false"),
    ("store: 3\n", "store must be a mapping"),
    ("run: [\n", "while parsing"),
])
def test_a_bad_settings_file_is_e041_naming_it(tmp_path, text, reason):
    overrides = tmp_path / "settings.yaml"
    overrides.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "import parley.settings"], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PARLEY_SETTINGS": str(overrides)})
    assert done.returncode != 0
    assert f"[E041] {overrides}: the settings file" in done.stderr and reason in done.stderr, done.stderr
