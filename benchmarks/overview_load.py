"""Overview load: the dashboard's overview page (/) timed against a real `parley serve` on 127.0.0.1.

A measurement, not a test. Two steps:

    python benchmarks/overview_load.py build --db bench.db [--total 10000] [--negotiations 5]
        analyses the 2,225 BBC articles of ../shared/corpus/bulk/bbc-2005.jsonl with the real pipeline (no dossier;
        an article that crashes the analysis or takes over --limit seconds is left out and named), spreads them over 2005, then stores them
        and dated variants of them (Store.add) until the store holds --total articles (each variant: new id, another
        day, one extra closing line, so a new text). With --negotiations N the articles are dealt in turn to `world`
        and N-1 negotiations `bench-1`... (each with a dossier of its own name and no entries: the load is what is
        measured, not the reading).

    python benchmarks/overview_load.py measure --db bench.db [--negotiation NAME] [--requests 200] [--concurrency 1]
        starts `parley serve` on a free loopback port, sends a bounded number of GET /?negotiation=NAME (after a few warm-up
        requests; the first one, which computes the overview that later ones get from the cache, is reported
        apart as first_ms), prints p50/p95/max in milliseconds, and stops the server.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import selectors
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

import parley
from parley.dossier import Dossier
from parley.models import ArticleAnalysis
from parley.pipeline import Analyzer
from parley.sources import read_paths

BULK = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bulk" / "bbc-2005.jsonl"
YEAR = dt.date(2005, 1, 1)


def worker(bulk: Path, start: int) -> None:
    """Print one JSON line per article of `bulk` from number `start` on: its analysis, or null if unreadable."""
    analyzer = Analyzer()
    for document in itertools.islice(read_paths([bulk]), start, None):
        line = "null" if isinstance(document, Exception) else analyzer.analyze(document).model_dump_json()
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def analyse_all(bulk: Path, limit: float) -> tuple[list[ArticleAnalysis], list[int]]:
    """Every article's analysis, made by worker processes; an article that crashes its worker or takes over `limit`
    seconds (its worker is killed) is left out and a new worker goes on after it: one bad article must not stop the
    build. Returns the analyses and the numbers of the articles left out."""
    analyses: list[ArticleAnalysis] = []
    failed: list[int] = []
    start = 0
    while True:
        process = subprocess.Popen([sys.executable, __file__, "worker", "--bulk", str(bulk), "--start", str(start)],
                                   stdout=subprocess.PIPE, text=True)
        done = 0
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while True:
                wait = 120 if done == 0 else limit  # the first article also waits for spaCy to load
                line = process.stdout.readline() if selector.select(timeout=wait) else None
                if line is None:
                    process.kill()
                if not line:
                    if process.wait() == 0:
                        return analyses, failed
                    failed.append(start + done)
                    start += done + 1
                    break
                if line.strip() != "null":
                    analyses.append(ArticleAnalysis.model_validate_json(line))
                done += 1
                if (start + done) % 250 == 0:
                    print(f"{start + done} articles analysed", flush=True)


def build(db: str, total: int, bulk: Path, limit: float, negotiations: int = 1) -> None:
    started = time.perf_counter()
    analyses, failed = analyse_all(bulk, limit)
    analyses = [analysis.model_copy(update={"published": (YEAR + dt.timedelta(days=number * 37 % 365)).isoformat()})
                for number, analysis in enumerate(analyses)]
    print(f"analysed {len(analyses)} articles in {time.perf_counter() - started:.0f} s; left out (crashed, or over "
          f"{limit:g} s): articles number {failed}", flush=True)
    rng = random.Random(2005)
    names = ["world", *(f"bench-{number}" for number in range(1, negotiations))]
    with parley.open(db) as store:
        def add(batch: list[ArticleAnalysis]) -> None:
            for number, name in enumerate(names):
                dossier = None if name == "world" else Dossier(name=name)
                store.add(batch[number::len(names)], negotiation=name, dossier=dossier)

        def stored() -> int:
            return sum(store.negotiation(name).counts()["articles"] for name in names)

        add(analyses)
        edition = 0
        while (have := stored()) < total:  # exact copies in the corpus do not count: go on
            edition += 1
            add([original.model_copy(update={
                "id": f"{original.id}~{edition}",
                "published": (YEAR + dt.timedelta(days=rng.randrange(365))).isoformat(),
                "text": f"{original.text}\n\nUpdated edition {edition}."}) for original in analyses[:total - have]])
        print(f"stored in {time.perf_counter() - started:.0f} s in all; store: {store.negotiations().to_dict('records')}",
              flush=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure(db: str, requests: int, concurrency: int, warmup: int, negotiation: str | None = None) -> dict:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", "from parley.cli import main; main()", "serve", "--db", db,
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(f"{base}/api/negotiations", timeout=5).raise_for_status()
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"parley serve did not start on {base}")
                time.sleep(0.3)
        with httpx.Client(base_url=base, timeout=120) as client:
            scope = {"negotiation": negotiation} if negotiation else {}
            counts = client.get("/api/counts", params=scope).json()

            def one(_: int) -> float:
                start = time.perf_counter()
                response = client.get("/", params=scope)
                response.raise_for_status()
                return (time.perf_counter() - start) * 1000

            cold = [one(i) for i in range(max(warmup, 1))]  # the first computes the overview, the rest hit its cache
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                times = sorted(pool.map(one, range(requests)))
            elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return {"negotiation": negotiation, "articles": counts["articles"], "positions": counts["positions"], "statements": counts["statements"],
            "requests": requests, "concurrency": concurrency, "first_ms": round(cold[0], 1), "p50_ms": round(cuts[49], 1),
            "p95_ms": round(cuts[94], 1), "max_ms": round(times[-1], 1), "mean_ms": round(statistics.fmean(times), 1),
            "requests_per_s": round(requests / elapsed, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step", required=True)
    build_step = steps.add_parser("build", help="fill a store with --total articles")
    build_step.add_argument("--db", required=True)
    build_step.add_argument("--total", type=int, default=10_000)
    build_step.add_argument("--bulk", type=Path, default=BULK)
    build_step.add_argument("--limit", type=float, default=20.0, help="seconds one article may take to analyse")
    build_step.add_argument("--negotiations", type=int, default=1, help="deal the articles to this many negotiations")
    measure_step = steps.add_parser("measure", help="time GET / against parley serve on 127.0.0.1")
    measure_step.add_argument("--db", required=True)
    measure_step.add_argument("--requests", type=int, default=200, help="how many timed requests (bounded)")
    measure_step.add_argument("--concurrency", type=int, default=1)
    measure_step.add_argument("--warmup", type=int, default=3)
    measure_step.add_argument("--negotiation", help="the negotiation whose overview is timed [default: the only one]")
    worker_step = steps.add_parser("worker", help="(used by build) analyse from one article on, as JSON Lines")
    worker_step.add_argument("--bulk", type=Path, default=BULK)
    worker_step.add_argument("--start", type=int, default=0)
    args = parser.parse_args()
    if args.step == "worker":
        worker(args.bulk, args.start)
    elif args.step == "build":
        build(args.db, args.total, args.bulk, args.limit, args.negotiations)
    else:
        print(json.dumps(measure(args.db, min(args.requests, 10_000), args.concurrency, args.warmup, args.negotiation),
                         indent=2))


if __name__ == "__main__":
    main()
