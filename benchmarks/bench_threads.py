# SPDX-License-Identifier: MIT
"""The GIL is released during long C++ calls: the same calls from several Python threads run
in parallel. Each kernel is called with threads=1 (one C++ thread), `calls` times, first in a
plain loop, then from a ThreadPoolExecutor with one Python thread per core. A speed-up near the
number of cores means the calls did not wait for each other on the GIL. On a loaded machine the
speed-up needs idle cores, so the longest stall of a Python loop on the main thread while one call runs in another
thread is printed too: about 100 % of the call if it held the GIL, near 0 % if it released it.
"""
from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

import numpy as np

import regind.growth
import regind.ranking
from regind.projection import project_batch

from _common import best


def speedup(fn: Callable[[], object], calls: int, workers: int, repeat: int) -> tuple[float, float]:
    """(seconds for `calls` calls in a loop, seconds for them from `workers` Python threads)."""
    serial = best(lambda: [fn() for _ in range(calls)], repeat)

    def threaded() -> None:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda _: fn(), range(calls)))

    return serial, best(threaded, repeat)


def stall(fn: Callable[[], object]) -> float:
    """The longest pause of a Python loop on this thread while fn runs on another, as a share
    of fn's time: about 1 if fn held the GIL throughout, near 0 if it released it. Unlike the
    speed-up this needs no idle core."""
    done = threading.Event()
    span: list[float] = []

    def run_it() -> None:
        t0 = time.perf_counter()
        fn()
        span.append(time.perf_counter() - t0)
        done.set()

    worker = threading.Thread(target=run_it)
    last = time.perf_counter()
    gap = 0.0
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        gap = max(gap, now - last)
        last = now
    worker.join()
    return gap / span[0]


def run(calls: int = 8, repeat: int = 2) -> list[tuple[str, float, float, float, int]]:
    workers = os.cpu_count() or 1
    rng = np.random.default_rng(4)
    n = 2_000_000
    x = np.round(rng.lognormal(3, 1, n), 2)
    codes = np.arange(n, dtype=np.int64) % 6000
    series = 100 * np.exp(np.cumsum(rng.normal(0.05, 0.03, size=(100_000, 10)), axis=1))
    kernels = {
        "rank(groups=…), 2M values": lambda: regind.ranking.rank(x, method="min", groups=codes, threads=1),
        "growth_by_group, 2M values": lambda: regind.growth.growth_by_group(x, codes, threads=1),
        "project_batch loglinear, 100k series": lambda: project_batch(series, method="loglinear", threads=1),
    }
    out = []
    for name, fn in kernels.items():
        serial, threaded = speedup(fn, calls, workers, repeat)
        out.append((name, serial, threaded, stall(fn), workers))
    return out


def print_results(results: list[tuple[str, float, float, float, int]], calls: int = 8) -> None:
    print(f"{'kernel (threads=1 inside)':<40}{'serial loop':>14}{'Python threads':>16}{'speed-up':>10}"
          f"{'main-thread stall':>19}")
    for name, serial, threaded, stalled, workers in results:
        print(f"{name:<40}{serial:>12.3f} s{threaded:>14.3f} s{serial / threaded:>9.2f}×{stalled:>10.0%} of a call"
              f"   ({calls} calls, {workers} Python threads)")
