"""`parley follow` and web addresses on the command line, against the local fixture site (127.0.0.1 only)."""
from __future__ import annotations

import json

import pytest
from followsite import FOLLOW, TEST_FETCH
from typer.testing import CliRunner

from parley.cli import app
from parley.cli.follow import parse_every
from parley.errors import ParleyError


@pytest.fixture(autouse=True)
def fast_fetch(monkeypatch):
    """The commands' fetchers (made in this process) with the fetch tests' limits, TEST_FETCH: no pause of
    fetch.host_interval (1 s) between two requests to the local site."""
    import parley.sources.fetch as fetch

    made = []

    class FastFetcher(fetch.Fetcher):
        def __init__(self, **overrides: object) -> None:
            super().__init__(**{**TEST_FETCH, **overrides})
            made.append(self)

    monkeypatch.setattr(fetch, "Fetcher", FastFetcher)
    return made


def test_follow_add_run_list_and_a_second_run_that_fetches_nothing(follow_site, tmp_path, fast_fetch):
    db = str(tmp_path / "p.db")
    feed = follow_site.url("/atom.xml")
    added = CliRunner().invoke(app, ["follow", "add", "lumen", feed, "--dossier", str(FOLLOW / "dossier.yaml"),
                                     "--db", db])
    assert added.exit_code == 0 and f"following: {feed} (lumen)" in added.output
    first = CliRunner().invoke(app, ["follow", "run", "--once", "--db", db])
    assert first.exit_code == 0, first.output
    assert "stored" in first.output and "│ 2 " in first.output.split("stored")[1].splitlines()[0]
    listed = CliRunner().invoke(app, ["follow", "list", "--json", "--db", db])
    row = json.loads(listed.output.strip())
    assert (row["url"], row["kind"], row["new_articles"], row["errors"]) == (feed, "atom", 2, 0)
    assert row["last_run"].endswith("+00:00") and row["next_run"] is None  # ISO 8601, UTC with its offset
    follow_site.clear_log()
    second = CliRunner().invoke(app, ["follow", "run", "--db", db])
    assert second.exit_code == 0
    assert [(r.path, r.status) for r in follow_site.requests() if r.path != "/robots.txt"] == [("/atom.xml", 304)]
    assert "atom" in CliRunner().invoke(app, ["follow", "list", "--negotiation", "lumen", "--db", db]).output
    assert [fetcher.limits["host_interval"] for fetcher in fast_fetch] == [0, 0]  # one per run, without pauses
    removed = CliRunner().invoke(app, ["follow", "remove", feed, "--db", db])
    assert removed.exit_code == 0 and "Nothing followed" in CliRunner().invoke(app, ["follow", "list", "--db", db]).output


def test_a_failing_feed_exits_1_and_says_why(follow_site, tmp_path):
    db = str(tmp_path / "p.db")
    CliRunner().invoke(app, ["follow", "add", "world", follow_site.url("/broken.xml"), "--db", db])
    result = CliRunner().invoke(app, ["follow", "run", "--db", db])
    assert result.exit_code == 1 and "[E139]" in result.stderr and "/broken.xml" in result.stderr
    listed = CliRunner().invoke(app, ["follow", "list", "--db", db])
    assert "last run failed" in listed.output and "E139" in listed.output


def test_follow_add_refuses_a_folder_that_does_not_exist(tmp_path):
    result = CliRunner().invoke(app, ["follow", "add", "world", str(tmp_path / "nowhere"), "--db",
                                      str(tmp_path / "p.db")])
    assert result.exit_code == 2 and "[E141]" in result.stderr


@pytest.mark.parametrize("value, seconds", [("90s", 90), ("15m", 900), ("2h", 7200), ("1d", 86400), ("1.5m", 90)])
def test_every_takes_a_duration(value, seconds):
    assert parse_every(value) == seconds


@pytest.mark.parametrize("value", ["15", "0s", "soon", "-5m"])
def test_every_refuses_what_is_not_a_duration(value):
    with pytest.raises(ParleyError, match="E143"):
        parse_every(value)


def test_every_and_once_together_are_refused(tmp_path):
    result = CliRunner().invoke(app, ["follow", "run", "--every", "15m", "--once", "--db", str(tmp_path / "p.db")])
    assert result.exit_code == 2 and "[E143]" in result.stderr


def test_analyze_and_ingest_take_web_addresses(follow_site, tmp_path):
    """`parley analyze https://...` once failed with E001 (the address lost a slash); now it is fetched."""
    page, gone = follow_site.url("/news/tolls-rejected.html"), follow_site.url("/gone.html")
    result = CliRunner().invoke(app, ["analyze", page, gone, "--dossier", str(FOLLOW / "dossier.yaml"), "--json"])
    assert result.exit_code == 1 and "[E134]" in result.stderr and gone in result.stderr
    analysis = json.loads(result.stdout)
    assert analysis["id"] == page and analysis["outlet"] == "Strait Courier" and analysis["published"] == "2026-03-04"
    assert any(s["actor"] == "TLD" and s["issue"] == "strait_tolls" for s in analysis["statements"])
    db = str(tmp_path / "p.db")
    stored = CliRunner().invoke(app, ["ingest", page, "--negotiation", "lumen", "--dossier",
                                      str(FOLLOW / "dossier.yaml"), "--db", db])
    assert stored.exit_code == 0, stored.output
    articles = CliRunner().invoke(app, ["negotiations", "--json", "--db", db])
    assert json.loads(articles.stdout)["articles"] == 1


def test_every_runs_again_until_ctrl_c(follow_site, tmp_path):
    """`follow run --every 1s` in a real process: the feed is asked again each second (answered 304), and SIGINT
    ends it with 130 and a word on how to go on."""
    import signal
    import subprocess
    import sys
    import time

    follow_site.add("/empty.xml", "<rss version='2.0'><channel><title>quiet</title></channel></rss>",
                    content_type="application/rss+xml")
    db = str(tmp_path / "p.db")
    assert CliRunner().invoke(app, ["follow", "add", "world", follow_site.url("/empty.xml"), "--db", db]).exit_code == 0
    process = subprocess.Popen([sys.executable, "-c", "from parley.cli import main; main()", "follow", "run",
                                "--every", "1s", "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while len(follow_site.requests("/empty.xml")) < 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert [r.status for r in follow_site.requests("/empty.xml")][:3] == [200, 304, 304]
    assert process.returncode == 130 and "next run in 1s" in out and "goes on from here" in err
