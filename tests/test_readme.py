"""Every `$ parley …` example and every Python block in README.md runs, as written, and succeeds (`serve` is driven
by the dashboard tests instead); whatever they write, run from the repository, is covered by its .gitignore."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
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
def workdir(tmp_path_factory) -> Path:
    """A folder that stands for the repository's root (its examples/ linked in): the examples run there as
    written, so that what they write stays out of the checkout and can be checked against its .gitignore."""
    work = tmp_path_factory.mktemp("readme")
    (work / "examples").symlink_to(ROOT / "examples")
    return work


def _written(workdir: Path) -> set[str]:
    return {str(path.relative_to(workdir)) for path in workdir.rglob("*")
            if path.is_file() and path.relative_to(workdir).parts[0] != "examples"}


def _not_ignored(paths: set[str]) -> set[str]:
    """Those of `paths` (relative to the root) that the repository's .gitignore does not cover."""
    if not paths:
        return set()
    run = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "--no-index", "--stdin"], input="\n".join(paths),
                         capture_output=True, text=True, timeout=60)
    assert run.returncode in (0, 1), run.stderr  # 1: none is ignored
    return paths - set(run.stdout.split())


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("command", [c for c in COMMANDS if not c.startswith("serve")])
def test_readme_example_runs(command, workdir):
    args = shlex.split(command)
    before = _written(workdir)
    with _inside(workdir):
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output.strip() or _written(workdir) - before
    if args[0] == "analyze" and "--json" in args:
        assert '"positions"' in result.output and '"statements"' in result.output
    if args[0] == "timeline":
        assert re.search(r"→", result.output)
    assert _not_ignored(_written(workdir)) == set(), "README examples write files that .gitignore does not cover"


def test_readme_python_examples_run(capsys, workdir):
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)
    assert blocks
    with _inside(workdir):
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})  # noqa: S102  (our own documentation)
    printed = capsys.readouterr().out
    assert "port_access" in printed
    assert "E120 French" in printed  # the language example
    assert _not_ignored(_written(workdir)) == set()


def test_gitignore_check_sees_what_it_does_not_cover():
    """The check above can fail: a file name the .gitignore leaves out is reported."""
    assert _not_ignored({"statements.csv", "timeline.db", "export/statements.csv"}) == {"statements.csv"}


CALIBRATION = re.compile(r"0\.8–0\.9, (\d+)% were right \((\d+) of (\d+)\); 0\.7–0\.8, (\d+)% \((\d+) of (\d+)\); "
                         r"0\.5–0\.7, (\d+)% \((\d+) of (\d+)\)")
DOCS_BAND = re.compile(r"^\| \[(\d\.\d), (\d\.\d)\) \| (\d+) \| (\d+) \| (\d\.\d\d) \|$", re.MULTILINE)


def test_the_calibration_figures_in_readme_and_docs_are_what_eval_prints(evaluated_groups):
    # the dev group of eval/floors.yaml (../shared/eval/dev), scored once per session as `make eval` scores it
    (dev,) = [group for group in evaluated_groups if group.name == "dev"]
    buckets = dev.calibration()

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


DOCS_GROUP = re.compile(r"^\*\*([\w-]+)\*\* \(", re.MULTILINE)
DOCS_ROW = re.compile(r"^\| (\w+) \| ([\d.]*) \| ([\d.]*) \| \**([\d.]+)\** \| (\d*) \| (\d*) \| (\d*) \|$", re.MULTILINE)


def test_the_figure_tables_in_docs_accuracy_are_what_eval_prints(evaluated_groups):
    """Every row of the per-group tables in docs/accuracy.md is the row `make eval` prints for that group."""
    text = (ROOT / "docs" / "accuracy.md").read_text("utf-8")
    printed = {group.name: group for group in evaluated_groups}
    heads = list(DOCS_GROUP.finditer(text))
    assert {"seed", "dev", "dev2-conflict", "dev2-economy", "gsr-dev", "cases"} <= {h.group(1) for h in heads}
    for head, after in zip(heads, [*heads[1:], None]):
        assert head.group(1) in printed, f"docs/accuracy.md has a table for {head.group(1)}, which make eval lacks"
        group = printed[head.group(1)]
        section = text[head.end():after.start() if after else len(text)].split("\n## ")[0]
        rows = DOCS_ROW.findall(section)
        assert rows, f"docs/accuracy.md: no table under {head.group(1)}"
        measures = group.measures()
        for name, p, r, f1, tp, fp, fn in rows:
            if name == "event_accuracy":
                assert f1 == f"{group.accuracy().accuracy:.3f}", (head.group(1), name)
                continue
            counts = measures[name]
            expected = (f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}",
                        str(counts.tp), str(counts.fp), str(counts.fn))
            assert (p, r, f1, tp, fp, fn) == expected, (head.group(1), name)
