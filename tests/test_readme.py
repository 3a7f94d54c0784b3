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


CALIBRATION = re.compile(r"0\.8–0\.9, (\d+)% were right \((\d+) of (\d+)\); 0\.7–0\.8, (\d+)% \((\d+) of (\d+)\); "
                         r"0\.5–0\.7, (\d+)% \((\d+) of (\d+)\)")
DOCS_BAND = re.compile(r"^\| \[(\d\.\d), (\d\.\d)\) \| (\d+) \| (\d+) \| (\d\.\d\d) \|$", re.MULTILINE)


def test_the_calibration_figures_in_readme_and_docs_are_what_eval_prints():
    from parley.evaluation import Evaluation

    buckets = Evaluation().run({"dev": [ROOT.parent / "shared" / "eval" / "dev"]})[0].calibration()

    def band(low: float, high: float) -> tuple[int, int]:
        inside = [b for b in buckets if low - 1e-9 <= b.low < high - 1e-9]
        return sum(b.right for b in inside), sum(b.total for b in inside)

    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    found = CALIBRATION.search(readme)
    assert found, "README.md no longer quotes the calibration bands"
    numbers = list(map(int, found.groups()))
    for k, (low, high) in enumerate([(0.8, 0.9), (0.7, 0.8), (0.5, 0.7)]):
        percent, right, total = numbers[3 * k:3 * k + 3]
        assert (right, total) == band(low, high)
        assert percent == round(100 * right / total)
    docs = DOCS_BAND.findall((ROOT / "docs" / "accuracy.md").read_text("utf-8"))
    assert docs, "docs/accuracy.md no longer has the calibration table"
    for low, high, total, right, _ in docs:
        assert band(float(low), float(high)) == (int(right), int(total))
