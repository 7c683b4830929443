# SPDX-License-Identifier: MIT
"""All of regind's speed benchmarks in one run: regind's time on one thread and on all cores,
the peer's time and the ratio, for each target of BENCHMARKS.md. Not a test; CI does not run it.

    scripts/dev-python.sh bench
    PYTHONPATH=build/dev-bench/stage nice -n 10 .venv/bin/python benchmarks/run.py
    # --quick: smaller problems (a smoke run of a minute); --only rank,growth,projection,ua,threads

Peers: pandas (groupby rank, pct_change, first/last), statsmodels (Holt, OLS; timed on a subset
and scaled, as printed), COINr (a published figure). Each peer and regind are timed in the same
process, back to back, best of --repeat; see _common.py.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling modules

import bench_long_table  # noqa: E402
import bench_projection  # noqa: E402
import bench_threads  # noqa: E402
import bench_uncertainty  # noqa: E402
from _common import load_average, machine_facts, print_table  # noqa: E402

TOPICS = ("rank", "growth", "projection", "ua", "threads")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small problems: a smoke run")
    ap.add_argument("--only", default=",".join(TOPICS), help=f"comma-separated subset of {', '.join(TOPICS)}")
    ap.add_argument("--repeat", type=int, default=2, help="best of this many runs (default 2)")
    args = ap.parse_args()
    topics = {t.strip() for t in args.only.split(",") if t.strip()}
    unknown = topics - set(TOPICS)
    if unknown:
        ap.error(f"unknown topic(s) {', '.join(sorted(unknown))}; choose from {', '.join(TOPICS)}")

    for fact in machine_facts():
        print(fact)
    print()
    start = time.perf_counter()
    rows = []
    if topics & {"rank", "growth"}:
        size = (300, 50, 30) if args.quick else (3000, 200, 30)
        table = bench_long_table.long_table(*size)
        if "rank" in topics:
            rows.append(bench_long_table.bench_rank(table, args.repeat))
        if "growth" in topics:
            rows.append(bench_long_table.bench_growth(table, args.repeat))
            rows.append(bench_long_table.bench_cagr(table, args.repeat))
        del table
    if "projection" in topics:
        if args.quick:
            rows += bench_projection.run(holt_rows=500, ols_rows=50_000, subset=20, repeat=args.repeat)
        else:
            rows += bench_projection.run(repeat=args.repeat)
    if "ua" in topics:
        rows += bench_uncertainty.run(n_asem=200, n_synthetic=4) if args.quick else bench_uncertainty.run()
    print_table(rows)
    if "projection" in topics:
        agree = bench_projection.check_agreement()
        print(f"\nHolt forecasts, regind vs statsmodels on 20 series (both least squares): relative difference "
              f"median {agree['median_rel_diff']:.1e}, max {agree['max_rel_diff']:.1e}")
    if "threads" in topics:
        print("\nGIL released: the same calls from a loop and from Python threads")
        results = bench_threads.run(calls=4 if args.quick else 8, repeat=args.repeat)
        bench_threads.print_results(results, calls=4 if args.quick else 8)
    print(f"\nload average at end: {load_average()}; total run {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
