"""The install: the core is what `parley analyze` and an SQLite store need, the rest are extras (pyproject.toml), and
`make install` pins and installs every one of them, so that it still installs everything the tests need."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from rich.console import Console

from parley.cli.view import print_error
from parley.errors import E, ParleyError, needs_extra

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
# What `make install` installs: the lock, then the spaCy model and the embeddings extra by hash.
INSTALLED = ("requirements.lock", "requirements-model.txt", "requirements-embeddings.txt")
# What each extra brings that the core must not import. pyarrow (the parquet extra) is left out: pandas loads it by
# itself whenever it is installed, and runs without it.
EXTRA_MODULES = {"postgres": ["psycopg"], "dask": ["dask", "distributed"],
                 "web": ["fastapi", "uvicorn", "multipart", "fastapi_offline"],
                 "embeddings": ["tokenizers", "safetensors"], "dev": ["pytest", "hypothesis", "playwright"]}


def _pins(requirements: list[str]) -> dict[str, str]:
    """name → version of `name[extra]==version` lines, names normalised as pip does."""
    pins = {}
    for line in requirements:
        name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)(?:\[[^]]*\])?==(\S+)", line.split("#")[0].strip()).groups()
        pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_the_extras_are_the_documented_ones():
    assert set(PROJECT["optional-dependencies"]) == {"postgres", "dask", "parquet", "embeddings", "web", "dev"}


def test_make_install_pins_the_core_and_every_extra_at_the_same_versions():
    installed = _pins([line.split()[0] for name in INSTALLED for line in (ROOT / name).read_text("utf-8").splitlines()
                       if line.strip() and not line.startswith("#")])
    wanted = _pins(PROJECT["dependencies"] + [r for extra in PROJECT["optional-dependencies"].values() for r in extra])
    assert {name: version for name, version in wanted.items() if installed.get(name) != version} == {}


def test_analysing_and_an_sqlite_store_import_no_extra(tmp_path: Path):
    script = f"""
import json, pathlib, sys
import parley
result = parley.analyze("examples/harbour-talks.txt", dossier="examples/harbour-talks.yaml")
with parley.open({str(tmp_path / "parley.db")!r}) as store:
    assert store.add([result]).stored == 1
    assert not store.positions().empty and not store.gaps("NOR", "ISL").empty
    store.export("csv", None, pathlib.Path({str(tmp_path / "export")!r}))
print(json.dumps(sorted(name.split(".")[0] for name in sys.modules)))
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    loaded = set(json.loads(run.stdout))
    assert {extra: sorted(loaded & set(modules)) for extra, modules in EXTRA_MODULES.items()
            if loaded & set(modules)} == {}


def test_a_missing_extra_names_the_extra_to_install():
    with pytest.raises(ParleyError) as raised, needs_extra("dask", "--dask"):
        import parley_has_no_such_module  # noqa: F401
    assert raised.value.code == "E080"
    assert "pip install 'parley[dask]'" in str(raised.value) and "parley_has_no_such_module" in str(raised.value)


def test_an_error_prints_its_brackets():
    out = io.StringIO()
    print_error(Console(file=out, width=200), ParleyError(E.E080, feature="parley serve", extra="web", reason="x"))
    assert "pip install 'parley[web]'" in out.getvalue()
