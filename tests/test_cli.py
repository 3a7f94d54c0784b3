"""The `parley` command itself: `--version` from the installed package, and `--help` fast (it loads no spaCy,
tests/test_layers.py checks that)."""
from __future__ import annotations

import subprocess
import sys
import time
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
    """Wall time of the installed command in a fresh process, the best of three (a busy machine slows one)."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        run = subprocess.run([str(PARLEY), "--help"], capture_output=True, text=True, timeout=60, cwd=ROOT)
        times.append(time.perf_counter() - started)
        assert run.returncode == 0 and "ingest" in run.stdout and "--version" in run.stdout
    assert min(times) < 1.0, times
