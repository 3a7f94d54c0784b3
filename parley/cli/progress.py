"""The progress bar of the long commands (`ingest`, `analyze`, `eval`, `bench`): count, bar, rate and time on
stderr, shown only when stdout and stderr are both terminals, so that a pipe, a file, a pager or a test gets none
of it. The rate shown is the one the command computes for its own summary, so the bar and the summary agree."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

# advance(done, rate): `done` items so far at `rate` items/s (None: done over the time since the bar started)
Advance = Callable[[int, float | None], None]


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        rate = task.fields["rate"]
        return Text(f"{rate:.1f} {task.fields['unit']}/s" if rate else f"… {task.fields['unit']}/s", style="cyan")


def on_terminal() -> bool:
    return sys.stdout.isatty() and sys.stderr.isatty()


@contextmanager
def progress_bars() -> Iterator[Callable[[str, int | None, str], Advance]]:
    """One display for several bars; yields `bar(label, total, unit)`, which adds a bar for `total` items (None:
    unknown) and returns the function that moves it."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), disable=not on_terminal()) as progress:

        def bar(label: str, total: int | None, unit: str = "articles") -> Advance:
            task = progress.add_task(label, total=total, rate=None, unit=unit)
            started = time.perf_counter()

            def advance(done: int, rate: float | None = None) -> None:
                if rate is None:
                    elapsed = time.perf_counter() - started
                    rate = done / elapsed if elapsed else None
                progress.update(task, completed=done, rate=rate)

            return advance

        yield bar


@contextmanager
def progress_bar(label: str, total: int | None, unit: str = "articles") -> Iterator[Advance]:
    """A display of one bar; yields the function that moves it."""
    with progress_bars() as bar:
        yield bar(label, total, unit)


class Tally:
    """A callback for work that reports one item at a time: counts the calls onto a bar made at the first one (so
    that the bar appears when that work starts), at the rate of the items after the first."""

    def __init__(self, make_bar: Callable[[], Advance]) -> None:
        self._make_bar = make_bar
        self._bar: Advance | None = None
        self._first = 0.0
        self.done = 0

    def __call__(self) -> None:
        if self._bar is None:
            self._bar, self._first = self._make_bar(), time.perf_counter()
        self.done += 1
        elapsed = time.perf_counter() - self._first
        self._bar(self.done, (self.done - 1) / elapsed if elapsed else None)


def expected_articles(paths: list[str] | list[Path]) -> int | None:
    """How many articles the paths hold, counted cheaply (JSON Lines by line); None for stdin."""
    from ..sources.reader import ARTICLE_SUFFIXES

    if "-" in map(str, paths):
        return None
    total = 0
    for name in paths:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() == ".jsonl" and file.is_file():
                with file.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            else:
                total += 1
    return total
