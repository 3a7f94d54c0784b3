"""The progress bar of `ingest`, `analyze`, `eval` and `bench`: shown on a terminal (a real pseudo-terminal here),
with the rate the command's own summary prints; absent when the output goes to a pipe."""
from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk" / "bbc-2005.jsonl"
COMMAND = [sys.executable, "-c", "from parley.cli import main; main()"]
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
BAR = "━"


def on_terminal(*args: str, timeout: float = 300) -> tuple[int, str]:
    """Run `parley ARGS` with stdout and stderr on one pseudo-terminal 200 columns wide; exit code and what it
    showed (escape sequences removed, each carriage return a new line)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "200"}
    process = subprocess.Popen([*COMMAND, *args], stdin=subprocess.DEVNULL, stdout=follower, stderr=follower,
                               cwd=ROOT, env=env)
    os.close(follower)
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                data = os.read(leader, 1 << 16)
            except OSError:  # EIO: the process closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif process.poll() is not None:
            break
    os.close(leader)
    code = process.wait(timeout=60)
    return code, ESCAPES.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r", "\n")


def piped(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def last_bar(shown: str, label: str, unit: str = "articles") -> tuple[int, str]:
    """Items done and the rate of the last state of the bar named `label`."""
    found = re.findall(rf"^{re.escape(label)} +{BAR}+ +(\d+)/\S+ +([\d.]+) {unit}/s", shown, re.M)
    assert found, f"no {label} bar in:\n{shown[-3000:]}"
    done, rate = found[-1]
    return int(done), rate


def test_ingest_on_a_terminal_shows_the_rate_its_summary_prints(tmp_path):
    code, shown = on_terminal("ingest", "examples/timeline", "--dossier", "examples/timeline/dossier.yaml",
                              "--db", str(tmp_path / "parley.db"))
    assert code == 0, shown
    done, rate = last_bar(shown, "ingest")
    (summary,) = re.findall(r"rate\s+│\s+([\d.]+) articles/s", shown)
    assert done == 6 and rate == summary


def test_no_progress_when_output_is_piped(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    commands = [("ingest", "examples/timeline", "--dossier", "examples/timeline/dossier.yaml",
                 "--db", str(tmp_path / "parley.db")),
                ("analyze", "examples/harbour-talks.txt", "--json"), ("eval", "eval/examples", "--json")]
    with ThreadPoolExecutor(len(commands)) as pool:   # three independent processes, run side by side
        ingest, analyze, evaluation = pool.map(lambda args: piped(*args), commands)
    for run in (ingest, analyze, evaluation):
        assert run.returncode == 0, run.stderr
        assert BAR not in run.stdout + run.stderr and "/s " not in run.stderr
    assert "articles/s" in ingest.stdout  # the summary still says how fast


def test_analyze_on_a_terminal_shows_progress_and_its_results():
    code, shown = on_terminal("analyze", "examples/harbour-talks.txt", "examples/languages/port-talks-fr.txt",
                              "--dossier", "examples/harbour-talks.yaml")
    assert code == 1  # the French article is reported (E120)
    assert last_bar(shown, "analyze")[0] == 2
    assert "[E120]" in shown and "Norway" in shown  # the English article's analysis printed above the bar


def test_eval_on_a_terminal_counts_the_items():
    code, shown = on_terminal("eval", "eval/examples")
    assert code == 0
    done, _ = last_bar(shown, "eval", unit="items")
    assert done >= 7 and "examples" in shown


def test_bench_bars_show_the_rate_of_its_table_then_the_eval():
    code, shown = on_terminal("bench", "--corpus", str(BULK), "--n", "12", "--no-raw", "--gold", "eval/examples")
    assert code == 0, shown
    done, rate = last_bar(shown, "bench: parley")
    (row,) = re.findall(r"│ parley end to end\s+│\s+(\d+)\s+│[^│]+│[^│]+│\s+([\d.]+)\s+│", shown)
    assert done == int(row[0]) == 12 and rate == row[1]
    scored, _ = last_bar(shown, "bench: eval", unit="items")
    assert scored >= 2 and "Eval: full parsing vs selective parsing" in shown  # each item, full and selective
