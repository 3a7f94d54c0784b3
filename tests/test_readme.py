"""Every `$ parley …` example in README.md runs and succeeds (`serve` is driven by the dashboard tests instead)."""
from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = [line.removeprefix("$ parley ").strip() for line in (ROOT / "README.md").read_text("utf-8").splitlines()
            if line.startswith("$ parley ")]


def test_the_readme_has_examples():
    assert len(COMMANDS) >= 6


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """Examples run from the repository root; the files they write go to a temporary folder."""
    return tmp_path_factory.mktemp("readme")


@pytest.mark.parametrize("command", [c for c in COMMANDS if not c.startswith("serve")])
def test_readme_example_runs(command, workdir):
    args = [str(workdir / arg) if arg.endswith((".db", ".csv")) else arg for arg in shlex.split(command)]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, args)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert result.output.strip() or any(workdir.iterdir())
    if args[0] == "analyze" and "--json" in args:
        assert '"positions"' in result.output and '"statements"' in result.output
    if args[0] == "timeline":
        assert re.search(r"→", result.output)


def test_readme_python_examples_run(capsys):
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)
    assert blocks
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})  # noqa: S102  (our own documentation)
    finally:
        os.chdir(cwd)
    assert "port_access" in capsys.readouterr().out
