"""`parley follow run` over N local pages against plain `parley ingest` of the same pages from disk (docs/follow.md).

The first N BBC 2005 articles of ../shared/corpus/bulk are written as HTML pages into a temporary folder (never into
the repository) and served on 127.0.0.1 (benchmarks/localweb.py) by a process of their own, with an RSS feed
listing them. Then, each into a fresh SQLite store of the `world` negotiation (no dossier: no entry is filtered):

1. `follow run` as the command runs it (pages fetched by `fetch.workers` threads while the analysis runs in its
   worker process), with the per-host pace off (`fetch.host_interval` 0: one host serves all N pages here; at the
   default 1 s the run could not take less than N seconds, whatever the machine);
2. a second `follow run`: the feed answers 304, nothing else is fetched;
3. plain `ingest` of the same pages from the folder.

Articles/s is over the wall time of each run (articles: stored, or exact copies of one stored); CPU seconds are
this process's (fetching, extraction, the store) and its analysis worker's (the server's process is not counted). Run from the repository root: `.venv/bin/python -m benchmarks.follow [--n 500]`.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from html import escape
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bulk" / "bbc-2005.jsonl"


def write_pages(folder: Path, n: int) -> list[tuple[str, str]]:
    """The first `n` articles as HTML pages in `folder`; (file name, title) of each."""
    pages = []
    with CORPUS.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number == n:
                break
            record = json.loads(line)
            body = "".join(f"<p>{escape(p)}</p>" for p in record["text"].split("\n") if p.strip())
            name = f"{record['id']}.html"
            (folder / name).write_text(
                f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(record['title'])}</title>"
                f"<meta property='og:site_name' content='BBC News'><meta name='date' content='2005-03-01'></head>"
                f"<body><article><h1>{escape(record['title'])}</h1>{body}</article></body></html>", encoding="utf-8")
            pages.append((name, record["title"]))
    return pages


def _serve(folder: str, pages: list[tuple[str, str]], started, stop) -> None:
    """The server process: every page under /pages/ and /feed.xml listing them, until `stop` is set."""
    from benchmarks.localweb import LocalSite

    with LocalSite() as site:
        for name, _ in pages:
            site.add(f"/pages/{name}", (Path(folder) / name).read_bytes())
        items = "".join(f"<item><title>{escape(title)}</title><link>/pages/{name}</link></item>"
                        for name, title in pages)
        site.add("/feed.xml", f"<rss version='2.0'><channel><title>bench</title>{items}</channel></rss>",
                 content_type="application/rss+xml")
        started.put(site.url("/feed.xml"))
        stop.wait()
        started.put(len(site.requests()))


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its children that have ended (the analysis worker, once closed)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def measure(label: str, run) -> dict:
    """Run `run()` (it returns the articles it settled: stored or exact copies) and time it."""
    wall, (own, worker) = time.perf_counter(), _cpu()
    articles = run()
    wall, (own_after, worker_after) = time.perf_counter() - wall, _cpu()
    own, worker = own_after - own, worker_after - worker
    figures = {"run": label, "articles": articles, "seconds": round(wall, 1), "cpu_seconds": round(own + worker, 1),
               "cpu_parley_process": round(own, 1), "cpu_analysis_worker": round(worker, 1),
               "articles_per_s": round(articles / wall, 2) if wall else 0.0}
    print(json.dumps(figures), file=sys.stderr, flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="pages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="parley-follow-bench-") as temp:
        folder = Path(temp) / "pages"
        folder.mkdir()
        pages = write_pages(folder, args.n)
        context = multiprocessing.get_context("fork")  # before spaCy or any thread exists in this process
        started, stop = context.Queue(), context.Event()
        server = context.Process(target=_serve, args=(str(folder), pages, started, stop), daemon=True)
        server.start()
        feed = started.get(timeout=60)
        try:
            figures = _runs(Path(temp), folder, feed)
        finally:
            stop.set()
            requests = started.get(timeout=60)
            server.join(timeout=30)
    print(json.dumps({"pages": args.n, "requests_served": requests, "runs": figures, "cpus": os.cpu_count()}))


def _runs(temp: Path, folder: Path, feed: str) -> list[dict]:
    import parley
    from parley.run.runners import open_analyzer
    from parley.sources import read_paths
    from parley.sources.fetch import Fetcher
    from parley.store.follow import Follower

    def follow(db: Path):
        def run() -> int:
            with parley.open(db) as store, Fetcher(host_interval=0) as fetcher:
                summary = Follower(store, lambda dossier: open_analyzer(dossier), fetcher).run()
            assert not summary.errors, summary.errors[:3]
            return summary.ingest.stored + summary.ingest.duplicates
        return run

    def ingest() -> int:
        with parley.open(temp / "ingest.db") as store, open_analyzer(None) as analyzer:
            summary = store.ingest(read_paths([folder]), analyzer, negotiation="world")
        return summary.stored + summary.duplicates

    with parley.open(temp / "follow.db") as store:
        store.follow([feed], "world")
    return [measure("follow run", follow(temp / "follow.db")),
            measure("follow run again (304)", follow(temp / "follow.db")),
            measure("ingest from disk", ingest)]


if __name__ == "__main__":
    main()
