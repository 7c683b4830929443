# SPDX-License-Identifier: MIT
"""Data crosses NumPy ↔ C++ without copies where the layout allows, and long C++ calls release
the GIL.

What is asserted, and why it can fail:
- Inputs: a C-contiguous float64 array reaches the C++ kernels as the same buffer. The long-
  table kernels take `py::array_t` arguments with `noconvert`, so a float32 or strided array is
  a TypeError instead of a silent converted copy; and ranking/growth `out=` arrays (which may
  be the input itself) are written in place, which only works if C++ sees the caller's memory.
- Outputs: results built in C++ (Eigen vectors and matrices) are handed to NumPy as views of
  the C++ buffer, owned by a capsule (`base` is a PyCapsule, `owndata` is False), not copied.
- GIL: while a kernel runs in a thread, the main thread keeps running Python code; if the GIL
  were held, the main thread would stall for the whole call.
"""
from __future__ import annotations

import threading
import time

import numpy as np
import pandas as pd
import pytest

import regind.growth
import regind.projection
import regind.ranking
from regind import _core


def table(n: int = 6000, groups: int = 7, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = np.round(rng.lognormal(2.0, 0.5, n), 1)  # rounded: ties
    x[rng.random(n) < 0.05] = np.nan
    return x, rng.integers(0, groups, n).astype(np.int64)


def is_capsule_view(a: np.ndarray) -> bool:
    return type(a.base).__name__ == "PyCapsule" and not a.flags.owndata


# -- inputs ---------------------------------------------------------------------------------------
def test_python_layer_passes_contiguous_float64_through():
    x = np.linspace(1.0, 2.0, 50)
    assert np.shares_memory(regind.ranking._as_vector(x, "values"), x)
    assert np.shares_memory(regind.growth._column("f", "values", x), x)
    codes = np.arange(50, dtype=np.int64) % 3
    assert np.shares_memory(regind.ranking._group_codes(codes, 50, x), codes)
    assert np.shares_memory(regind.growth._series_codes("f", codes, 50)[0], codes)


def test_grouped_rank_writes_into_out_and_into_its_input():
    x, g = table()
    expected = pd.Series(x).groupby(g).rank(method="min", ascending=False).to_numpy()
    out = np.full_like(x, -1.0)
    got = regind.ranking.rank(x, method="min", ascending=False, groups=g, out=out)
    assert got is out and np.shares_memory(got, out)
    np.testing.assert_array_equal(out, expected)
    # In place: the kernel reads the caller's buffer and writes the ranks over it.
    y = x.copy()
    got = regind.ranking.rank(y, method="min", ascending=False, groups=g, out=y)
    assert got is y
    np.testing.assert_array_equal(y, expected)


def test_core_kernels_refuse_to_copy():
    x, g = table(100)
    out = np.empty_like(x)
    # The same buffers come back: the binding returns `out` itself.
    assert _core.rank_grouped(x, g, out, "min", True, "keep", False, 1) is out
    assert _core.growth.growth_grouped(x, g, out, 1) is out
    args = ("min", True, "keep", False, 1)
    with pytest.raises(TypeError):  # float32 would need a converted copy
        _core.rank_grouped(x.astype(np.float32), g, out, *args)
    with pytest.raises(TypeError):  # a strided view would need a contiguous copy
        _core.rank_grouped(np.repeat(x, 2)[::2], g, out, *args)
    with pytest.raises(TypeError):  # int32 codes would need a converted copy
        _core.rank_grouped(x, g.astype(np.int32), out, *args)
    with pytest.raises(TypeError):
        _core.growth.growth_grouped(x, g, out.astype(np.float32), 1)


def test_growth_by_group_in_place():
    x = np.array([100.0, 50.0, 110.0, 60.0, 121.0])
    g = np.array([0, 1, 0, 1, 0])
    y = x.copy()
    got = regind.growth.growth_by_group(y, g, out=y)
    assert got is y
    # Hand arithmetic: 110/100 − 1, 60/50 − 1, 121/110 − 1.
    np.testing.assert_allclose(y, [np.nan, np.nan, 0.1, 0.2, 0.1], rtol=1e-15)


def test_rank_into_reads_and_writes_the_callers_buffer():
    x = np.array([10.0, 20.0, 20.0, 30.0])
    _core.rank_into(x, x, "min", False, "keep", False)
    np.testing.assert_array_equal(x, [4.0, 2.0, 2.0, 1.0])


# -- outputs --------------------------------------------------------------------------------------
def test_results_view_cpp_buffers():
    x = np.array([3.0, 1.0, 2.0])
    assert is_capsule_view(_core.rank(x, "average", True, "keep", False))
    assert is_capsule_view(_core.growth.growth(x, x + 1.0))
    m = 100.0 * np.exp(np.cumsum(np.full((4, 6), 0.05), axis=1) + np.arange(6) * 0.001)
    b = regind.projection.project_batch(m, method="loglinear", threads=1)
    for name in ("mean", "median", "lower", "upper", "periods"):
        assert is_capsule_view(getattr(b, name)), name


def test_cagr_result_views_the_cpp_vector():
    r = regind.growth.cagr_by_group(np.array([100.0, 121.0]), np.array([0, 0]), np.array([0.0, 2.0]))
    assert is_capsule_view(r)
    np.testing.assert_allclose(r, [0.1], rtol=1e-14)  # (121 / 100)^(1/2) − 1


# -- the GIL --------------------------------------------------------------------------------------
def longest_stall(call) -> tuple[float, float]:
    """Runs call() in a thread; returns (its duration, the longest gap between two iterations of
    a Python loop on the main thread meanwhile)."""
    duration, gaps = stall_timeline(call)
    return duration, max(g for _, g in gaps)


def stall_timeline(call) -> tuple[float, list[tuple[float, float]]]:
    """Runs call() in a thread; returns its duration and, for each iteration of a Python loop on
    the main thread meanwhile, (when it ended, the gap since the previous one)."""
    done = threading.Event()
    span = []

    def run() -> None:
        t0 = time.perf_counter()
        call()
        span.append(time.perf_counter() - t0)
        done.set()

    worker = threading.Thread(target=run)
    gaps = []
    last = time.perf_counter()
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        gaps.append((now, now - last))
        last = now
    worker.join()
    return span[0], gaps


@pytest.mark.parametrize("kernel", ["rank", "growth"])
def test_long_calls_release_the_gil(kernel):
    rng = np.random.default_rng(1)
    x = np.round(rng.lognormal(3, 1, 3_000_000), 2)
    g = np.arange(x.size, dtype=np.int64) % 3000
    calls = {
        "rank": lambda: regind.ranking.rank(x, method="min", groups=g, threads=1),
        "growth": lambda: [regind.growth.growth_by_group(x, g, threads=1) for _ in range(5)],
    }
    # Held GIL: the main loop would stall for about the whole call, every time. The best of
    # three tries keeps a busy machine's scheduling pauses from failing the test.
    tries = [longest_stall(calls[kernel]) for _ in range(3)]
    duration, gap = min(tries, key=lambda t: t[1] / t[0])
    assert duration > 0.02, "the call was too short to tell"
    # A held GIL stalls ~100 % of the call; 80 % leaves room for a loaded CI machine.
    assert gap < 0.8 * duration, f"main thread stalled {gap:.3f} s of a {duration:.3f} s call"


def test_project_batch_releases_the_gil_while_it_computes():
    # After the computation the per-series status, method and notes become Python objects
    # (category codes counted without the GIL, then one NumPy take; notes lists only when read),
    # which needs the GIL; so only the computing part is checked. Its end is marked by the
    # progress callback, which project_batch calls once more when every row is done.
    rng = np.random.default_rng(2)
    m = 100 * np.exp(np.cumsum(rng.normal(0.05, 0.03, size=(400_000, 10)), axis=1))
    marks: list[float] = []
    start = []

    def call() -> None:
        start.append(time.perf_counter())
        regind.projection.project_batch(m, method="loglinear", threads=1,
                                        progress=lambda done, total: marks.append(time.perf_counter()))

    shares = []
    for _ in range(3):  # the best of three tries, as above
        start.clear()
        marks.clear()
        _, gaps = stall_timeline(call)
        begin, end = start[0], marks[-1]
        assert end - begin > 0.02, "the computation was too short to tell"
        inside = [gap for when, gap in gaps if begin < when <= end]
        shares.append(max(inside) / (end - begin) if inside else 1.0)
    assert min(shares) < 0.8, f"main thread stalled for {min(shares):.0%} of the computation"
