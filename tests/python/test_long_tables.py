# SPDX-License-Identifier: MIT
"""Long-table fast paths: ranks within groups (regind.ranking.rank with integer group codes),
growth and CAGR per series (regind.growth.growth_by_group, cagr_by_group), and the clean-row
path of project_batch for linear / log-linear trends. Expected values come from pandas and
statsmodels, or hand arithmetic written here.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import regind
from regind.growth import cagr_by_group, growth_by_group
from regind.projection import project, project_batch
from regind.ranking import rank


def long_table(n: int, groups: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = np.round(rng.normal(0.0, 2.0, n), 0)  # many ties, some −0.0
    x[rng.random(n) < 0.05] = np.nan
    x[rng.random(n) < 0.01] = np.inf
    x[rng.random(n) < 0.01] = -np.inf
    return x, rng.integers(0, groups, n)


@pytest.mark.parametrize("method", ["average", "min", "max", "first", "dense"])
@pytest.mark.parametrize("na_option", ["keep", "top", "bottom"])
@pytest.mark.parametrize("ascending", [True, False])
@pytest.mark.parametrize("threads", [1, 2])
def test_rank_integer_groups_equal_pandas(method, na_option, ascending, threads):
    # 200,000 rows: enough for the kernel to split the rows between two threads.
    x, g = long_table(200_000, 300, seed=len(method) + 7 * ascending)
    for pct in (False, True):
        expected = pd.Series(x).groupby(g).rank(method=method, ascending=ascending, na_option=na_option,
                                                pct=pct).to_numpy()
        got = rank(x, method=method, ascending=ascending, na_option=na_option, pct=pct, groups=g, threads=threads)
        np.testing.assert_allclose(got, expected, rtol=1e-15, atol=0)


def test_rank_groups_sparse_codes_and_errors():
    x = np.array([5.0, 1.0, 3.0, 2.0])
    # Codes far apart (still ≤ max_group_code) are groups like any other: {0, 2} and {1, 3}.
    g = np.array([0, 1_000_000, 0, 1_000_000])
    np.testing.assert_array_equal(rank(x, groups=g), [2.0, 1.0, 1.0, 2.0])
    # Codes too large for a table of counts are numbered first (np.unique), same ranks.
    np.testing.assert_array_equal(rank(x, groups=g * 10**9), [2.0, 1.0, 1.0, 2.0])
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.threads\]"):
        rank(x, groups=g, threads=-1)
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.nan\] value 1 of 4 is NaN"):
        rank(np.array([1.0, np.nan, 2.0, 3.0]), groups=np.zeros(4, dtype=np.int64), na_option="raise")


def test_growth_by_group_equals_pandas_pct_change():
    rng = np.random.default_rng(5)
    n = 300_000
    x = rng.lognormal(3.0, 0.4, n)
    x[rng.random(n) < 0.02] = np.nan
    g = rng.integers(0, 5000, n)
    expected = pd.Series(x).groupby(g).pct_change(fill_method=None).to_numpy()
    for threads in (1, 2, 0):
        np.testing.assert_allclose(growth_by_group(x, g, threads=threads), expected, rtol=1e-14, equal_nan=True)


def test_growth_by_group_labels_and_bases():
    # Hand arithmetic: series "a" 100 → 80 → 0 → 50: −20 %, −100 %, then a base of 0 (NaN, where
    # pandas would give inf). None has no series.
    got = growth_by_group([100.0, 80.0, 7.0, 0.0, 50.0], ["a", "a", None, "a", "a"])
    np.testing.assert_allclose(got, [np.nan, -0.2, np.nan, -1.0, np.nan], rtol=1e-15)
    with pytest.raises(regind.InvalidInput, match="groups has 2 labels for 3 values"):
        growth_by_group([1.0, 2.0, 3.0], np.array([0, 1]))
    with pytest.raises(regind.InvalidInput, match=r"\[regind.invalid_input.out\]"):
        growth_by_group([1.0, 2.0], np.array([0, 0]), out=np.empty(3))


def test_cagr_by_group():
    # Hand arithmetic: A 100 (2015) → 161.051 (2020) is 10 % a year; B has one value; C falls
    # from 200 to 50 over 2 years: (1/4)^(1/2) − 1 = −50 %; the NaN in C is skipped.
    x = np.array([100.0, 5.0, 200.0, np.nan, 161.051, 50.0])
    t = np.array([2015, 2019, 2018, 2019, 2020, 2020])
    labels = ["A", "B", "C", "C", "A", "C"]
    got = cagr_by_group(x, labels, t)
    assert list(got.index) == ["A", "B", "C"]
    np.testing.assert_allclose(got.to_numpy(), [0.10, np.nan, -0.5], rtol=1e-12)
    codes = np.array([0, 1, 2, 2, 0, 2])
    np.testing.assert_allclose(cagr_by_group(x, codes, t, threads=2), [0.10, np.nan, -0.5], rtol=1e-12)
    # Default periods: the place in the series. A: 0 → 1, so 61.051 % over one step.
    np.testing.assert_allclose(cagr_by_group(x, codes)[0], 0.61051, rtol=1e-12)


def test_integer_labels_the_kernels_cannot_use_as_codes():
    # Integer groups go to the kernels as codes, which report negative or huge codes; those are
    # then numbered as labels. The results must be the same as pandas' with the same labels.
    rng = np.random.default_rng(17)
    n = 300_000  # several threads' worth of rows
    x = rng.lognormal(3.0, 0.4, n)
    x[rng.random(n) < 0.02] = np.nan
    base = rng.integers(0, 4000, n)
    for labels in (base - 2000, base * 10**12, np.sort(base) - 1):
        series = pd.Series(x)
        np.testing.assert_allclose(growth_by_group(x, labels, threads=2),
                                   series.groupby(labels).pct_change(fill_method=None).to_numpy(), rtol=1e-14)
        np.testing.assert_array_equal(rank(x, groups=labels, method="min", threads=2),
                                      series.groupby(labels).rank(method="min").to_numpy())
        got = cagr_by_group(x, labels, threads=2)
        assert isinstance(got, pd.Series)  # numbered labels: indexed by label
        frame = pd.DataFrame({"v": x, "g": labels, "t": series.groupby(labels).cumcount()}).dropna(subset=["v"])
        ends = frame.groupby("g").agg(v0=("v", "first"), v1=("v", "last"), t0=("t", "first"), t1=("t", "last"))
        years = (ends["t1"] - ends["t0"]).where(lambda y: y > 0)
        expected = (ends["v1"] / ends["v0"]) ** (1.0 / years) - 1.0
        # A rate is r − 1 with r near 1: compare absolutely (1e-15 is a few ulp of r).
        np.testing.assert_allclose(got.reindex(expected.index).to_numpy(), expected.to_numpy(), rtol=0, atol=1e-15)
    # In place with labels that must be numbered: the values are not half overwritten first.
    y = np.array([100.0, 110.0, 50.0, 55.0])
    growth_by_group(y, np.array([-5, -5, 7, 7]), out=y)
    np.testing.assert_allclose(y, [np.nan, 0.1, np.nan, 0.1], rtol=1e-15)


def test_cagr_by_group_series_one_run_each_or_scattered():
    # A table sorted by series takes the path without per-series records; the same rows
    # shuffled (each series' rows still in period order) take the general path. Same rates.
    rng = np.random.default_rng(23)
    series, per = 50_000, 8
    x = rng.lognormal(2.0, 0.5, series * per)
    g = np.repeat(np.arange(series), per)
    t = np.tile(np.arange(2015.0, 2015.0 + per), series)
    sorted_rates = cagr_by_group(x, g, t, threads=2)
    # Hand formula for series 0 and 1.
    for s in (0, 1):
        first, last = x[s * per], x[s * per + per - 1]
        assert sorted_rates[s] == pytest.approx((last / first) ** (1.0 / (per - 1)) - 1.0, rel=1e-13)
    order = np.argsort(t, kind="stable")  # period-major: every series interleaves
    np.testing.assert_allclose(cagr_by_group(x[order], g[order], t[order], threads=1), sorted_rates, rtol=1e-14)


def test_loglinear_batch_fast_path_matches_statsmodels_and_project():
    sm = pytest.importorskip("statsmodels.api")
    rng = np.random.default_rng(9)
    m = 100 * np.exp(np.cumsum(rng.normal(0.05, 0.03, size=(50_000, 10)), axis=1))
    b = project_batch(m, method="loglinear", horizon=2, level=0.9, threads=2)
    assert set(b.status) == {"ok"}
    x = sm.add_constant(np.arange(10.0))
    for r in (0, 123, 49_999):
        fit = sm.OLS(np.log(m[r]), x).fit()
        frame = fit.get_prediction(np.array([[1.0, 10.0], [1.0, 11.0]])).summary_frame(alpha=0.1)
        np.testing.assert_allclose(b.median[r], np.exp(frame["mean"]), rtol=1e-11)
        np.testing.assert_allclose(b.lower[r], np.exp(frame["obs_ci_lower"]), rtol=1e-11)
        np.testing.assert_allclose(b.upper[r], np.exp(frame["obs_ci_upper"]), rtol=1e-11)
        p = project(m[r], method="loglinear", horizon=2, level=0.9)
        for name in ("mean", "median", "lower", "upper", "periods"):
            np.testing.assert_array_equal(getattr(b, name)[r], getattr(p, name))
        assert b.notes[r] == p.notes
