# SPDX-License-Identifier: MIT
"""Thread safety: the same calls made from several Python threads at once give results
identical, bit for bit, to the same calls made one after another. The C++ behind these calls
releases the GIL (ranking, batch projections, uncertainty), so the threads really overlap and
share the built-in registry, catalogue and seed dataset."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import numpy as np
import pandas as pd
import pytest

import regind
from regind.composite import CompositeIndex

THREADS = 4
CALLS = 8  # each call runs twice as many times as there are threads


def same(a: Any, b: Any) -> None:
    """Identical results: arrays bit for bit (NaN where NaN), frames cell for cell, else ==."""
    if isinstance(a, tuple):
        assert isinstance(b, tuple) and len(a) == len(b)
        for x, y in zip(a, b):
            same(x, y)
    elif isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    elif isinstance(a, np.ndarray) and a.dtype.kind == "f":
        np.testing.assert_array_equal(a.view(np.int64), np.asarray(b).view(np.int64))
    elif isinstance(a, np.ndarray):
        np.testing.assert_array_equal(a, b)
    else:
        assert a == b


def check_concurrent(call: Callable[[int], Any]) -> None:
    """Runs call(i) for i in 0..CALLS-1 serially, then all of them again on THREADS threads at
    once, and compares each concurrent result with its serial one."""
    serial = [call(i) for i in range(CALLS)]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        concurrent = list(pool.map(call, range(CALLS)))
    for i, (a, b) in enumerate(zip(serial, concurrent)):
        try:
            same(a, b)
        except AssertionError as exc:
            raise AssertionError(f"call {i}: concurrent result differs from the serial one: {exc}") from None


RNG = np.random.default_rng(20261204)
# Ties (rounded values) and NaN make every branch of the ranking engine run.
VALUES = np.round(RNG.normal(100, 30, size=(CALLS, 20_000)), 0)
VALUES[:, ::97] = np.nan
GROUPS = RNG.integers(0, 50, size=20_000)


def test_ranking_from_several_threads() -> None:
    def call(i: int) -> Any:
        x = VALUES[i]
        return (regind.rank(x, method="min", ascending=False),
                regind.rank(x, method="average", na_option="bottom", pct=True),
                regind.rank(x, method="dense", groups=GROUPS, threads=2),
                regind.rank_panel(x.reshape(200, 100), method="first", axis=1))

    check_concurrent(call)


LONG_VALUES = np.round(RNG.lognormal(3.0, 1.0, size=2_200_000), 2)
LONG_VALUES[::89] = np.nan
LONG_GROUPS = np.arange(LONG_VALUES.size) % 6000  # 6,000 interleaved groups
LONG_SERIES = np.arange(LONG_VALUES.size) // 30  # series of 30 rows, a series at a time


def test_long_table_kernels_from_several_threads() -> None:
    # 2.2M values: rank_grouped's scratch (17.6 MB) is large enough to be kept between calls,
    # so the threads also contend for that one kept block.
    def call(i: int) -> Any:
        x = LONG_VALUES * (1.0 + 0.01 * i)
        return (regind.rank(x, method="min", groups=LONG_GROUPS, threads=1),
                regind.growth.growth_by_group(x, LONG_SERIES, threads=2),
                regind.growth.cagr_by_group(x, LONG_SERIES, threads=1))

    check_concurrent(call)


SERIES = np.exp(np.cumsum(RNG.normal(0.05, 0.03, size=(CALLS, 40, 10)), axis=2)) * 100


def test_batch_projection_from_several_threads() -> None:
    def call(i: int) -> Any:
        b = regind.project_batch(SERIES[i], periods=list(range(2013, 2023)), method="holt", horizon=3, threads=2)
        l = regind.project_batch(SERIES[i], method="loglinear", horizon=2, threads=1)
        return b.mean, b.lower, b.upper, tuple(b.status), l.mean, l.upper

    check_concurrent(call)


def composite_input(i: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(i)
    k, n = 5, 30
    codes = [f"x{j}" for j in range(k)]
    meta = pd.DataFrame({
        "Level": [1] * k + [2, 2, 3], "iCode": codes + ["P", "Q", "Index"],
        "Parent": ["P", "P", "P", "Q", "Q", "Index", "Index", None],
        "Direction": [1, -1, 1, 1, -1, 1, 1, 1], "Weight": [1, 2, 1, 1, 3, 1, 1, 1],
        "Type": ["Indicator"] * k + ["Aggregate"] * 3,
    })
    values = rng.lognormal(3, 1, size=(n, k))
    values[rng.random((n, k)) < 0.05] = np.nan
    data = pd.DataFrame(values, columns=codes)
    data.insert(0, "uCode", [f"u{u:02d}" for u in range(n)])
    return data, meta


def pipeline(i: int) -> CompositeIndex:
    data, meta = composite_input(i % 3)
    return (CompositeIndex.from_coinr(data, meta).impute("i_mean").treat()
            .normalise("n_minmax", l_u=(1, 100)).aggregate(["a_amean", "a_gmean"]))


def test_composite_pipeline_from_several_threads() -> None:
    def call(i: int) -> Any:
        ci = pipeline(i)
        return ci.scores(), ci.ranks(), ci.data("Treated")

    check_concurrent(call)


def test_uncertainty_on_one_shared_index_from_several_threads() -> None:
    shared = pipeline(0)

    def call(i: int) -> Any:
        r = shared.uncertainty(n=40, seed=i % 2, weights_noise={1: 0.25},
                               normalisation=["n_minmax", "n_rank"], threads=1)
        return r.to_pandas(), r.rank_matrix()

    check_concurrent(call)
    # The shared index itself is left as it was.
    same((shared.scores(), shared.ranks()), (pipeline(0).scores(), pipeline(0).ranks()))


@pytest.fixture(scope="module")
def seed() -> regind.Dataset:
    return regind.datasets.seed_facts()


def test_dataset_queries_on_one_shared_dataset_from_several_threads(seed: regind.Dataset) -> None:
    def call(i: int) -> Any:
        region = ["嘉兴", "湖州", "330400", "Huzhou"][i % 4]
        q = seed.query(region=region)
        panel = seed.panel("va_industry", "growth_pct")
        table = regind.league_table(seed, "va_industry", "2021", measure="growth_pct")
        return (q.to_csv_string(), panel.values, tuple(panel.regions), tuple(panel.periods), table,
                seed.to_pandas(), regind.Dataset.from_csv_string(seed.to_csv_string()) == seed)

    check_concurrent(call)
