# SPDX-License-Identifier: MIT
"""Uncertainty and Sobol' sensitivity analysis (REFERENCE-METHODS.md §E9): the Ishigami function
against its analytic indices and against scipy.stats.sobol_indices, hand arithmetic for the
estimators, pipelines rebuilt by hand, invariants (seed, thread count, nominal ranks = the
index's ranks()) on a small index and on COINr's ASEM example, and every error path."""
from __future__ import annotations

import math
import os
import signal
import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.stats

import regind
from regind.composite import CompositeIndex
from regind.uncertainty import (alternative_index, sensitivity, sobol_estimate, sobol_indices, uncertainty)

ROOT = Path(__file__).resolve().parents[2]
ORACLES = Path(os.environ.get("REGIND_SHARED_DIR", ROOT.parent / "shared")) / "oracles" / "coinr"

S_ISHIGAMI = np.array([0.3139, 0.4424, 0.0])
ST_ISHIGAMI = np.array([0.5576, 0.4424, 0.2437])


def ishigami(x: np.ndarray) -> np.ndarray:
    """Rows are points (x1, x2, x3); a = 7, b = 0.1."""
    return np.sin(x[:, 0]) + 7 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])


# -- small index -------------------------------------------------------------------------------
def _small_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    meta = pd.DataFrame({
        "Level": [1, 1, 1, 1, 2, 2, 3, None],
        "iCode": ["a", "b", "c", "d", "P", "Q", "Index", "grp"],
        "Parent": ["P", "P", "Q", "Q", "Index", "Index", None, None],
        "Direction": [1, 1, 1, 1, 1, 1, 1, None],
        "Weight": [1, 2, 1, 1, 1, 1, 1, None],
        "Type": ["Indicator"] * 4 + ["Aggregate"] * 3 + ["Group"],
    })
    data = pd.DataFrame({
        "uCode": [f"u{i}" for i in range(1, 9)],
        "a": [3, 8, 1, 9, 4, 6, 2, 7],
        "b": [5, 1, 7, 2, 8, 3, 9, 4],
        "c": [2, 6, np.nan, 1, 5, 9, 3, 40],
        "d": [7, 3, 5, 8, 2, 6, 4, 1],
        "grp": ["x"] * 4 + ["y"] * 4,
    })
    return data, meta


def small_index(normalise: dict | None = None, aggregate: str = "a_amean") -> CompositeIndex:
    data, meta = _small_tables()
    return (CompositeIndex.from_coinr(data, meta).impute("i_mean")
            .normalise(**(normalise or {"method": "n_minmax"})).aggregate(method=aggregate))


@pytest.fixture(scope="module")
def asem() -> CompositeIndex:
    """COINr's full example (build_example_coin) on the ASEM data."""
    paths = [ORACLES / "input_iData.csv", ORACLES / "input_iMeta.csv"]
    for p in paths:
        if not p.is_file():
            pytest.skip(f"the COINr ASEM input {p} is absent (../shared/oracles/coinr is not checked out beside the repo)")
    data, meta = (pd.read_csv(p) for p in paths)
    return (CompositeIndex.from_coinr(data, meta).denominate().impute(method="i_mean_grp", group="EurAsia_group")
            .screen(dat_thresh=0.9).treat().normalise(method="n_minmax", l_u=(0, 100)).aggregate(method="a_amean"))


ASEM_SPEC = dict(weights_noise={2: 0.25, 3: 0.25},
                 normalisation=[{"method": "n_minmax", "l_u": (1, 100)}, {"method": "n_zscore", "m_sd": (10, 2)}],
                 aggregation=["a_amean", "a_gmean"],
                 impute=[{"method": "i_mean_grp", "group": "EurAsia_group"}, "i_median"],
                 treat=[None, {"winmax": 5}])


# -- estimators --------------------------------------------------------------------------------
def test_alternative_index() -> None:
    assert [alternative_index(u, 3) for u in (0.0, 0.3333, 1 / 3, 0.9999, 1.0)] == [0, 0, 1, 2, 2]
    for bad in (-0.1, 1.5, math.nan):
        with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.uncertainty\] u must be in \[0, 1\]"):
            alternative_index(bad, 3)
    with pytest.raises(ValueError, match=r"n must be >= 1"):
        alternative_index(0.5, 0)


def test_estimators_by_hand() -> None:
    # N = 2, d = 2: y_A = (1, 3), y_B = (2, 4), y_AB1 = (2, 3), y_AB2 = y_A.
    # mean 2.5, Σ(y − 2.5)² over A and B = 2.25 + 0.25 + 0.25 + 2.25 = 5 → V = 5/3 (ddof 1), 5/4 (ddof 0).
    # Uncentred S_1 = ((2·1 + 4·0)/2)/V; centred S_1 = ((−0.5·1 + 1.5·0)/2)/V = −0.25/V;
    # ST_1 = ((1 + 0)/2)/(2V) = 0.25/V; S_2 = ST_2 = 0.
    ya, yb, yab = [1, 3], [2, 4], [[2, 1], [3, 3]]
    r = sobol_estimate(ya, yb, yab, n_boot=0, center=False)
    assert r.variance == pytest.approx(5 / 3, abs=1e-14)
    assert r.first_order == pytest.approx([0.6, 0.0], abs=1e-14)
    assert r.total_order == pytest.approx([0.15, 0.0], abs=1e-14)
    assert np.isnan(r.first_order_interval).all()
    r = sobol_estimate(ya, yb, yab, n_boot=0, center=True, ddof=0, names=["p", "q"])
    assert r.variance == pytest.approx(1.25, abs=1e-14)
    assert r.first_order == pytest.approx([-0.2, 0.0], abs=1e-14)
    assert r.total_order == pytest.approx([0.2, 0.0], abs=1e-14)
    frame = r.to_pandas()
    assert list(frame.index) == ["p", "q"] and list(frame.columns) == ["S", "S_lo", "S_hi", "ST", "ST_lo", "ST_hi"]
    # A constant output: V = 0 gives NaN indices (SciPy reports 0 instead).
    c = sobol_estimate([5, 5], [5, 5], [[5], [5]], n_boot=0)
    assert c.variance == 0 and np.isnan(c.first_order[0]) and np.isnan(c.total_order[0])


def test_bootstrap_intervals() -> None:
    rng = np.random.default_rng(3)
    ya, yb = rng.normal(size=64), rng.normal(size=64)
    yab = np.column_stack([0.5 * ya + 0.5 * yb, ya])  # input 2 never changes the output
    r = sobol_estimate(ya, yb, yab, n_boot=400, level=0.9, seed=5)
    assert r.first_order_interval[1].tolist() == [0.0, 0.0]
    assert r.total_order_interval[1].tolist() == [0.0, 0.0]
    lo, hi = r.total_order_interval[0]
    assert 0 < lo < r.total_order[0] < hi
    again = sobol_estimate(ya, yb, yab, n_boot=400, level=0.9, seed=5)
    assert np.array_equal(again.total_order_interval, r.total_order_interval)
    other = sobol_estimate(ya, yb, yab, n_boot=400, level=0.9, seed=6)
    assert not np.array_equal(other.total_order_interval, r.total_order_interval)
    assert np.array_equal(other.first_order, r.first_order)
    wider = sobol_estimate(ya, yb, yab, n_boot=400, level=0.99, seed=5)
    assert wider.total_order_interval[0, 0] <= lo and wider.total_order_interval[0, 1] >= hi


def test_ishigami_analytic_and_scipy() -> None:
    # N = 2^14 rows. Tolerance: 5 standard errors of each estimate, the standard error being
    # the sample SD of the estimator's per-row terms / √N / V (CLT), computed below from the
    # same runs (≈ 0.01–0.02 here), so a correct estimator fails with probability < 1e-6.
    n, d = 1 << 14, 3
    seen: dict[str, np.ndarray] = {}

    def f(x: np.ndarray) -> np.ndarray:
        seen["x"] = x
        seen["y"] = ishigami(x)
        return seen["y"]

    r = sobol_indices(f, d, n, seed=11, bounds=[(-math.pi, math.pi)] * 3, n_boot=0, ddof=0)
    x, y = seen["x"], seen["y"]
    assert x.shape == (n * (d + 2), d) and x.min() >= -math.pi and x.max() <= math.pi
    # The design: AB_i is A with column i from B.
    A, B = x[:n], x[n:2 * n]
    for i in range(d):
        expected = A.copy()
        expected[:, i] = B[:, i]
        assert np.array_equal(x[(2 + i) * n:(3 + i) * n], expected)
    ya, yb, yab = y[:n], y[n:2 * n], y[2 * n:].reshape(d, n)
    m = np.mean(np.concatenate([ya, yb]))
    v = np.var(np.concatenate([ya, yb]))
    se_s = np.std((yb - m) * (yab - ya), axis=1, ddof=1) / math.sqrt(n) / v
    se_t = np.std((ya - yab) ** 2 / 2, axis=1, ddof=1) / math.sqrt(n) / v
    assert (se_s < 0.03).all() and (se_t < 0.03).all()
    assert np.all(np.abs(r.first_order - S_ISHIGAMI) < 5 * se_s + 5e-5)
    assert np.all(np.abs(r.total_order - ST_ISHIGAMI) < 5 * se_t + 5e-5)

    # SciPy's estimator on the very same outputs (its dict form): identical to rounding.
    ref = scipy.stats.sobol_indices(func={"f_A": ya[None, :], "f_B": yb[None, :], "f_AB": yab[:, None, :]}, n=n)
    np.testing.assert_allclose(r.first_order, ref.first_order, rtol=0, atol=1e-12)
    np.testing.assert_allclose(r.total_order, ref.total_order, rtol=0, atol=1e-12)

    # SciPy end to end (its own scrambled Sobol' design): agrees within the same Monte-Carlo error.
    full = scipy.stats.sobol_indices(func=lambda z: ishigami(z.T), n=n,
                                     dists=[scipy.stats.uniform(loc=-math.pi, scale=2 * math.pi)] * 3,
                                     rng=np.random.default_rng(0))
    assert np.all(np.abs(r.first_order - full.first_order) < 5 * se_s)
    assert np.all(np.abs(r.total_order - full.total_order) < 5 * se_t)

    # ddof = 1 (the default, COINr) divides Σ by 2N − 1 instead of 2N.
    r1 = sobol_indices(ishigami, d, n, seed=11, bounds=[(-math.pi, math.pi)] * 3, n_boot=0)
    assert r1.variance == pytest.approx(r.variance * 2 * n / (2 * n - 1), rel=1e-12)
    np.testing.assert_allclose(r1.total_order, r.total_order * (2 * n - 1) / (2 * n), rtol=1e-12)


def test_sobol_indices_default_box_and_bootstrap() -> None:
    # y = x1 + 2·x2 on [0, 1)²: S = ST = (1/5, 4/5).
    r = sobol_indices(lambda x: x[:, 0] + 2 * x[:, 1], 2, 4096, seed=1, names=["a", "b"], n_boot=200)
    assert r.first_order == pytest.approx([0.2, 0.8], abs=0.05)
    assert r.total_order == pytest.approx([0.2, 0.8], abs=0.05)
    lo, hi = r.total_order_interval[:, 0], r.total_order_interval[:, 1]
    assert np.all(lo <= r.total_order) and np.all(r.total_order <= hi)
    assert "a: S=" in repr(r)
    # Same seed → identical; the design depends only on the seed.
    again = sobol_indices(lambda x: x[:, 0] + 2 * x[:, 1], 2, 4096, seed=1, names=["a", "b"], n_boot=200)
    assert np.array_equal(again.first_order_interval, r.first_order_interval)


# -- uncertainty analysis ----------------------------------------------------------------------
def test_uncertainty_small_index_replications_by_hand() -> None:
    ci = small_index()
    norms = [{"method": "n_minmax", "l_u": (1, 100)}, "n_rank", {"method": "n_zscore", "m_sd": (10, 1)}]
    aggs = ["a_amean", "a_median", {"method": "a_genmean", "p": 2}]
    ua = uncertainty(ci, n=30, seed=4, normalisation=norms, aggregation=aggs, targets=["P", "Index"], threads=2)
    assert ua.targets == ["P", "Index"] and ua.units == [f"u{i}" for i in range(1, 9)]
    assert ua.inputs == ["normalisation", "aggregation"]
    assert ua.alternatives["normalisation"] == ["n_minmax(1, 100)", "n_rank", "n_zscore(10, 1)"]
    assert ua.alternatives["aggregation"] == ["a_amean", "a_median", "a_genmean(p=2)"]
    choices = ua.choices()
    data, meta = _small_tables()
    for r in range(30):
        spec = norms[ua.alternatives["normalisation"].index(choices.loc[r, "normalisation"])]
        agg = aggs[ua.alternatives["aggregation"].index(choices.loc[r, "aggregation"])]
        by_hand = (CompositeIndex.from_coinr(data, meta).impute("i_mean")
                   .normalise(**(spec if isinstance(spec, dict) else {"method": spec}))
                   .aggregate(**(agg if isinstance(agg, dict) else {"method": agg})))
        expected = by_hand.ranks()
        np.testing.assert_array_equal(ua.rank_matrix("P")[r], expected["P"].to_numpy(dtype=float))
        np.testing.assert_array_equal(ua.rank_matrix("Index")[r], expected["Index"].to_numpy(dtype=float))
    # Nominal ranks are the index's own ranks(); the statistics are those of the rank matrix.
    table = ua.to_pandas("Index")
    assert list(table.columns) == ["nominal", "mean", "median", "q05", "q95"]
    assert table.index.name == "uCode"
    np.testing.assert_array_equal(table["nominal"].to_numpy(), ci.ranks()["Index"].to_numpy(dtype=float))
    # Without a target: the first one ranked (P here).
    np.testing.assert_array_equal(ua.to_pandas()["nominal"].to_numpy(), ci.ranks()["P"].to_numpy(dtype=float))
    m = ua.rank_matrix("Index")
    np.testing.assert_allclose(table["mean"], m.mean(axis=0), rtol=1e-13)
    np.testing.assert_allclose(table["median"], np.median(m, axis=0), rtol=1e-13)
    np.testing.assert_allclose(table["q05"], np.quantile(m, 0.05, axis=0, method="linear"), rtol=1e-13)  # type 7
    np.testing.assert_allclose(table["q95"], np.quantile(m, 0.95, axis=0, method="linear"), rtol=1e-13)
    frame = ua.ranks()
    assert frame.shape == (30, 8) and frame.index.name == "replication" and frame.columns.name == "uCode"
    assert "30 replications" in repr(ua)


def _missing_index_tables(units: int = 70) -> tuple[pd.DataFrame, pd.DataFrame]:
    # 70 units (more than one block of the rank statistics), 6 indicators → 2 pillars → Index,
    # about 10 % of the values missing and left missing (no imputation).
    rng = np.random.default_rng(11)
    values = rng.uniform(1, 50, size=(units, 6))
    values[rng.random(values.shape) < 0.1] = np.nan
    data = pd.DataFrame(values, columns=[f"i{j}" for j in range(6)])
    data.insert(0, "uCode", [f"U{i:02d}" for i in range(units)])
    meta = pd.DataFrame({"Level": [1] * 6 + [2, 2, 3], "iCode": [f"i{j}" for j in range(6)] + ["P", "Q", "Index"],
                         "Parent": ["P"] * 3 + ["Q"] * 3 + ["Index", "Index", None],
                         "Direction": [1, -1, 1, 1, 1, -1, 1, 1, 1], "Weight": [1, 2, 1, 1, 3, 1, 1, 2, 1],
                         "Type": ["Indicator"] * 6 + ["Aggregate"] * 3})
    return data, meta


def test_uncertainty_geometric_mean_with_missing_children_by_hand() -> None:
    # Re-aggregation in place with log(indicator) reused by a_gmean, missing children and
    # dat_thresh (a_amean): each replication equals the pipeline built by hand with its choices, and the
    # statistics of the ranks (NaN where dat_thresh leaves a unit without a score) are NumPy's.
    data, meta = _missing_index_tables()

    def build(norm: dict, agg: dict) -> CompositeIndex:
        return CompositeIndex.from_coinr(data, meta).normalise(**norm).aggregate(**agg)

    norms = [{"method": "n_minmax", "l_u": (1, 100)}, {"method": "n_rank"}]
    # (Labels do not show dat_thresh, so the alternatives differ by method to be told apart.)
    aggs = [{"method": "a_gmean"}, {"method": "a_amean", "dat_thresh": 0.9}, {"method": "a_hmean"}]
    ci = build(norms[0], {"method": "a_amean"})
    ua = uncertainty(ci, n=40, seed=8, normalisation=[norms[0], "n_rank"], aggregation=aggs, targets=["P", "Index"],
                     threads=2)
    choices = ua.choices()
    for r in range(40):
        norm = norms[ua.alternatives["normalisation"].index(choices.loc[r, "normalisation"])]
        agg = aggs[ua.alternatives["aggregation"].index(choices.loc[r, "aggregation"])]
        expected = build(norm, agg).ranks()
        for target in ("P", "Index"):
            np.testing.assert_array_equal(ua.rank_matrix(target)[r], expected[target].to_numpy(dtype=float))
    m = ua.rank_matrix("Index")
    assert np.isnan(m).any() and not np.isnan(m).all(axis=0).any()
    table = ua.to_pandas("Index")
    np.testing.assert_allclose(table["mean"], np.nanmean(m, axis=0), rtol=1e-13)
    np.testing.assert_array_equal(table["median"], np.nanmedian(m, axis=0))
    np.testing.assert_allclose(table["q05"], np.nanquantile(m, 0.05, axis=0, method="linear"), rtol=1e-13)
    np.testing.assert_allclose(table["q95"], np.nanquantile(m, 0.95, axis=0, method="linear"), rtol=1e-13)


def test_uncertainty_asem_invariants(asem: CompositeIndex) -> None:
    ua = uncertainty(asem, n=40, seed=2024, threads=1, **ASEM_SPEC)
    assert ua.units == list(asem.ranks().index)
    table = ua.to_pandas()
    np.testing.assert_array_equal(table["nominal"].to_numpy(), asem.ranks()["Index"].to_numpy(dtype=float))
    assert ua.inputs == ["impute", "treat", "normalisation", "aggregation"]
    m = ua.rank_matrix()
    assert m.shape == (40, 51)
    assert np.nanmin(m) == 1 and np.nanmax(m) <= 51
    # Every replication ranks all 51 units 1..51 apart from ties.
    assert all(sorted(row)[0] == 1 for row in m)
    # The same seed gives identical results; so do other thread counts; another seed differs.
    for threads in (1, 2, 0):
        again = uncertainty(asem, n=40, seed=2024, threads=threads, **ASEM_SPEC)
        np.testing.assert_array_equal(again.rank_matrix(), m)
        pd.testing.assert_frame_equal(again.choices(), ua.choices())
        pd.testing.assert_frame_equal(again.to_pandas(), table)
    assert not np.array_equal(uncertainty(asem, n=40, seed=2025, threads=2, **ASEM_SPEC).rank_matrix(), m)
    # One pipeline copy per worker (evicted at each change of the earlier choices): same numbers.
    np.testing.assert_array_equal(uncertainty(asem, n=40, seed=2024, threads=2, cache=1, **ASEM_SPEC).rank_matrix(), m)


def test_uncertainty_weight_noise_only(asem: CompositeIndex) -> None:
    ua = uncertainty(asem, n=25, seed=1, weights_noise={2: 0.25}, targets="Conn")
    assert ua.inputs == [] and ua.choices().shape == (25, 0)
    t = ua.to_pandas()
    assert (t["q05"] <= t["median"]).all() and (t["median"] <= t["q95"]).all()
    # Noise factor 0 leaves every weight as it is: every replication gives the nominal ranks.
    still = uncertainty(asem, n=5, seed=1, weights_noise={2: 0.0, 1: 0.0})
    s = still.to_pandas()
    for col in ("mean", "median", "q05", "q95"):
        np.testing.assert_array_equal(s[col].to_numpy(), s["nominal"].to_numpy())


def test_uncertainty_keeps_the_index_weights() -> None:
    # Aggregation alternatives keep weights given to aggregate(); their noise starts from them.
    data, meta = _small_tables()
    ci = CompositeIndex.from_coinr(data, meta).impute("i_mean").normalise().aggregate(weights={"a": 5, "P": 3})
    ua = uncertainty(ci, n=4, aggregation=["a_amean"])
    s = ua.to_pandas()
    np.testing.assert_array_equal(s["q95"].to_numpy(), s["nominal"].to_numpy())
    ua = uncertainty(ci, n=4, weights_noise={1: 0.0, 2: 0.0})
    np.testing.assert_array_equal(ua.to_pandas()["q05"].to_numpy(), ua.to_pandas()["nominal"].to_numpy())


def test_progress_callback(asem: CompositeIndex) -> None:
    calls: list[tuple[int, int]] = []
    me = threading.get_ident()
    idents = set()

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        idents.add(threading.get_ident())

    uncertainty(asem, n=250, seed=1, weights_noise={2: 0.25}, threads=2, progress=progress)
    assert calls and len(calls) <= 101
    assert calls[-1] == (250, 250)
    assert all(t == 250 for _, t in calls)
    assert all(a[0] < b[0] for a, b in zip(calls, calls[1:]))
    assert idents == {me}

    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise Stop(f"stopped at {done}")

    with pytest.raises(Stop, match="stopped at"):
        uncertainty(asem, n=250, seed=1, weights_noise={2: 0.25}, progress=stop)
    seen: list[int] = []
    sensitivity(small_index(), n=8, weights_noise={1: 0.2}, n_boot=0, progress=lambda d, t: seen.append(t))
    assert seen and set(seen) == {8 * 3}


def test_interrupt_stops_a_run() -> None:
    # A signal (as Ctrl-C) is noticed at the next progress report (every 1 %), also without a
    # progress callback; the run stops with the handler's exception.
    class Interrupted(Exception):
        pass

    def handler(signum: int, frame: object) -> None:
        raise Interrupted

    previous = signal.signal(signal.SIGINT, handler)
    timer = threading.Timer(0.1, signal.raise_signal, args=(signal.SIGINT,))
    try:
        timer.start()
        with pytest.raises(Interrupted):
            uncertainty(small_index(), n=300_000, seed=1, weights_noise={1: 0.2}, threads=1)
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)


# -- sensitivity analysis ----------------------------------------------------------------------
def test_sensitivity_input_without_effect(asem: CompositeIndex) -> None:
    # As COINr's own test: two identical normalisation alternatives → S = ST = 0 exactly.
    same = {"method": "n_minmax", "l_u": (1, 100)}
    sa = sensitivity(asem, n=16, seed=3, normalisation=[same, same], aggregation=["a_amean", "a_gmean"],
                     weights_noise={2: 0.25}, weight_sets=20, n_boot=100, threads=2)
    frame = sa.to_pandas()
    assert list(frame.index) == ["normalisation", "aggregation", "weights_L2"]
    assert frame.loc["normalisation", ["S", "ST", "S_lo", "S_hi", "ST_lo", "ST_hi"]].tolist() == [0.0] * 6
    assert frame.loc["aggregation", "ST"] > 0 and frame.loc["weights_L2", "ST"] > 0
    assert sa.target == "Index" and sa.design.shape == (16 * 5, 3) and sa.picked.shape == (80, 3)
    # The picks follow the design.
    assert all(sa.picked[r, 1] == alternative_index(sa.design[r, 1], 2) for r in range(80))
    assert all(sa.picked[r, 2] == alternative_index(sa.design[r, 2], 20) for r in range(80))
    # The output of a run is the mean absolute rank change; the indices are those of the outputs.
    ranks = sa.rank_matrix()
    nominal = asem.ranks()["Index"].to_numpy(dtype=float)
    np.testing.assert_allclose(sa.output, np.abs(ranks - nominal).mean(axis=1), rtol=1e-13)
    n = 16
    direct = sobol_estimate(sa.output[:n], sa.output[n:2 * n], sa.output[2 * n:].reshape(3, n).T, n_boot=100, seed=3)
    np.testing.assert_array_equal(direct.first_order, sa.first_order)
    np.testing.assert_array_equal(direct.total_order_interval, sa.total_order_interval)
    # Per unit: indices of each unit's rank; the rank statistics come from the 2N runs of A and B.
    total = sa.unit_indices("total")
    assert total.shape == (51, 3) and total.index.name == "uCode"
    assert (sa.unit_indices("first")["normalisation"].fillna(0) == 0).all()
    summary = sa.rank_summary()
    np.testing.assert_allclose(summary["mean"], ranks[:2 * n].mean(axis=0), rtol=1e-13)
    np.testing.assert_array_equal(summary["nominal"], nominal)
    # Thread counts do not matter.
    one = sensitivity(asem, n=16, seed=3, normalisation=[same, same], aggregation=["a_amean", "a_gmean"],
                      weights_noise={2: 0.25}, weight_sets=20, n_boot=100, threads=1)
    np.testing.assert_array_equal(one.rank_matrix(), ranks)
    pd.testing.assert_frame_equal(one.to_pandas(), frame)
    assert "SensitivityResult of Index" in repr(sa)


def test_sensitivity_small_index_ddof_and_center() -> None:
    ci = small_index()
    base = dict(n=12, seed=9, aggregation=["a_amean", "a_median"], treat=[None, True], n_boot=0)
    a = sensitivity(ci, ddof=1, **base)
    b = sensitivity(ci, ddof=0, center=False, **base)
    np.testing.assert_array_equal(a.output, b.output)
    n = 12
    by_hand = sobol_estimate(a.output[:n], a.output[n:2 * n], a.output[2 * n:].reshape(2, n).T, ddof=0, center=False,
                             n_boot=0)
    np.testing.assert_array_equal(b.first_order, by_hand.first_order)
    assert a.variance == pytest.approx(b.variance * 2 * n / (2 * n - 1), rel=1e-12)


# -- errors ------------------------------------------------------------------------------------
UA = r"^\[regind\.invalid_input\.uncertainty\] "


@pytest.mark.parametrize("kwargs, message", [
    ({"n": 0, "weights_noise": {1: 0.1}}, UA + "n must be >= 1"),
    ({"n": True, "weights_noise": {1: 0.1}}, UA + "n must be a whole number"),
    ({"seed": -1, "weights_noise": {1: 0.1}}, UA + r"seed must be in \[0, "),
    ({"seed": 1 << 64, "weights_noise": {1: 0.1}}, UA + r"seed must be in \[0, "),
    ({"threads": -1, "weights_noise": {1: 0.1}}, UA + r"threads must be in \[0, "),
    ({"cache": -1, "weights_noise": {1: 0.1}}, UA + "cache must be >= 0"),
    ({"progress": 3, "weights_noise": {1: 0.1}}, UA + "progress must be a callable"),
    ({}, UA + "no uncertain input"),
    ({"weights_noise": [0.1]}, UA + "weights_noise must be a dict"),
    ({"weights_noise": {0: 0.1}}, UA + "a weights_noise level must be >= 1"),
    ({"weights_noise": {3: 0.1}}, UA + "weight noise of level 3"),
    ({"weights_noise": {1: 1.5}}, UA + "the noise factor of level 1 must be in"),
    ({"weights_noise": {1: "x"}}, UA + "the noise factor of level 1 must be a number"),
    ({"aggregation": "a_amean"}, UA + "aggregation must be a list of alternatives"),
    ({"impute": {"i_mean": 1}}, UA + "impute must be a list of alternatives"),
    ({"impute": 3}, UA + "impute must be a list of alternatives"),
    ({"aggregation": [[]]}, UA + "an aggregation alternative is"),
    ({"aggregation": [{"method": "a_genmean", "p": "x"}]}, UA + "p must be a number"),
    ({"normalisation": [{"individual": {"a": {"lu": 1}}}]}, UA + "a: unknown setting"),
    ({"treat": [{"individual": {"a": 3}}]}, UA + "a: an individual treat spec is 'none' or a dict"),
    ({"aggregation": []}, UA + "aggregation is an empty list"),
    ({"aggregation": [3]}, UA + "an aggregation alternative is"),
    ({"aggregation": [[1, 2]]}, UA + "an aggregation method is a name"),
    ({"aggregation": [{"method": "a_amean", "q": 1}]}, UA + "aggregation alternative: unknown setting"),
    ({"aggregation": ["a_mean"]}, r"^\[regind\.invalid_input\.aggregate\] unknown aggregation method 'a_mean'"),
    ({"aggregation": [["a_amean"] * 3]}, UA + "an aggregation alternative has 3 methods"),
    ({"aggregation": [{"method": "a_genmean"}]}, r"^\[regind\.invalid_input\.aggregate\] a_genmean needs"),
    ({"normalisation": [3]}, UA + "a normalisation alternative is"),
    ({"normalisation": ["n_max"]}, r"^\[regind\.invalid_input\.normaliser\] unknown normaliser 'n_max'"),
    ({"normalisation": [{"method": "n_zscore", "m_sd": (0, 0)}]}, r"^\[regind\.invalid_input\.normalise\] n_zscore"),
    ({"normalisation": [{"method": "n_minmax", "lu": (0, 1)}]}, UA + "normalisation alternative: unknown setting"),
    ({"normalisation": [{"individual": {"P": {}}}]}, UA + "'P' is an Aggregate"),
    ({"normalisation": [{"individual": {"a": 3}}]}, UA + "a: an individual normalisation spec"),
    ({"impute": ["i_mean_grp"]}, UA + "the impute alternative i_mean_grp needs a group"),
    ({"impute": [3]}, UA + "an impute alternative is"),
    ({"impute": [{"method": "i_mean", "grp": "x"}]}, UA + "impute alternative: unknown setting"),
    ({"impute": ["i_average"]}, r"^\[regind\.invalid_input\.impute\] unknown imputation method"),
    ({"treat": [3]}, UA + "a treat alternative is"),
    ({"treat": [{"winmax": 2.5}]}, r"^\[regind\.invalid_input\.treat\] winmax must be a whole number"),
    ({"treat": [{"winmax": -4}]}, r"^\[regind\.invalid_input\.treat\] winmax must be >= 0"),
    ({"treat": [{"maxwin": 4}]}, UA + "treat alternative: unknown setting"),
    ({"treat": [{"individual": {"a": "off"}}]}, UA + "a: an individual treat spec is 'none' or a dict"),
    ({"treat": [{"individual": {"a": {"lambda": 2}}}]}, UA + "a: unknown setting"),
    ({"treat": [{"individual": {"P": "none"}}]}, UA + "'P' is an Aggregate"),
    ({"aggregation": ["a_gmean"]},
     UA + r"replication 0 \(aggregation = a_gmean\): \[regind\.invalid_input\.aggregate\] a_gmean needs values > 0"),
])
def test_uncertainty_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        uncertainty(small_index(), **{"n": 3, **kwargs})


@pytest.mark.parametrize("kwargs, key", [
    ({"impute": [{"method": "i_mean_grp", "group": "region"}]}, "region"),
    ({"treat": [{"individual": {"zz": "none"}}]}, "zz"),
    ({"normalisation": [{"method": "n_dist2ref", "iref": "u99"}]}, "u99"),
    ({"weights_noise": {1: 0.1}, "targets": ["Indx"]}, "Indx"),
])
def test_uncertainty_unknown_names(kwargs: dict, key: str) -> None:
    with pytest.raises(KeyError, match=r"\[regind\.key_error\.composite\] unknown") as e:
        uncertainty(small_index(), n=3, **kwargs)
    assert e.value.key == key


def test_uncertainty_other_errors() -> None:
    with pytest.raises(ValueError, match=UA + "ci must be a regind.CompositeIndex, not DataFrame"):
        uncertainty(pd.DataFrame(), weights_noise={1: 0.1})
    data, meta = _small_tables()
    raw = CompositeIndex.from_coinr(data, meta).impute("i_mean").normalise()
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.stage\] the Aggregated data set does not exist"):
        uncertainty(raw, weights_noise={1: 0.1})
    ua = uncertainty(small_index(), n=3, weights_noise={1: 0.1})
    with pytest.raises(KeyError, match=r"regind\.key_error\.uncertainty"):
        ua.to_pandas("P")
    assert isinstance(regind.InvalidInput("x"), ValueError)


@pytest.mark.parametrize("kwargs, message", [
    ({"n": 1}, UA + "n must be >= 2"),
    ({"weight_sets": 0}, UA + r"weight_sets must be in \[1, "),
    ({"ddof": 2}, UA + r"ddof must be in \[0, 1\]"),
    ({"level": 1.0}, r"^\[regind\.invalid_input\.sobol\] level must be in \(0, 1\)"),
    ({"level": "high"}, UA + "level must be a number"),
    ({"center": 1}, r"^\[regind\.invalid_input\.sobol\] center must be True or False"),
    ({"n_boot": -1}, UA + "n_boot must be >= 0"),
])
def test_sensitivity_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        sensitivity(small_index(), **{"n": 4, "weights_noise": {1: 0.1}, **kwargs})


def test_sensitivity_target_and_result_errors() -> None:
    with pytest.raises(KeyError, match=r"unknown iCode 'Indx'"):
        sensitivity(small_index(), n=4, weights_noise={1: 0.1}, target="Indx")
    meta = pd.DataFrame({"Level": [1, 1, 2, 2], "iCode": ["a", "b", "P", "Q"], "Parent": ["P", "Q", None, None],
                         "Direction": [1, 1, 1, 1], "Weight": [1, 1, 1, 1],
                         "Type": ["Indicator", "Indicator", "Aggregate", "Aggregate"]})
    data = pd.DataFrame({"uCode": ["x", "y", "z"], "a": [1, 2, 3], "b": [3, 1, 2]})
    two = CompositeIndex.from_coinr(data, meta).normalise().aggregate()
    with pytest.raises(ValueError, match=UA + "the top level has several nodes"):
        sensitivity(two, n=4, weights_noise={1: 0.1})
    assert sensitivity(two, n=4, weights_noise={1: 0.1}, target="Q", n_boot=0).target == "Q"
    sa = sensitivity(small_index(), n=4, weights_noise={1: 0.1}, n_boot=0)
    with pytest.raises(ValueError, match=UA + "order must be 'first' or 'total'"):
        sa.unit_indices("second")


@pytest.mark.parametrize("args, kwargs, message", [
    ((ishigami, 0, 8), {}, UA + "d must be >= 1"),
    ((ishigami, 3, 1), {}, UA + "n must be >= 2"),
    ((3, 3, 8), {}, r"^\[regind\.invalid_input\.sobol\] func must be callable"),
    ((ishigami, 3, 8), {"bounds": [(0, 1)] * 2}, r"^\[regind\.invalid_input\.sobol\] bounds must be 3 pairs"),
    ((ishigami, 3, 8), {"bounds": [(0, 1), (1, 1), (0, 1)]}, r"^\[regind\.invalid_input\.sobol\] bounds must be finite"),
    ((ishigami, 3, 8), {"names": ["a"]}, r"^\[regind\.invalid_input\.sobol\] 1 names for 3 inputs"),
    ((lambda x: x, 3, 8), {}, r"^\[regind\.invalid_input\.sobol\] func must return 40 values"),
    ((lambda x: np.full(len(x), np.nan), 3, 8), {}, r"^\[regind\.invalid_input\.sobol\] the function values must be finite"),
    ((ishigami, 3, 8), {"ddof": 2}, UA + r"ddof must be in \[0, 1\]"),
    ((ishigami, 3, 8), {"seed": -2}, UA + r"seed must be in"),
])
def test_sobol_indices_errors(args: tuple, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        sobol_indices(*args, **kwargs)


def test_sobol_estimate_errors() -> None:
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.sobol\] y_a and y_b must be vectors"):
        sobol_estimate([1, 2], [3, 4], [1, 2])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.sobol\] y_A has 2 values, y_B 3"):
        sobol_estimate([1, 2], [3, 4, 5], [[1], [2]])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.sobol\] at least 2 rows"):
        sobol_estimate([1], [3], [[1]])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.sobol\] 3 names for 1 inputs"):
        sobol_estimate([1, 2], [3, 4], [[1], [2]], names=["a", "b", "c"])
