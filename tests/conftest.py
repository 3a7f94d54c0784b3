"""Shared fixtures. Store databases: a fresh SQLite file, and a fresh PostgreSQL database on the server named by
PARLEY_TEST_PG_URL (CI starts one in .ci/run). A test whose service is absent skips with the reason; under
PARLEY_REQUIRE_SERVICES=1 (set by .ci/run) every skip is a failure, so CI runs the whole suite or goes red."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
REQUIRE_EVERY_TEST = os.environ.get("PARLEY_REQUIRE_SERVICES") == "1"

if os.environ.get("PYTEST_XDIST_WORKER"):
    # An xdist worker imports readline, which writes the size it guesses (80 x 24) into COLUMNS and LINES: Rich's
    # consoles made at import (parley/cli/store.py) would then keep 80 columns, there only, even where a test asks
    # for a wider terminal (CliRunner(env={"COLUMNS": ...})).
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """Under PARLEY_REQUIRE_SERVICES=1 a skipped test is reported as failed, with the reason it gave for skipping."""
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_EVERY_TEST and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped, but PARLEY_REQUIRE_SERVICES=1 requires every test to run: {reason}"


# `make test` runs the suite in two pytest-xdist workers. A session fixture is made once per worker and a module
# fixture once per worker that runs a test of the module, so pytest_xdist_make_scheduler below sends each test file
# to one worker whole, and the files that share one of the costly session fixtures of ONE_WORKER to one worker
# together (GROUPS), so that it is made once. (xdist's own xdist_group mark does nothing under pytest 9.2: it
# renames an attribute that pytest no longer reads.)
ONE_WORKER = {"evaluated_groups": "accuracy", "web_seed": "seeded", "dev_readings": "seeded"}
GROUPS = {"tests/test_evaluation_floors.py": "accuracy", "tests/test_readme.py": "accuracy",
          "tests/test_web_": "seeded", "tests/test_store_negotiations.py": "seeded",
          "tests/test_cli_negotiations.py": "seeded", "tests/browser/": "seeded"}


def _group(path: str) -> str:
    """The unit of scheduling of a test file (its path relative to the repository): its group, or itself."""
    return next((group for prefix, group in GROUPS.items() if path.startswith(prefix)), path)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that uses a fixture of ONE_WORKER from a file outside that fixture's group is an error here, so that
    GROUPS stays right as tests move."""
    for item in items:
        path = Path(str(item.path)).relative_to(REPO_ROOT).as_posix()
        for name in set(getattr(item, "fixturenames", ())) & set(ONE_WORKER):
            if _group(path) != ONE_WORKER[name]:
                raise pytest.UsageError(f"{item.nodeid} uses the fixture {name}: add {path} to tests/conftest.py's "
                                        f"GROUPS as {ONE_WORKER[name]!r}, so that it runs where the fixture is made")


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    from xdist.scheduler import LoadScopeScheduling

    class ByFileAndGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _group(nodeid.split("::", 1)[0])

    return ByFileAndGroup(config, log)


def _postgres_database() -> Iterator[str]:
    """A new, empty database on the test server for one test; dropped afterwards."""
    server = os.environ.get("PARLEY_TEST_PG_URL")
    if not server:
        pytest.skip("no PostgreSQL: PARLEY_TEST_PG_URL is not set (.ci/run starts a server and sets it)")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"parley_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty store database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'parley.db'}"
    else:
        yield from _postgres_database()


@pytest.fixture(scope="session")
def store_analyzer():
    """One real Analyzer (spaCy loaded once) with the example negotiation's dossier, for the store tests."""
    from parley.pipeline import shared_analyzer

    return shared_analyzer(Path(__file__).resolve().parents[1] / "examples" / "timeline" / "dossier.yaml")


@pytest.fixture(scope="session")
def world_analyzer():
    """One real Analyzer without a dossier (the world list and the default settings), shared by every test that
    reads as `parley.analyze(text)` does: it is the very Analyzer `parley.analyze` reuses."""
    from parley.pipeline import shared_analyzer

    return shared_analyzer(None)


@pytest.fixture(scope="session")
def nlp():
    """The pinned spaCy pipeline with parley's components, loaded once per test session."""
    from parley.nlp import load_nlp
    from parley.settings import Settings

    return load_nlp(Settings().model)


REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def evaluated_groups() -> list:
    """Every group of eval/floors.yaml scored once, as `make eval` scores them, for the accuracy gate and for the
    figures the docs quote."""
    from parley.evaluation import Evaluation, load_floors

    return Evaluation().run(load_floors(REPO / "eval" / "floors.yaml").gold_paths())


@pytest.fixture(scope="session")
def web_dossiers() -> list[Path]:
    """The dossiers of the dashboard tests' store: the example negotiation's and the shared Russia-Ukraine one."""
    return [REPO / "examples" / "timeline" / "dossier.yaml", SHARED / "eval" / "dossiers" / "russia-ukraine.yaml"]


@pytest.fixture(scope="session")
def web_seed(store_analyzer, web_dossiers) -> list:
    """Real analyses for the dashboard tests, made once: the example negotiation, the shared seed (with the
    Russia-Ukraine dossier), an article full of markup (tests/browser/xss-article.txt) and one whose outlet, title
    and sentences hold long unbroken strings (tests/browser/wide-article.txt)."""
    from parley.pipeline import shared_analyzer
    from parley.sources import read_paths

    examples = [REPO / "examples" / "timeline", REPO / "tests" / "browser" / "xss-article.txt",
                REPO / "tests" / "browser" / "wide-article.txt"]
    seed = shared_analyzer(web_dossiers[1], store_analyzer.settings)
    return [*store_analyzer.analyze_many(read_paths(examples)),
            *seed.analyze_many(read_paths([SHARED / "corpus" / "seed"]))]


def _ingest_then_exit(url: str, paths: list[Path], analyzer, report: Path | None) -> None:
    """A forked child's whole life: ingest, write the counts to `report`, then leave with 0 (all stored),
    1 (failures recorded) or 2 (a crash)."""
    import dataclasses
    import json
    import traceback

    import parley
    from parley.sources import read_paths

    code = 2
    try:
        with parley.open(url) as store:
            summary = store.ingest(read_paths(paths), analyzer)
        if report is not None:
            report.write_text(json.dumps(dataclasses.asdict(summary)), encoding="utf-8")
        code = 1 if summary.failed else 0
    except BaseException:  # noqa: BLE001  (reported by the exit code and the traceback)
        traceback.print_exc()
    finally:
        os._exit(code)


@pytest.fixture
def ingest_process():
    """Start `Store(url).ingest(paths, analyzer)` in a real child process forked from this one, which has spaCy
    loaded: it starts in milliseconds, so a test can kill it (SIGKILL) or run several at once many times."""
    import multiprocessing
    import warnings

    started = []

    def start(url: str, paths: list[Path], analyzer, report: Path | None = None) -> multiprocessing.Process:
        process = multiprocessing.get_context("fork").Process(target=_ingest_then_exit,
                                                              args=(url, paths, analyzer, report))
        with warnings.catch_warnings():  # the threads are BLAS's, which fork safely; the child opens its own store
            warnings.filterwarnings("ignore", "This process .* is multi-threaded", DeprecationWarning)
            process.start()
        started.append(process)
        return process

    yield start
    for process in started:  # a test that failed half way leaves none running
        if process.is_alive():
            process.kill()
        process.join()


@pytest.fixture(scope="session")
def dev_readings(store_analyzer, world_analyzer) -> dict[str, list]:
    """The 12 dev articles analysed with their own dossiers (../shared/eval/dev names each one's), by dossier
    path, and (key "world") a slice of the BBC 2005 articles analysed without a dossier: the negotiation tests'
    data. PARLEY_ISOLATION_BBC sets the slice (default 12; the full check in the report used 300)."""
    from itertools import islice

    from parley.evaluation.gold import load_article_gold
    from parley.pipeline import shared_analyzer
    from parley.sources import read_paths

    readings: dict[str, list] = {}
    golds = [load_article_gold(path) for path in sorted((SHARED / "eval" / "dev").glob("*.gold.json"))]
    for dossier in sorted({str(gold.dossier) for gold in golds}):
        analyzer = shared_analyzer(dossier, store_analyzer.settings)
        articles = [gold.article for gold in golds if str(gold.dossier) == dossier]
        readings[dossier] = list(analyzer.analyze_many(read_paths(articles)))
    bulk = read_paths([SHARED / "corpus" / "bulk" / "bbc-2005.jsonl"])
    size = int(os.environ.get("PARLEY_ISOLATION_BBC", "12"))
    readings["world"] = list(world_analyzer.analyze_many(islice(bulk, size)))
    return readings



@pytest.fixture
def follow_site():
    """The fixture web site of tests/followsite.py on 127.0.0.1, its request log fresh for each test."""
    from followsite import fixture_site

    with fixture_site() as site:
        yield site


@pytest.fixture
def followed_db(tmp_path, follow_site, store_analyzer) -> Path:
    """An SQLite store whose `lumen` negotiation follows the fixture site's Atom feed and its malformed feed, after
    one run: two articles from the one, E139 from the other."""
    import parley
    from followsite import FOLLOW, follow_once

    db = tmp_path / "followed.db"
    with parley.open(db) as store:
        store.follow([follow_site.url("/atom.xml"), follow_site.url("/broken.xml")], "lumen",
                     parley.load_dossier(FOLLOW / "dossier.yaml"))
        follow_once(store, store_analyzer.settings)
    return db
