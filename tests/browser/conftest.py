"""End-to-end fixtures: a store seeded with real analyses, `parley serve` on a free loopback port in a subprocess,
and Debian's Chromium driven by Playwright. Screenshots go to test-output/ (gitignored). Without Chromium the tests
skip before anything is seeded (.ci/run installs it, and there a skip fails)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

import parley

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-output"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "browser-test-token"


@pytest.fixture(scope="session", autouse=True)
def chromium() -> str:
    """Debian's Chromium; session-scoped and autouse, so it is checked before the store is seeded and served."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)")
    return CHROMIUM


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(db: Path, dossiers: list[Path], log_path: Path) -> Iterator[str]:
    """The base URL of a real `parley serve` (default host: loopback) over the store `db`, stopped afterwards."""
    port = _free_port()
    command = [sys.executable, "-c", "from parley.cli import main; main()", "serve", "--db", str(db),
               "--port", str(port), *(arg for path in dossiers for arg in ("--dossier", str(path)))]
    log = log_path.open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PARLEY_TOKEN": TOKEN})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"parley serve exited with {process.returncode}; see {log.name}")
            try:
                if httpx.get(f"{base}/api/negotiations", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail(f"parley serve did not answer on {base} within 60 s; see {log.name}")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, web_seed: list, web_dossiers: list[Path]) -> Iterator[str]:
    """The base URL of a real `parley serve` over a seeded SQLite store."""
    db = tmp_path_factory.mktemp("web") / "parley.db"
    with parley.open(db) as store:  # one negotiation, read with the example's dossier: the dashboard's default
        assert store.add(web_seed, negotiation="timeline", dossier=parley.load_dossier(web_dossiers[0])).failed == 0
    with serving(db, web_dossiers, tmp_path_factory.getbasetemp() / "serve.log") as base:
        yield base


@pytest.fixture(scope="session")
def serve_store():
    """`serving`, for tests that serve a store of their own."""
    return serving


@pytest.fixture(scope="session")
def write_token() -> str:
    """The PARLEY_TOKEN the served dashboard expects for writes."""
    return TOKEN


@pytest.fixture(scope="session")
def shots() -> Path:
    """Where screenshots go."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def browser(chromium: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page; console errors (a blocked script, a CSP violation) are collected in `page.errors`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()
