"""The `parley` command itself: `--version` from the installed package, and `--help` fast (it loads no spaCy,
tests/test_layers.py checks that)."""
from __future__ import annotations

import resource
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from typer.testing import CliRunner

import parley
from parley.cli import app

ROOT = Path(__file__).resolve().parents[1]
PARLEY = Path(sys.executable).with_name("parley")  # the installed console script


def test_version_is_the_installed_package_version():
    installed = metadata.version("parley")
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"parley {installed}\n"
    run = subprocess.run([str(PARLEY), "--version"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout == f"parley {installed}\n"
    assert parley.__version__ == installed


def test_help_answers_in_under_a_second():
    """The installed command in a fresh process, measured in CPU seconds (what it costs on an idle machine; the
    wall time on a machine busy with other work is longer by however long it waits for a core), the best of
    three. About 0.33 s here."""
    times = []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run = subprocess.run([str(PARLEY), "--help"], capture_output=True, text=True, timeout=60, cwd=ROOT)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        assert run.returncode == 0 and "ingest" in run.stdout and "--version" in run.stdout
    assert min(times) < 1.0, times
