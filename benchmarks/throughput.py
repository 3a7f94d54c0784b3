"""The figures of issue 6, each from its own `parley bench` process (so peak memory is per run):

1. parley end to end against raw spaCy on 500 BBC articles, with the eval scores full vs selective;
2. peak RSS of parley alone over 200 and over all 2,225 articles (streaming: the two should be close);
3. parley on a Dask LocalCluster with 1 and with 2 workers.

Run from the repository root: `.venv/bin/python benchmarks/throughput.py [--n 500]`.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

PARLEY = Path(sys.executable).with_name("parley")


def bench(*options: str) -> dict:
    command = [str(PARLEY), "bench", "--json", *options]
    print("$", " ".join(["parley", *command[1:]]), file=sys.stderr, flush=True)
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    figures = json.loads(done.stdout)
    print(json.dumps(figures), file=sys.stderr, flush=True)   # each run's figures as soon as it ends
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles for the ratio and the Dask runs")
    parser.add_argument("--all", type=int, default=2225, help="articles in the whole corpus")
    args = parser.parse_args()
    ratio = bench("--n", str(args.n))
    small = bench("--n", "200", "--no-raw", "--no-eval")
    whole = bench("--n", str(args.all), "--no-raw", "--no-eval")
    one = bench("--n", str(args.n), "--no-raw", "--no-eval", "--dask", "local:1")
    two = bench("--n", str(args.n), "--no-raw", "--no-eval", "--dask", "local:2")
    lost = {f"{group}/{measure}": values for group, measures in ratio["eval"].items()
            for measure, values in measures.items() if values["fast"] != values["full"]}
    print(f"raw spaCy             {ratio['raw']['rate']:7.2f} articles/s ({ratio['raw']['articles']} articles)")
    print(f"parley end to end     {ratio['parley']['rate']:7.2f} articles/s, tokens parsed {ratio['parsed_share']:.0%}")
    print(f"ratio                 {ratio['ratio']:7.2f}   (CPU time: {ratio['cpu_ratio']:.2f})")
    print(f"eval changed by selective parsing: {lost or 'nothing'}")
    print(f"peak RSS 200 articles {small['peak_rss_mib']:7.0f} MiB, {whole['parley']['articles']} articles "
          f"{whole['peak_rss_mib']:.0f} MiB ({whole['peak_rss_mib'] / small['peak_rss_mib'] - 1:+.1%})")
    print(f"Dask 1 worker         {one['parley']['rate']:7.2f} articles/s, {_workers(one)}")
    scaling = two['parley']['rate'] / one['parley']['rate']
    print(f"Dask 2 workers        {two['parley']['rate']:7.2f} articles/s ({scaling:.2f}x), {_workers(two)}")


def _workers(figures: dict) -> str:
    """The CPU seconds of each worker: on a machine other work shares, they show how the run would scale."""
    return "worker CPU s " + " + ".join(f"{s:.1f}" for s in figures["parley"]["worker_cpu_seconds"])


if __name__ == "__main__":
    main()
