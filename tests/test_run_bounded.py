"""Bounded work per article: the worker process is stopped at the time limit, the article that overran gets E090,
and the articles around it are still analysed; `parley analyze` runs there and stays linear on quote-heavy text."""
from __future__ import annotations

import json
import resource
import time

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.errors import ParleyError
from parley.models import ArticleAnalysis
from parley.run.bounded import BoundedWorker, analyse_bounded
from parley.run.runners import job_for, open_analyzer
from parley.sources import read_text

SHORT = "Norway rejected the proposal, the minister said."
SLOW = 'Russia said "no". ' * 30_000   # some seconds of work at any speed this suite runs at


@pytest.fixture(scope="module")
def worker():
    """One bounded worker (2 s a call) for the tests that stop or kill it: each restart loads the pipeline again,
    so the tests share the loads they do not test."""
    shared = BoundedWorker(job_for(None), limit=2)
    yield shared
    shared.stop()


def test_an_article_that_overruns_fails_alone_with_e090_and_costs_at_most_its_limit(worker):
    documents = [read_text(SHORT), read_text(SLOW), read_text(SHORT + " Iceland agreed.")]
    worker.run([documents[0]])   # loaded and warm: loading is not an article's time
    started = time.perf_counter()
    results = analyse_bounded(worker, documents)
    elapsed = time.perf_counter() - started
    assert [type(r) for r in results] == [ArticleAnalysis, ParleyError, ArticleAnalysis]
    assert results[1].code == "E090" and "after 2 s" in str(results[1])
    assert results[0].statements and results[2].statements
    # the batch, then the slow one alone, each stopped at 2 s; two restarts of the worker between
    assert elapsed < 2 * 2 + 2 * 30


def test_a_worker_that_dies_is_reported_and_replaced(worker):
    worker.run([read_text(SHORT)])   # running (after the test above, already loaded)
    worker._process.kill()   # as the kernel's OOM killer would
    results = analyse_bounded(worker, [read_text(SHORT)])
    again = analyse_bounded(worker, [read_text(SHORT)])
    assert isinstance(results[0], ParleyError) and results[0].code == "E091"
    assert isinstance(again[0], ArticleAnalysis)


def test_the_in_process_signal_guard_is_not_used_by_a_bounded_analyzer():
    """The store wraps analysis in a SIGALRM timer; in a bounded analyzer the worker's deadline rules instead."""
    with open_analyzer() as analyzer:
        calls = []
        results = list(analyzer.analyze_each([read_text(SHORT)], guard=lambda: calls.append(1)))
    assert calls == [] and isinstance(results[0], ArticleAnalysis)


def _analyze_cpu_seconds(tmp_path, n: int) -> float:
    """CPU seconds `parley analyze` (and its worker process) takes on `n` quote-heavy sentences, start-up included:
    CPU time, so that other work on the machine does not count. The command runs in this process (as the CLI
    tests run it), so that each run does not also pay for a new interpreter; its worker process is its own."""
    path = tmp_path / "article.txt"
    path.write_text('Russia said "no". ' * n, encoding="utf-8")
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    done = CliRunner().invoke(app, ["analyze", str(path), "--json"])
    after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    assert done.exit_code == 0, done.output
    assert len(done.output.splitlines()) == 1 and json.loads(done.output)["text"].count("Russia") == n
    return sum((a.ru_utime + a.ru_stime) - (b.ru_utime + b.ru_stime) for a, b in zip(after, before))


def test_quote_heavy_text_takes_linear_time(tmp_path):
    # before: 10.8 s, 17.8 s and 59.7 s of wall time for 1,000, 2,000 and 4,000 (each with about 5 s of start-up)
    # each size's seconds beyond start-up: the same command on one sentence, run once for all three sizes
    start_up = _analyze_cpu_seconds(tmp_path, 1)
    small, middle, large = (_analyze_cpu_seconds(tmp_path, n) - start_up for n in (2000, 4000, 8000))
    # CPU seconds, with room for a loaded machine: the figures themselves come from docs/robustness.md's command;
    # what this guards is the shape, linear (4 times the text, about 4 times the time) and not quadratic (16)
    assert middle < 10
    assert large < 10 * max(small, 0.5)
