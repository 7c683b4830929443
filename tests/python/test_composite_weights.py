# SPDX-License-Identifier: MIT
"""Weights, outranking/Copeland aggregation, analysis (results tables, strengths and weaknesses,
correlations, Cronbach), panel imputation and from_dataset of the composite pipeline
(REFERENCE-METHODS.md §E3, §E6–E8).

Expected values come from independent sources only: JMcDM's docstring examples (entropy, CRITIC;
re-derived in §E6), NumPy computations written here from the formulas (numpy.linalg.svd,
numpy.linalg.eig, numpy.corrcoef), hand arithmetic, and the COINr oracle files (read in place
from ../shared/oracles/coinr; those tests skip when it is absent)."""
from __future__ import annotations

import math
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import regind
from regind import composite as rc
from regind.composite import CompositeIndex

from _shared import ROOT, coinr_oracle as _oracle


@pytest.fixture()
def coin_a(coinr_input) -> CompositeIndex:
    return CompositeIndex.from_coinr(*coinr_input).normalise(method="n_minmax", l_u=(0, 100)).aggregate(method="a_amean")


# -- independent NumPy versions of the formulas (§E6) ------------------------------------------
def entropy_np(x: np.ndarray) -> np.ndarray:
    d = []
    for col in x.T:
        v = col[~np.isnan(col)]
        p = v / v.sum()
        h = -np.sum(p[p > 0] * np.log(p[p > 0])) / np.log(len(v))
        d.append(1 - h)
    d = np.array(d)
    return d / d.sum()


def critic_np(x: np.ndarray, directions: list[int], abs_r: bool = False) -> np.ndarray:
    x = x[~np.isnan(x).any(axis=1)]
    lo, hi = x.min(axis=0), x.max(axis=0)
    z = np.where(np.array(directions) > 0, (x - lo) / (hi - lo), (hi - x) / (hi - lo))
    r = np.corrcoef(z, rowvar=False)
    c = z.std(axis=0, ddof=1) * ((1 - np.abs(r)) if abs_r else (1 - r)).sum(axis=0)
    return c / c.sum()


def pca_np(x: np.ndarray) -> tuple[np.ndarray, float, int]:
    x = x[~np.isnan(x).any(axis=1)]
    z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
    _u, s, vt = np.linalg.svd(z, full_matrices=False)
    load = vt[0] if vt[0].sum() > 0 else -vt[0]
    return load, float(s[0] ** 2 / np.sum(s ** 2)), len(x)


JMCDM_ENTROPY = np.array([[2, 1, 4, 7, 6, 6, 7, 3000], [4, 1, 5, 6, 7, 7, 6, 3500], [3, 2, 6, 6, 5, 6, 8, 4000],
                          [5, 1, 5, 7, 6, 7, 7, 3000], [4, 2, 5, 6, 7, 7, 6, 3000], [3, 2, 6, 6, 6, 6, 6, 3500]], float)
# JMcDM's CRITIC docstring prints its matrix to 6 significant digits.
JMCDM_CRITIC = np.array([[12.9918, 0.7264, -1.1009, 1.59814], [4.1201, 5.8824, 3.4483, 1.02156],
                         [4.1039, 0.0, -0.5076, 0.984469]])


# -- kernels -------------------------------------------------------------------------------------
def test_entropy_weights_jmcdm_docstring_oracle_and_numpy():
    # jbytecode/JMcDM src/entropy.jl docstring; values re-derived in REFERENCE-METHODS.md §E6.
    oracle = [0.299674, 0.441367, 0.070091, 0.021238, 0.049023, 0.023080, 0.047763, 0.047763]
    w = rc.entropy_weights(JMCDM_ENTROPY)
    assert np.abs(w - oracle).max() < 5e-7
    frame = pd.DataFrame(JMCDM_ENTROPY, columns=[f"C{i}" for i in range(1, 9)])
    s = rc.entropy_weights(frame)
    assert list(s.index) == list(frame.columns) and s.name == "entropy"
    # With zeros (0·ln 0 = 0) and a missing value (the column uses its own values).
    rng = np.random.default_rng(7)
    x = rng.uniform(0, 10, size=(12, 4))
    x[0, 0] = 0.0
    x[3, 2] = np.nan
    assert np.allclose(rc.entropy_weights(x), entropy_np(x), rtol=1e-12, atol=1e-15)


def test_critic_weights_jmcdm_docstring_oracle_and_numpy():
    # jbytecode/JMcDM src/critic.jl docstring, directions max, max, min, max; §E6 oracle.
    w = rc.critic_weights(JMCDM_CRITIC, [1, 1, -1, 1])
    assert np.abs(w - [0.168839, 0.418447, 0.249123, 0.163591]).max() < 1e-6
    rng = np.random.default_rng(11)
    x = rng.normal(size=(15, 5))
    x[2, 1] = np.nan
    dirs = [1, -1, 1, 1, -1]
    assert np.allclose(rc.critic_weights(x, dirs), critic_np(x, dirs), rtol=1e-12)
    assert np.allclose(rc.critic_weights(x, dirs, abs_r=True), critic_np(x, dirs, abs_r=True), rtol=1e-12)
    assert np.allclose(rc.critic_weights(x), critic_np(x, [1] * 5), rtol=1e-12)


def test_pca_weights_against_numpy_svd():
    rng = np.random.default_rng(3)
    f = rng.normal(size=40)
    x = np.column_stack([f + 0.5 * rng.normal(size=40) for _ in range(4)])
    x[5, 2] = np.nan
    x[9, 0] = np.nan
    load, var, n = pca_np(x)
    got = rc.pca_weights(x)
    assert np.allclose(got["loadings"], load, rtol=1e-10, atol=1e-12)
    assert got["variance_explained"] == pytest.approx(var, rel=1e-12)
    assert got["n_complete"] == n == 38
    # Sign: the loadings sum to a positive number whatever the SVD returns.
    assert rc.pca_weights(-x)["loadings"].sum() > 0


def test_ahp_consistent_matrix_by_hand_and_inconsistent_against_numpy_eig():
    w = np.array([0.4, 0.3, 0.2, 0.1])
    consistent = w[:, None] / w[None, :]
    r = rc.ahp_weights(consistent)
    assert np.allclose(r["weights"], w, rtol=1e-10)
    assert r["lambda_max"] == pytest.approx(4.0)
    assert abs(r["CI"]) < 1e-12 and abs(r["CR"]) < 1e-12
    assert r["RI"] == 0.90
    a = np.array([[1, 3, 5, 7], [1 / 3, 1, 3, 5], [1 / 5, 1 / 3, 1, 2], [1 / 7, 1 / 5, 1 / 2, 1]])
    vals, vecs = np.linalg.eig(a)
    k = int(np.argmax(vals.real))
    v = vecs[:, k].real
    lam = vals[k].real
    r = rc.ahp_weights(a)
    assert np.allclose(r["weights"], v / v.sum(), rtol=1e-10)
    assert r["lambda_max"] == pytest.approx(lam, rel=1e-12)
    assert r["CI"] == pytest.approx((lam - 4) / 3, rel=1e-9)
    assert r["CR"] == pytest.approx((lam - 4) / 3 / 0.90, rel=1e-9)
    assert r["CR"] < 0.1
    # RI as data, and a labelled matrix keeps its labels.
    assert rc.ahp_weights(a, random_index=[0, 0, 0.5, 1.0])["CR"] == pytest.approx((lam - 4) / 3, rel=1e-9)
    lab = rc.ahp_weights(pd.DataFrame(a[:2, :2], index=["x", "y"], columns=["x", "y"]))
    assert list(lab["weights"].index) == ["x", "y"]
    assert lab["weights"]["x"] == pytest.approx(0.75) and lab["CR"] == 0


def test_outranking_and_copeland_3x3_by_hand():
    # A = (3, 1, 2), B = (2, 2, 2), C = (1, 3, 1), weights 1, 1, 2 (¼, ¼, ½):
    # O[A,B] = ¼ + ½·½ = ½, O[A,C] = ¼ + ½ = ¾, O[B,C] = ¾; Copeland 1, 1, −2.
    x = pd.DataFrame([[3, 1, 2], [2, 2, 2], [1, 3, 1]], index=["A", "B", "C"], columns=["k1", "k2", "k3"])
    r = rc.outrank(x, [1, 1, 2])
    o = r["outranking"]
    assert o.loc["A", "B"] == pytest.approx(0.5) and o.loc["B", "A"] == pytest.approx(0.5)
    assert o.loc["A", "C"] == pytest.approx(0.75) and o.loc["C", "A"] == pytest.approx(0.25)
    assert o.loc["B", "C"] == pytest.approx(0.75) and o.loc["C", "B"] == pytest.approx(0.25)
    assert math.isnan(o.loc["A", "A"])
    assert list(r["copeland"]) == [1, 1, -2] and list(r["copeland"].index) == ["A", "B", "C"]
    assert r["dominance_pairs"] == 0 and r["frac_dominant"] == 0
    # Equal weights by default; B dominates C on (2, 2) vs (1, 1).
    d = rc.outrank(np.array([[2.0, 2.0], [1.0, 1.0]]))
    assert d["outranking"][0, 1] == 1 and d["dominance_pairs"] == 1 and d["frac_dominant"] == 1


def test_impute_panel_by_hand():
    x = np.array([[1, np.nan, np.nan, 4], [np.nan, 2, np.nan, np.nan], [np.nan, 5, np.nan, 9]])
    nan = np.nan
    assert np.array_equal(rc.impute_panel(x), [[1, 1, 1, 4], [nan, 2, 2, 2], [nan, 5, 5, 9]], equal_nan=True)
    assert np.array_equal(rc.impute_panel(x, max_time=1), [[1, 1, nan, 4], [nan, 2, 2, nan], [nan, 5, 5, 9]],
                          equal_nan=True)
    assert np.array_equal(rc.impute_panel(x, "constant"), [[1, 1, 1, 4], [2, 2, 2, 2], [5, 5, 5, 9]])
    assert np.array_equal(rc.impute_panel(x, "linear"), [[1, 2, 3, 4], [nan, 2, nan, nan], [5, 5, 7, 9]],
                          equal_nan=True)
    assert np.allclose(rc.impute_panel(x, "linear", times=[2019, 2020, 2022, 2023])[0], [1, 1.75, 3.25, 4])
    assert np.array_equal(rc.impute_panel(x, "linear-constant")[1], [2, 2, 2, 2])
    frame = pd.DataFrame(x, index=["u1", "u2", "u3"], columns=[2019, 2020, 2021, 2022])
    out = rc.impute_panel(frame, "linear")
    assert list(out.index) == ["u1", "u2", "u3"] and list(out.columns) == [2019, 2020, 2021, 2022]
    assert out.loc["u3", 2021] == 7


def test_correlations_and_cronbach_by_hand_and_pandas():
    # x = (1, 2, 3), y = (2, 4, 7): r = 5/√(2·114/9); Spearman 1.
    m = np.array([[1, 2], [2, 4], [3, 7], [np.nan, 1]])
    assert rc.correlations(m)[0, 1] == pytest.approx(5 / math.sqrt(2 * 114 / 9), rel=1e-12)
    assert rc.correlations(m, "spearman")[0, 1] == pytest.approx(1.0)
    rng = np.random.default_rng(5)
    frame = pd.DataFrame(rng.normal(size=(20, 3)), columns=["p", "q", "r"])
    frame.iloc[3, 1] = np.nan
    frame.iloc[7, 2] = np.nan
    assert np.allclose(rc.correlations(frame), frame.corr(), rtol=1e-12)  # pandas: pairwise complete
    assert np.allclose(rc.correlations(frame, "spearman"), frame.corr(method="spearman"), rtol=1e-12)
    # Cronbach: (1, 2, 3), (1, 3, 2): total variance 3 → 2·(1 − 2/3).
    assert rc.cronbach_alpha(np.array([[1, 1], [2, 3], [3, 2]])) == pytest.approx(2 / 3)


KERNEL_ERRORS = [
    (lambda: rc.entropy_weights([[1, -1], [2, 3]]), "[regind.invalid_input.weights] entropy: column 2 has the value -1 (row 1)"),
    (lambda: rc.entropy_weights(pd.DataFrame({"z": [0.0, 0.0], "k": [1.0, 2.0]})),
     "[regind.invalid_input.weights] entropy: 'z' has only zeros"),
    (lambda: rc.critic_weights([[1, 2], [2, 1], [3, 3]], [1]), "[regind.invalid_input.weights] critic: 1 directions"),
    (lambda: rc.critic_weights([[1, 2], [2, 1]], [1, 1]), "[regind.invalid_input.weights] critic: needs at least 3"),
    (lambda: rc.pca_weights([[1, 1], [2, 1], [3, 1]]), "[regind.invalid_input.weights] pca: column 2 is constant"),
    (lambda: rc.ahp_weights([[1, 2], [2, 1]]), "[regind.invalid_input.weights] ahp: the matrix is not reciprocal"),
    (lambda: rc.ahp_weights([[1, 2, 3]]), "[regind.invalid_input.weights] ahp: the comparison matrix must be square"),
    (lambda: rc.ahp_weights([[1, 0], [0, 1]]), "[regind.invalid_input.weights] ahp: entry (1, 2) is 0"),
    (lambda: rc.ahp_weights(np.ones((3, 3)), random_index=[0, 0]),
     "[regind.invalid_input.weights] ahp: no random index RI(3)"),
    (lambda: rc.outrank([[1, 2]], [1]), "[regind.invalid_input.outranking] 1 weights for 2 criteria"),
    (lambda: rc.outrank([[1, 2]], [1, -1]), "[regind.invalid_input.outranking] weight 2 must be"),
    (lambda: rc.outrank([1, 2]), "[regind.invalid_input.outranking] x must be a 2-D array, not 1-D"),
    (lambda: rc.entropy_weights([["a", "b"]]), "[regind.invalid_input.weights] x must be a 2-D array of numbers"),
    (lambda: rc.impute_panel([[1, np.nan]], "locf"), "[regind.invalid_input.impute_panel] unknown panel imputation"),
    (lambda: rc.impute_panel([[1, np.nan]], max_time=-1), "[regind.invalid_input.impute_panel] max_time must be a whole"),
    (lambda: rc.impute_panel([[1, np.nan]], max_time=1.5), "[regind.invalid_input.impute_panel] max_time must be a whole"),
    (lambda: rc.impute_panel([[1, np.nan]], "linear", max_time=1),
     "[regind.invalid_input.impute_panel] max_time applies to latest only"),
    (lambda: rc.impute_panel([[1, np.nan]], "linear", times=[1, 1]),
     "[regind.invalid_input.impute_panel] times must be strictly increasing"),
    (lambda: rc.impute_panel([[1, np.nan]], times=[1]), "[regind.invalid_input.impute_panel] 1 times for 2 columns"),
    (lambda: rc.correlations([[1, 2], [2, 3]], "kendall"), "[regind.invalid_input.correlation] unknown correlation"),
    (lambda: rc.cronbach_alpha([[1], [2]]), "[regind.invalid_input.cronbach] Cronbach's alpha needs at least 2"),
]


@pytest.mark.parametrize("call, message", KERNEL_ERRORS)
def test_kernel_errors_name_the_problem(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


# -- a small index by hand -----------------------------------------------------------------------
def _small() -> tuple[pd.DataFrame, pd.DataFrame]:
    iMeta = pd.DataFrame({
        "Level": [1, 1, 1, 2, 2, 3, None],
        "iCode": ["a", "b", "c", "P", "Q", "Index", "g"],
        "iName": ["Alpha", "Beta", "Gamma", "Pillar P", "Pillar Q", "The index", "Group"],
        "Parent": ["P", "P", "Q", "Index", "Index", None, None],
        "Direction": [1, -1, 1, 1, 1, 1, None],
        "Weight": [1, 3, 1, 1, 1, 1, None],
        "Type": ["Indicator", "Indicator", "Indicator", "Aggregate", "Aggregate", "Aggregate", "Group"],
    })
    iData = pd.DataFrame({
        "uCode": ["u1", "u2", "u3", "u4"], "uName": ["One", "Two", "Three", "Four"],
        "g": ["x", "x", "y", None],
        "a": [1.0, 3.0, 2.0, 5.0], "b": [10.0, 20.0, 30.0, 40.0], "c": [5.0, 7.0, 9.0, 6.0],
    })
    return iData, iMeta


def test_weight_sets_equal_manual_ahp_and_aggregation_by_name():
    ci = CompositeIndex.from_coinr(*_small()).normalise().aggregate()
    assert ci.weight_sets() == ["Original"]
    assert list(ci.weight_set()) == [1, 3, 1, 1, 1, 1]
    ci.weights("equal")
    assert list(ci.weight_set("equal")) == [1, 1, 1, 1, 1, 1]
    ci.weights("manual", values={"Q": 3}, name="q3")
    assert ci.weight_set("q3")["Q"] == 3 and ci.weight_set("q3")["b"] == 3
    # AHP for P's children: a three times as important as b → (¾, ¼); c alone under Q.
    ci.weights("ahp", matrices={"P": [[1, 3], [1 / 3, 1]]})
    w = ci.weight_set("ahp")
    assert w["a"] == pytest.approx(0.75) and w["b"] == pytest.approx(0.25) and w["c"] == 1
    det = ci.weight_details("ahp")
    assert det.loc["P", "CR"] == 0 and det.loc["P", "method"] == "ahp" and det.loc["P", "level"] == 1
    # A single matrix for the one group of several nodes, or a labelled DataFrame in any order.
    ci.weights("ahp", matrices=[[1, 1 / 3], [3, 1]], name="ahp2")
    assert ci.weight_set("ahp2")["b"] == pytest.approx(0.75)
    lab = pd.DataFrame([[1, 1 / 3], [3, 1]], index=["b", "a"], columns=["b", "a"])
    ci.weights("ahp", matrices={"P": lab}, name="ahp3")
    assert ci.weight_set("ahp3")["a"] == pytest.approx(0.75)
    # Aggregating with the set: P = ¾ a + ¼ b of the normalised data.
    ci.aggregate(weights="ahp")
    n = ci.data("Normalised")
    assert np.allclose(ci.scores()["P"], 0.75 * n["a"] + 0.25 * n["b"], rtol=1e-12)
    assert dict(ci.steps())["aggregate"]["weights"] == "ahp"
    # Recomputing that set recomputes the Aggregated data set.
    gen = ci.generation("Aggregated")
    ci.weights("ahp", matrices={"P": [[1, 1], [1, 1]]})
    assert ci.generation("Aggregated") != gen
    assert np.allclose(ci.scores()["P"], 0.5 * n["a"] + 0.5 * n["b"], rtol=1e-12)
    # Effective weights by hand: iMeta a = ¼·½, b = ¾·½, c = ½; set q3: Q = ¾ of the index.
    eff = ci.effective_weights()
    assert list(eff) == pytest.approx([0.125, 0.375, 0.5, 0.5, 0.5, 1.0])
    assert ci.effective_weights("q3")["c"] == pytest.approx(0.75)
    assert ci.effective_weights({"P": 3})["a"] == pytest.approx(0.25 * 0.75)
    assert ci.effective_weights(pd.Series({"b": 1.0}))["a"] == pytest.approx(0.25)


def test_data_driven_weights_per_group_match_numpy(coin_a, coinr_input):
    iMeta = coinr_input[1]
    n = coin_a.data("Normalised")
    level1 = iMeta[iMeta["Level"] == 1]
    coin_a.weights("entropy").weights("critic").weights("critic", abs_r=True, name="critic_abs").weights("pca")
    for parent, rows in level1.groupby("Parent"):
        codes = list(rows["iCode"])
        x = n[codes].to_numpy()
        assert np.allclose(coin_a.weight_set("entropy")[codes], entropy_np(x), rtol=1e-10), parent
        assert np.allclose(coin_a.weight_set("critic")[codes], critic_np(x, [1] * len(codes)), rtol=1e-10), parent
        assert np.allclose(coin_a.weight_set("critic_abs")[codes], critic_np(x, [1] * len(codes), True),
                           rtol=1e-10), parent
        load, var, cases = pca_np(x)
        assert np.allclose(coin_a.weight_set("pca")[codes], load, rtol=1e-8, atol=1e-12), parent
        det = coin_a.weight_details("pca")
        assert det.loc[parent, "variance_explained"] == pytest.approx(var, rel=1e-10)
        assert det.loc[parent, "n_complete"] == cases
    # Level 2 reads the Aggregated data set; CRITIC on the raw data applies the directions.
    coin_a.weights("entropy", level=2, name="e2")
    agg = coin_a.scores()
    for parent, rows in iMeta[iMeta["Level"] == 2].groupby("Parent"):
        codes = list(rows["iCode"])
        assert np.allclose(coin_a.weight_set("e2")[codes], entropy_np(agg[codes].to_numpy()), rtol=1e-10)
    raw = coin_a.data("Raw")
    coin_a.weights("critic", dset="Raw", name="critic_raw")
    codes = list(level1[level1["Parent"] == "Physical"]["iCode"])
    dirs = [int(iMeta.set_index("iCode").at[c, "Direction"]) for c in codes]
    assert np.allclose(coin_a.weight_set("critic_raw")[codes], critic_np(raw[codes].to_numpy(), dirs), rtol=1e-10)
    # Aggregating with entropy weights: the COINr amean of the group with those weights.
    coin_a.aggregate(weights="entropy")
    w = coin_a.weight_set("entropy")
    codes = list(level1[level1["Parent"] == "Physical"]["iCode"])
    x = n[codes].to_numpy()
    want = np.nansum(x * w[codes].to_numpy(), axis=1) / np.nansum(~np.isnan(x) * w[codes].to_numpy(), axis=1)
    assert np.allclose(coin_a.scores()["Physical"], want, rtol=1e-12)


def test_optimised_weights_balance_and_infomax(coin_a):
    coin_a.weights("balance", level=2, toler=1e-6, maxiter=300)
    det = coin_a.weight_details("balance").loc[""]
    assert det["objective"] <= det["objective_start"]
    assert det["evaluations"] >= 2 and det["status"]
    w = coin_a.weight_set("balance")
    fw = coin_a.framework()
    for parent in ("Conn", "Sust"):
        kids = fw.index[fw["Parent"] == parent]
        assert w[kids].sum() == pytest.approx(1.0)
    # The reported correlations are those of the components with the index when aggregated so.
    coin_a.aggregate(weights="balance")
    s = coin_a.scores()
    level2 = fw.index[fw["Level"] == 2]
    for code in level2:
        assert det[f"r.{code}"] == pytest.approx(s[code].corr(s["Index"]), rel=1e-9)
    coin_a.weights("infomax", level=3 - 1, cor_method="spearman", maxiter=200)
    d2 = coin_a.weight_details("infomax").loc[""]
    assert d2["objective"] <= d2["objective_start"]
    # itarg: target shares of the level's nodes (the others 0).
    coin_a.weights("balance", level=3, itarg={"Conn": 2, "Sust": 1}, name="b3")
    assert coin_a.weight_set("b3")[["Conn", "Sust"]].sum() == pytest.approx(1.0)


def test_copeland_and_a_method_per_group_by_hand():
    ci = CompositeIndex.from_coinr(*_small()).normalise(l_u=(1, 100))
    # Q = Copeland on c alone: c = 5, 7, 9, 6 → u3 beats all (3), u2 beats u1, u4 (1), u4 (−1), u1 (−3).
    ci.aggregate(by_group={"Q": "a_copeland", "P": {"method": "a_gmean"}})
    s = ci.scores()
    assert list(s["Q"]) == [-3, 1, 3, -1]
    n = ci.data("Normalised")
    assert np.allclose(s["P"], np.exp((np.log(n["a"]) + 3 * np.log(n["b"])) / 4), rtol=1e-12)
    assert dict(ci.steps())["aggregate"]["by_group"] == {"Q": "a_copeland", "P": {"method": "a_gmean"}}
    # Per level: Copeland at level 2 with the iMeta weights (a 1, b 3): b decides every pair
    # except ties; b normalised (direction −1): u1 best.
    ci.aggregate(method=["a_copeland", "a_amean"])
    assert list(ci.scores()["P"]) == [3, 1, -1, -3]
    assert "a_copeland" in regind.composite.AGGREGATORS
    ci.aggregate(method="a_amean", by_group={"P": {"method": "a_copeland", "dat_thresh": 0.5}})
    assert list(ci.scores()["P"]) == [3, 1, -1, -3]


# -- results, strengths and weaknesses ------------------------------------------------------------
def _compare_results(table: pd.DataFrame, name: str) -> None:
    o = _oracle(name)
    assert list(table["uCode"]) == list(o["uCode"]), "row order (sorted by the index)"
    assert (table["Rank"].astype("int64").to_numpy() == o["Rank"].to_numpy()).all()
    for col in o.columns.drop(["uCode", "Rank"]):
        # COINr rounds get_results to 12 decimals in these files.
        assert np.allclose(table[col].to_numpy(dtype=float), o[col].to_numpy(), rtol=0, atol=1e-11), col
    assert list(table.columns[:3]) == ["uCode", "uName", "Rank"]
    assert [c for c in table.columns if c in o.columns] == list(o.columns)


def test_results_table_matches_coinr_oracles(coinr_input, coin_a):
    _compare_results(coin_a.results("Aggs"), "a_minmax_amean_results_aggs.csv")
    iData, iMeta = coinr_input
    full = (CompositeIndex.from_coinr(iData, iMeta).denominate().impute(method="i_mean_grp", group="EurAsia_group")
            .screen(dat_thresh=0.9).treat().normalise(method="n_minmax", l_u=(0, 100)).aggregate(method="a_amean"))
    _compare_results(full.results("Aggs"), "e_full_example_results_aggs.csv")
    t = coin_a.results()
    assert t.loc[0, "uName"] == "Germany" and t["Rank"].dtype == "Int64"


def test_results_table_variants():
    ci = CompositeIndex.from_coinr(*_small()).normalise().aggregate()
    s = ci.scores()
    order = list(s["Index"].sort_values(ascending=False, kind="stable").index)
    summ = ci.results("Summ")
    assert list(summ.columns) == ["uCode", "uName", "Index", "Rank"]
    assert list(summ["uCode"]) == order
    assert list(summ["Rank"]) == [1, 2, 3, 4]
    full = ci.results("Full", nround=1)
    assert list(full.columns) == ["uCode", "uName", "Rank", "Index", "P", "Q", "a", "b", "c"]
    assert full.loc[0, "Index"] == round(s.loc[order[0], "Index"], 1)
    ranks = ci.results("Aggs", use="ranks")
    assert "Rank" not in ranks.columns and list(ranks["Index"]) == [1, 2, 3, 4]
    g = ci.results("Aggs", use="groupranks", use_group="g")
    assert list(g.columns[:3]) == ["uCode", "uName", "g"]
    assert list(g["g"].iloc[:3]) == ["x", "x", "y"] and g["g"].iloc[3] is None
    assert str(g["Index"].dtype) == "Int64" and list(g["Index"].iloc[:3]) == [1, 2, 1]
    by_p = ci.results("Summ", order_by="P")
    assert list(by_p.columns) == ["uCode", "uName", "P", "Rank"]
    assert list(by_p["uCode"]) == list(s["P"].sort_values(ascending=False, kind="stable").index)


def test_strengths_and_weaknesses_by_hand_and_against_pandas_ranks(coinr_input):
    ci = CompositeIndex.from_coinr(*_small())
    # Raw ranks with direction: a (1, 3, 2, 5) → 4, 2, 3, 1; b (−1): 1, 2, 3, 4; c (5, 7, 9, 6) → 4, 2, 1, 3.
    sw = ci.strengths_weaknesses(top_n=1, bottom_n=1)
    u1 = sw[sw["uCode"] == "u1"]
    assert list(u1["kind"]) == ["strength", "weakness"]
    assert list(u1["iCode"]) == ["b", "a"]  # a and c both rank 4: the first in framework order is worst first
    assert list(u1["Rank"]) == [1, 4]
    assert list(u1["iName"]) == ["Beta", "Alpha"] and list(u1["Value"]) == [10.0, 1.0]
    # min_discard: u4's b is the worst rank of b, so never a strength (it has a at rank 1 anyway).
    u4 = ci.strengths_weaknesses("u4", top_n=3, bottom_n=1)
    assert list(u4[u4["kind"] == "strength"]["iCode"]) == ["a", "c"]
    assert list(ci.strengths_weaknesses("u4", top_n=3, bottom_n=1, min_discard=False)["iCode"])[:3] == ["a", "c", "b"]
    # ASEM: the top 5 of every unit equal the 5 best pandas ranks (min ties, direction applied).
    iData, iMeta = coinr_input
    coin = CompositeIndex.from_coinr(iData, iMeta)
    raw = coin.data("Raw")
    d = iMeta.set_index("iCode").loc[raw.columns, "Direction"].to_numpy()
    ranks = (raw * d).rank(method="min", ascending=False)
    sw = coin.strengths_weaknesses(top_n=5, bottom_n=5, min_discard=False)
    for unit in ("DEU", "CHN", "NZL"):
        mine = sw[(sw["uCode"] == unit) & (sw["kind"] == "strength")]
        r = ranks.loc[unit].dropna()
        assert list(mine["Rank"]) == sorted(r)[:5]
        assert all(ranks.loc[unit, c] == k for c, k in zip(mine["iCode"], mine["Rank"]))
        weak = sw[(sw["uCode"] == unit) & (sw["kind"] == "weakness")]
        assert list(weak["Rank"]) == sorted(r, reverse=True)[:5]


def test_correlations_and_cronbach_of_the_index(coin_a, coinr_input):
    n = coin_a.data("Normalised")
    iMeta = coinr_input[1]
    kids = list(iMeta[iMeta["Parent"] == "Physical"]["iCode"])
    assert np.allclose(coin_a.correlations(codes=kids), n[kids].corr(), rtol=1e-12)
    s = coin_a.scores()
    lvl2 = list(iMeta[iMeta["Level"] == 2]["iCode"])
    assert np.allclose(coin_a.correlations(level=2, method="spearman"), s[lvl2].corr(method="spearman"), rtol=1e-12)
    assert coin_a.correlations("Raw").shape == (49, 49)
    # Cronbach by hand from the covariance matrix: k/(k − 1)·(1 − Σ var / Σ cov).
    x = n[kids].dropna()
    c = np.cov(x.to_numpy(), rowvar=False)
    k = len(kids)
    assert coin_a.cronbach(parent="Physical") == pytest.approx(k / (k - 1) * (1 - np.trace(c) / c.sum()), rel=1e-10)
    x2 = s[["Conn", "Sust"]]
    c2 = np.cov(x2.to_numpy(), rowvar=False)
    assert coin_a.cronbach(parent="Index") == pytest.approx(2 * (1 - np.trace(c2) / c2.sum()), rel=1e-10)
    assert coin_a.cronbach(codes=kids, dset="Normalised") == coin_a.cronbach(parent="Physical")


# -- from_dataset --------------------------------------------------------------------------------
def _city_dataset() -> tuple[regind.Dataset, list]:
    reg = regind.regions.zhejiang()
    cat = regind.IndicatorCatalogue()
    cat.add(regind.Indicator("gdp_pc", "人均GDP", "GDP per capita", "万元/人", "higher"))
    cat.add(regind.Indicator("energy", "单位GDP能耗", "Energy intensity", "吨标煤/万元", "lower"))
    cat.add(regind.Indicator("neutral_x", "中性指标", "Neutral", "1", "neutral"))
    ds = regind.Dataset(reg, cat)
    cities = list(reg.at_level("city"))
    for i, c in enumerate(cities):
        for y in (2021, 2022, 2023):
            ds.add(c.code, str(y), "gdp_pc", "level", 10.0 + i + (y - 2021))
            if not (c.code == 330100 and y == 2023) and not (c.code == 330200 and y >= 2022):
                ds.add(c.code, str(y), "energy", "level", 0.5 + 0.01 * i)
        ds.add(c.code, "2023", "neutral_x", "level", float(i))
    return ds, cities


def test_from_dataset_builds_units_groups_and_directions():
    ds, cities = _city_dataset()
    ci = CompositeIndex.from_dataset(ds, ["gdp_pc", "energy"], "2023")
    raw = ci.data("Raw")
    assert ci.units == [str(c.code) for c in cities]
    assert ci.groups == ["parent_region"]
    assert list(raw.columns) == ["gdp_pc", "energy"]
    assert raw.loc["330300", "gdp_pc"] == 14.0  # Wenzhou, the third city: 10 + 2 + (2023 − 2021)
    assert math.isnan(raw.loc["330100", "energy"])  # no 2023 value
    fw = ci.framework()
    assert fw.at["gdp_pc", "Direction"] == 1 and fw.at["energy", "Direction"] == -1
    assert list(fw.index) == ["gdp_pc", "energy", "Index"]
    ci.normalise().aggregate()
    g = ci.group_ranks("parent_region")
    assert (g["parent_region"] == "330000").all()
    assert (g["Index"] == ci.ranks()["Index"]).all()
    names = ci.results()["uName"]
    assert set(names) == {c.name_zh for c in cities}
    # Panel imputation from the city's own years: Hangzhou's 2023 energy = its 2022 value.
    latest = CompositeIndex.from_dataset(ds, ["gdp_pc", "energy"], "2023", impute_panel="latest").data("Raw")
    assert latest.loc["330100", "energy"] == pytest.approx(0.5)
    assert latest.loc["330200", "energy"] == pytest.approx(0.51)  # 2021, two years back
    one = CompositeIndex.from_dataset(ds, ["gdp_pc", "energy"], "2023", impute_panel="latest", max_time=1).data("Raw")
    assert math.isnan(one.loc["330200", "energy"])
    # Counties of one city, a framework with its own directions and names.
    reg = ds.regions
    counties = [r.code for r in reg.children("湖州")]
    fw = pd.DataFrame({"iCode": ["gdp_pc", "neutral_x", "Index"], "Parent": ["Index", "Index", None],
                       "Level": [1, 1, 2], "Weight": [2, 1, 1], "Direction": [None, -1, None],
                       "iName": ["GDP pc", None, "Idx"]})
    ci2 = CompositeIndex.from_dataset(ds, period="2023", regions=[reg[330100], "嘉兴"], framework=fw)
    assert ci2.units == ["330100", "330400"]
    f2 = ci2.framework()
    assert f2.at["neutral_x", "Direction"] == -1 and f2.at["gdp_pc", "Weight"] == 2
    cty = CompositeIndex.from_dataset(ds, ["gdp_pc"], "2023", regions=counties, group="city")
    assert cty.groups == ["city"] and cty.data("Raw")["gdp_pc"].isna().all()


FROM_DATASET_ERRORS = [
    (dict(dataset=None), ValueError, "[regind.invalid_input.from_dataset] dataset must be a regind.Dataset"),
    (dict(period=None), ValueError, "[regind.invalid_input.from_dataset] give the period"),
    (dict(indicators=None), ValueError, "[regind.invalid_input.from_dataset] give indicators=[codes] or a framework"),
    (dict(indicators=["gdp_pc", "gdp_pc"]), ValueError, "[regind.invalid_input.from_dataset] duplicate indicator"),
    (dict(indicators=["gdp_pcc"]), KeyError, "gdp_pcc"),
    (dict(indicators=["neutral_x"]), ValueError,
     "[regind.invalid_input.from_dataset] indicator 'neutral_x' is neutral in the catalogue"),
    (dict(framework={"iCode": []}), ValueError, "[regind.invalid_input.from_dataset] framework must be a pandas"),
    (dict(framework=pd.DataFrame({"iCode": ["gdp_pc"]})), ValueError,
     "[regind.invalid_input.from_dataset] framework lacks the column(s) Parent, Level, Weight"),
    (dict(framework=pd.DataFrame({"iCode": ["gdp_pc", "Index"], "Parent": ["Index", None], "Level": [1, 2],
                                  "Weight": [1, 1]}), indicators=["energy"]), ValueError,
     "[regind.invalid_input.from_dataset] indicators ['energy'] differ from the framework's Level 1 rows"),
    (dict(group="gdp_pc"), ValueError, "[regind.invalid_input.from_dataset] the group column 'gdp_pc' is also an iCode"),
    (dict(framework=pd.DataFrame({"iCode": ["gdp_pc", "Index"], "Parent": ["Index", None], "Level": ["one", 2],
                                  "Weight": [1, 1]}), indicators=None), ValueError,
     "[regind.invalid_input.from_dataset] column 'Level', row 1: 'one' is not a number"),
    (dict(level="village"), ValueError, "village"),
    (dict(regions=[]), ValueError, "[regind.invalid_input.from_dataset] regions is empty"),
    (dict(regions=[330100, "杭州"]), ValueError, "[regind.invalid_input.from_dataset] a region is listed twice"),
    (dict(impute_panel="locf"), ValueError, "[regind.invalid_input.impute_panel] unknown panel imputation 'locf'"),
    (dict(max_time=2), ValueError, "[regind.invalid_input.from_dataset] max_time is used with impute_panel"),
]


@pytest.mark.parametrize("change, exc, message", FROM_DATASET_ERRORS)
def test_from_dataset_errors_name_the_problem(change, exc, message):
    ds, _cities = _city_dataset()
    kw = dict(dataset=ds, indicators=["gdp_pc"], period="2023")
    kw.update(change)
    with pytest.raises(exc, match=re.escape(message)):
        CompositeIndex.from_dataset(kw.pop("dataset"), kw.pop("indicators"), kw.pop("period"), **kw)


def test_from_dataset_without_regions_at_a_level_of_an_empty_registry():
    reg = regind.RegionRegistry()
    reg.add(regind.Region(330000, "浙江省", level="province"))
    cat = regind.IndicatorCatalogue()
    cat.add(regind.Indicator("k", "指标", "k", "1", "higher"))
    with pytest.raises(ValueError, match=re.escape("[regind.invalid_input.from_dataset] the dataset's registry has no "
                                                   "region at level 'city'")):
        CompositeIndex.from_dataset(regind.Dataset(reg, cat), ["k"], "2023")


# -- error paths of the pipeline API ----------------------------------------------------------------
STEP_ERRORS = [
    (lambda ci: ci.weights("entropi"), ValueError, "[regind.invalid_input.weights] unknown weighting method 'entropi'"),
    (lambda ci: ci.weights("equal", level=1.5), ValueError, "[regind.invalid_input.weights] level must be a whole"),
    (lambda ci: ci.weights("equal", level=4), ValueError,
     "[regind.invalid_input.weights] equal: level must be between 1 and 3, not 4"),
    (lambda ci: ci.weights("equal", name="Original"), ValueError,
     "[regind.invalid_input.weights] the weight set 'Original' holds the iMeta weights"),
    (lambda ci: ci.weights("equal", base="nope"), KeyError, "[regind.key_error.composite] unknown weight set 'nope'"),
    (lambda ci: ci.weights("entropy", values={"a": 1}), ValueError,
     "[regind.invalid_input.weights] entropy: the option values is only used by manual"),
    (lambda ci: ci.weights("equal", dset="Raw"), ValueError,
     "[regind.invalid_input.weights] equal: the option dset is only used by pca, entropy and critic"),
    (lambda ci: ci.weights("entropy", abs_r=True), ValueError,
     "[regind.invalid_input.weights] entropy: the option abs_r is only used by critic"),
    (lambda ci: ci.weights("equal", random_index=[0, 0, 1]), ValueError,
     "[regind.invalid_input.weights] equal: the option random_index is only used by ahp"),
    (lambda ci: ci.weights("equal", itarg={"P": 1}), ValueError,
     "[regind.invalid_input.weights] equal: the option itarg is only used by balance"),
    (lambda ci: ci.weights("equal", cor_method="spearman"), ValueError,
     "[regind.invalid_input.weights] equal: the option cor_method is only used by balance and infomax"),
    (lambda ci: ci.weights("equal", toler=0.5), ValueError,
     "[regind.invalid_input.weights] equal: the option toler/maxiter is only used by balance and infomax"),
    (lambda ci: ci.weights("balance", level=2, maxiter=1.5), ValueError,
     "[regind.invalid_input.weights] maxiter must be a whole number"),
    (lambda ci: ci.weights("balance", level=2, cor_method="kendall"), ValueError,
     "[regind.invalid_input.correlation] unknown correlation method 'kendall'"),
    (lambda ci: ci.weights("balance", level=3), ValueError,
     "[regind.invalid_input.weights] balance: level must be between 1 and 2"),
    (lambda ci: ci.weights("balance", level=2, itarg={"a": 1}), ValueError,
     "[regind.invalid_input.weights] balance: 'a' is at level 1"),
    (lambda ci: ci.weights("balance", level=2, toler=0), ValueError,
     "[regind.invalid_input.weights] balance: toler must be a finite number > 0"),
    (lambda ci: ci.weights("manual"), ValueError, "[regind.invalid_input.weights] manual: give values"),
    (lambda ci: ci.weights("manual", values=[1, 2]), ValueError,
     "[regind.invalid_input.weights] values must be a dict (or pandas Series) keyed by iCode"),
    (lambda ci: ci.weights("manual", values={"zz": 1}), KeyError, "[regind.key_error.composite] unknown iCode 'zz'"),
    (lambda ci: ci.weights("manual", values={"a": -2}), ValueError,
     "[regind.invalid_input.weights] manual: the weight of 'a' must be a finite number >= 0"),
    (lambda ci: ci.weights("ahp"), ValueError,
     "[regind.invalid_input.weights] ahp: no comparison matrix for the group 'P' (its children a, b)"),
    (lambda ci: ci.weights("ahp", matrices={"P": np.ones((3, 3))}), ValueError,
     "[regind.invalid_input.weights] ahp: the matrix of 'P' is 3 × 3, but the group has 2 children"),
    (lambda ci: ci.weights("ahp", matrices={"P": [[1, 2], [2, 1]]}), ValueError,
     "[regind.invalid_input.weights] ahp (group 'P'): the matrix is not reciprocal"),
    (lambda ci: ci.weights("ahp", matrices={"Q": [[1]]}), KeyError,
     "[regind.key_error.composite] unknown group of level 1 for ahp 'Q'"),
    (lambda ci: ci.weights("ahp", level=2, matrices=[[1]]), ValueError,
     "[regind.invalid_input.weights] ahp: the matrix of 'Index' is 1 × 1, but the group has 2 children (P, Q)"),
    (lambda ci: ci.weights("ahp", level=3, matrices=[[1]]), ValueError,
     "[regind.invalid_input.weights] ahp: level 3 has 0 groups of several nodes"),
    (lambda ci: ci.weights("ahp", matrices={"P": pd.DataFrame(np.ones((2, 2)), index=["a", "c"],
                                                              columns=["a", "c"])}), ValueError,
     "[regind.invalid_input.weights] ahp: the matrix of 'P' is labelled ['a', 'c'] × ['a', 'c']"),
    (lambda ci: ci.weights("ahp", matrices={"P": [1, 2]}), ValueError,
     "[regind.invalid_input.weights] the comparison matrix of 'P' must be a 2-D array"),
    (lambda ci: ci.weights("entropy", level=2, dset="Normalised"), ValueError,
     "[regind.invalid_input.weights] entropy: the data of level 2 are aggregates"),
    (lambda ci: ci.normalise(method="n_zscore").weights("entropy"), ValueError,
     "[regind.invalid_input.weights] entropy: 'a' has the value -"),
    (lambda ci: ci.weights("critic", dset="Treated"), ValueError,
     "[regind.invalid_input.stage] the Treated data set does not exist yet"),
    # Normalised a and b are negatively correlated: PC1 = (1, −1)/√2, the first loading positive.
    (lambda ci: ci.weights("pca").aggregate(weights="pca"), ValueError,
     "[regind.invalid_input.aggregate] the weight of 'b' must be a finite number >= 0"),
    (lambda ci: ci.weight_set("nope"), KeyError, "[regind.key_error.composite] unknown weight set 'nope'"),
    (lambda ci: ci.weight_details("nope"), KeyError, "[regind.key_error.composite] unknown weight set 'nope'"),
    (lambda ci: ci.effective_weights({"zz": 1}), KeyError, "[regind.key_error.composite] unknown iCode 'zz'"),
    (lambda ci: ci.effective_weights(3), ValueError, "[regind.invalid_input.weights] weights must be a dict"),
    (lambda ci: ci.aggregate(weights="nope"), KeyError, "[regind.key_error.composite] unknown weight set 'nope'"),
    (lambda ci: ci.aggregate(weights=[1, 2]), ValueError, "[regind.invalid_input.aggregate] weights must be a dict"),
    (lambda ci: ci.aggregate(by_group={"a": "a_amean"}), ValueError,
     "[regind.invalid_input.aggregate] 'a' is an Indicator: a method per group is given for an Aggregate"),
    (lambda ci: ci.aggregate(by_group={"Pp": "a_amean"}), KeyError, "[regind.key_error.composite] unknown iCode 'Pp'"),
    (lambda ci: ci.aggregate(by_group={"P": "a_mean"}), ValueError,
     "[regind.invalid_input.aggregate] unknown aggregation method 'a_mean'"),
    (lambda ci: ci.aggregate(by_group={"P": 3}), ValueError,
     "[regind.invalid_input.aggregate] P: a by_group spec is a method name or a dict"),
    (lambda ci: ci.aggregate(by_group={"P": {"methd": "a_gmean"}}), ValueError,
     "[regind.invalid_input.aggregate] P: unknown setting(s) methd"),
    (lambda ci: ci.aggregate(by_group={"P": "a_genmean"}), ValueError,
     "[regind.invalid_input.aggregate] a_genmean needs a finite, non-zero p"),
    (lambda ci: ci.results("Summary"), ValueError, "[regind.invalid_input.results] unknown tab_type 'Summary'"),
    (lambda ci: ci.results(use="rank"), ValueError, "[regind.invalid_input.results] unknown use 'rank'"),
    (lambda ci: ci.results(use="groupranks"), ValueError,
     "[regind.invalid_input.results] use='groupranks' needs use_group"),
    (lambda ci: ci.results(order_by="Indx"), KeyError, "[regind.key_error.composite] unknown iCode 'Indx'"),
    (lambda ci: ci.results(use_group="gg"), KeyError, "[regind.key_error.composite] unknown group column 'gg'"),
    (lambda ci: ci.strengths_weaknesses("u9", top_n=1, bottom_n=1), KeyError, "[regind.key_error.composite] unknown uCode 'u9'"),
    (lambda ci: ci.strengths_weaknesses(top_n=1.5), ValueError, "[regind.invalid_input.str_weak] top_n must be a whole"),
    (lambda ci: ci.strengths_weaknesses(top_n=0), ValueError,
     "[regind.invalid_input.str_weak] top_n must be between 1 and the number of indicators (3), not 0"),
    (lambda ci: ci.strengths_weaknesses(top_n=1, bottom_n=4), ValueError,
     "[regind.invalid_input.str_weak] bottom_n must be between 1 and the number of indicators (3), not 4"),
    (lambda ci: ci.strengths_weaknesses(dset="Treated"), ValueError,
     "[regind.invalid_input.stage] the Treated data set does not exist yet"),
    (lambda ci: ci.correlations(method="kendall"), ValueError, "[regind.invalid_input.correlation] unknown correlation"),
    (lambda ci: ci.correlations(codes=["a", "zz"]), KeyError, "[regind.key_error.composite] unknown iCode 'zz'"),
    (lambda ci: ci.correlations("Normalised", codes=["P", "a"]), ValueError,
     "[regind.invalid_input.analysis] 'P' is an aggregate: use dset='Aggregated'"),
    (lambda ci: ci.correlations(level=7), ValueError, "[regind.invalid_input.analysis] level must be between 1 and 3"),
    (lambda ci: ci.cronbach(parent="a"), ValueError, "[regind.invalid_input.analysis] 'a' is an Indicator"),
    (lambda ci: ci.cronbach(parent="Pp"), KeyError, "[regind.key_error.composite] unknown iCode 'Pp'"),
    (lambda ci: ci.cronbach(parent="Q"), ValueError, "[regind.invalid_input.cronbach] Cronbach's alpha needs at least 2"),
]


@pytest.mark.parametrize("call, exc, message", STEP_ERRORS)
def test_pipeline_errors_name_the_problem(call, exc, message):
    ci = CompositeIndex.from_coinr(*_small()).normalise().aggregate()
    with pytest.raises(exc, match=re.escape(message)):
        call(ci)


def test_optimiser_needs_an_aggregation():
    ci = CompositeIndex.from_coinr(*_small()).normalise()
    with pytest.raises(ValueError, match=re.escape("[regind.invalid_input.stage] the Aggregated data set does not "
                                                   "exist yet")):
        ci.weights("balance", level=2)
    with pytest.raises(ValueError, match=re.escape("[regind.invalid_input.stage] the Aggregated data set does not")):
        ci.results()


def test_the_existing_api_keeps_working():
    # Positional _core arguments of aggregate() and the COINr weights dict are unchanged.
    ci = CompositeIndex.from_coinr(*_small()).normalise()
    ci._impl.aggregate([regind._core.AggregateSpec()], {"b": 1.0})
    assert ci.scores().loc["u1", "P"] == pytest.approx((ci.data("Normalised").loc["u1", ["a", "b"]]).mean())
    ci.aggregate(weights={"b": 1})
    assert dict(ci.steps())["aggregate"]["weights"] == {"b": 1.0}


# -- the example ------------------------------------------------------------------------------------
def test_zhejiang_composite_example_runs_and_prints_its_results():
    # The example must import the regind under test, wherever it was found.
    env = dict(os.environ)
    here = str(Path(regind.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([here, *filter(None, [env.get("PYTHONPATH")])])
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "zhejiang_composite.py")],
                          capture_output=True, text=True, cwd=ROOT / "tests", env=env)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "SYNTHETIC DATA" in out and "NOT official statistics" in out
    assert out.rstrip().endswith("the ranking above illustrates the method only.")
    for city in ("杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"):
        assert out.count(city) >= 3, city  # results table, group ranks, strengths and weaknesses
    assert "Entropy weights of the indicators" in out
    assert "Results (scores 1–100, sorted by the index)" in out
    assert "Ranks within the province" in out
    assert "strengths" in out and "weaknesses" in out
    assert "Cronbach's alpha of the pillars" in out
    assert "still missing after panel imputation" in out
    table = out.split("Results (scores 1–100, sorted by the index):")[1].split("Ranks within")[0]
    ranks = [int(line.split()[2]) for line in table.strip().splitlines()[1:]]
    assert sorted(ranks) == list(range(1, 12))
    assert ranks == sorted(ranks)
    # The uncertainty section: one line per city, nominal ranks 1..11 as in the results table,
    # and q05 ≤ median ≤ q95 within 1..11; then a Sobol' table with the four uncertain inputs.
    ua = out.split("5–95 % interval")[1].split("Sensitivity")[0].strip().splitlines()
    assert len(ua) == 11
    nominal = []
    for line in ua:
        f = line.replace("[", " ").replace("]", " ").replace(",", " ").split()
        nom, med, lo, hi = int(f[2]), float(f[4]), float(f[6]), float(f[7])
        assert 1 <= lo <= med <= hi <= 11, line
        nominal.append(nom)
    assert nominal == list(range(1, 12))
    sobol = out.split("bootstrap intervals):")[1].split("Reminder")[0]
    for name in ("normalisation", "aggregation", "weights_L1", "weights_L2"):
        assert name in sobol
