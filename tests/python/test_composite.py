# SPDX-License-Identifier: MIT
"""Composite indices: conformance with COINr 1.1.14 on its ASEM example (the oracle files in
../shared/oracles/coinr, read in place, never copied), hand-computed small cases, the
recompute-from-a-step contract, and every error path of the Python API."""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

import regind
from regind.composite import CompositeIndex

from _shared import coinr_oracle as _oracle


def _close(actual: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """Element-wise agreement: same NaN and ±Inf positions, finite values within 1e-9
    (absolute, or relative for values above 1)."""
    a = np.asarray(actual, dtype=float)
    b = np.asarray(expected, dtype=float)
    same_nan = np.isnan(a) == np.isnan(b)
    inf = np.isinf(a) | np.isinf(b)
    same_inf = np.where(inf, a == b, True)
    fin = np.isfinite(a) & np.isfinite(b)
    diff = np.zeros_like(b)
    diff[fin] = np.abs(a[fin] - b[fin]) - 1e-9 * np.maximum(1.0, np.abs(b[fin]))
    return same_nan & same_inf & (diff <= 0)


def assert_matches(actual: pd.DataFrame, name: str, *, exact: bool = False) -> int:
    """Compares every numeric column of the oracle file with `actual` (joined on uCode) and
    returns the number of values compared."""
    o = _oracle(name).set_index("uCode")
    assert sorted(actual.index) == sorted(o.index), f"{name}: different units"
    cols = [c for c in o.columns if pd.api.types.is_numeric_dtype(o[c])]
    missing = [c for c in cols if c not in actual.columns]
    assert not missing, f"{name}: columns missing from the result: {missing}"
    a = actual.loc[o.index, cols].astype("float64").to_numpy(na_value=np.nan)
    b = o[cols].astype("float64").to_numpy()
    ok = (np.isnan(a) == np.isnan(b)) & np.where(np.isnan(b), True, a == b) if exact else _close(a, b)
    if not ok.all():
        bad = [(o.index[i], cols[j], a[i, j], b[i, j]) for i, j in zip(*np.nonzero(~ok))]
        pytest.fail(f"{name}: {len(bad)} values differ, e.g. {bad[:5]}")
    return int(ok.size)


def _text(name: str) -> pd.DataFrame:
    return _oracle(name, dtype=str, keep_default_na=False)


def _flag(v: object) -> str:
    return "NA" if v is pd.NA or v is None or (isinstance(v, float) and math.isnan(v)) else ("TRUE" if v else "FALSE")


def _num(s: str) -> float:
    return float("nan") if s == "NA" else float(s)


def assert_treat_details(actual: pd.DataFrame, name: str) -> None:
    o = _text(name).set_index("iCode")
    assert list(actual.index) == list(o.index)
    for col in o.columns:
        for code in o.index:
            want, got = o.at[code, col], actual.at[code, col]
            if col.endswith(".Pass"):
                assert _flag(got) == want, (code, col)
            elif col == "winsorise.nwin":
                assert ("NA" if got is pd.NA else str(int(got))) == want, (code, col)
            else:
                assert _close(np.array([got]), np.array([_num(want)])).all(), (code, col, got, want)


# -- pipelines ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def coin_a(coinr_input) -> CompositeIndex:
    iData, iMeta = coinr_input
    return (CompositeIndex.from_coinr(iData, iMeta)
            .normalise(method="n_minmax", l_u=(0, 100))
            .aggregate(method="a_amean"))


@pytest.fixture(scope="module")
def coin_c(coinr_input) -> CompositeIndex:
    iData, iMeta = coinr_input
    return CompositeIndex.from_coinr(iData, iMeta).treat().normalise(method="n_minmax", l_u=(0, 100)).aggregate()


def _full_example(iData: pd.DataFrame, iMeta: pd.DataFrame) -> CompositeIndex:
    return (CompositeIndex.from_coinr(iData, iMeta)
            .denominate()
            .impute(method="i_mean_grp", group="EurAsia_group")
            .screen(dat_thresh=0.9)
            .treat()
            .normalise(method="n_minmax", l_u=(0, 100))
            .aggregate(method="a_amean"))


@pytest.fixture(scope="module")
def coin_e(coinr_input) -> CompositeIndex:
    return _full_example(*coinr_input)


# -- slice 1: min-max + arithmetic mean --------------------------------------------------------
def test_a_minmax_amean_scores_ranks_and_group_ranks(coin_a):
    assert assert_matches(coin_a.data("Normalised"), "a_minmax_amean_normalised.csv") == 51 * 49
    assert assert_matches(coin_a.scores(), "a_minmax_amean_scores.csv") == 51 * 60
    assert assert_matches(coin_a.ranks(), "a_minmax_amean_ranks.csv", exact=True) == 51 * 60
    g = coin_a.group_ranks("EurAsia_group")
    o = _oracle("a_minmax_amean_groupranks_EurAsia.csv").set_index("uCode")
    assert (g.loc[o.index, "EurAsia_group"] == o["EurAsia_group"]).all()
    n = assert_matches(g.drop(columns="EurAsia_group"), "a_minmax_amean_groupranks_EurAsia.csv", exact=True)
    assert n == 51 * 11
    assert str(g["Index"].dtype) == "Int64"


def test_a_minmax_amean_results_table_agrees_to_its_rounding(coin_a):
    # get_results is rounded to 12 decimals by COINr: compare at that precision.
    o = _oracle("a_minmax_amean_results_aggs.csv").set_index("uCode")
    s = coin_a.scores().loc[o.index]
    for col in o.columns.drop("Rank"):
        assert np.allclose(s[col].to_numpy(), o[col].to_numpy(), rtol=0, atol=1e-11), col
    assert (coin_a.ranks().loc[o.index, "Index"].to_numpy() == o["Rank"].to_numpy()).all()


# -- slice 2: every normaliser -----------------------------------------------------------------
@pytest.mark.parametrize("name, kwargs", [
    ("minmax_0_100", dict(method="n_minmax", l_u=(0, 100))),
    ("zscore_0_1", dict(method="n_zscore", m_sd=(0, 1))),
    ("rank_min", dict(method="n_rank")),
    ("rank_average", dict(method="n_rank", ties="average")),
    ("prank_min", dict(method="n_prank")),
    ("borda_min", dict(method="n_borda")),
    ("fracmax", dict(method="n_fracmax")),
    ("dist2max", dict(method="n_dist2max")),
])
def test_normalisers_match_coinr(coinr_input, name, kwargs):
    ci = CompositeIndex.from_coinr(*coinr_input).normalise(**kwargs)
    assert assert_matches(ci.data("Normalised"), f"n_normalise_{name}.csv") == 51 * 49


def test_normalisers_without_an_oracle_by_hand(coinr_input):
    iData, iMeta = coinr_input
    raw = iData.set_index("uCode")
    # n_goalposts on Tariff (direction −1) with goalposts (0, 10, 100): (10 − x)/10·100, clamped.
    ci = CompositeIndex.from_coinr(iData, iMeta).normalise(
        individual={"Tariff": dict(method="n_goalposts", gposts=(0, 10, 100)),
                    "LPI": dict(method="n_dist2targ", targ=4.0, cap_max=True),
                    "Goods": dict(method="n_dist2ref", iref="DEU"),
                    "CPI": dict(method="n_scaled", npara=(0, 50), scale_factor=10)})
    n = ci.data("Normalised")
    t = raw["Tariff"]
    want = ((10 - t) / 10).clip(0, 1) * 100
    assert np.allclose(n["Tariff"], want.loc[n.index], equal_nan=True, rtol=1e-12)
    lpi = raw["LPI"]
    want = ((lpi - lpi.min()) / (4.0 - lpi.min())).clip(upper=1)
    assert np.allclose(n["LPI"], want.loc[n.index], rtol=1e-12)
    g = raw["Goods"]
    want = 1 - (g["DEU"] - g) / (g["DEU"] - g.min())
    assert np.allclose(n["Goods"], want.loc[n.index], rtol=1e-12)
    assert n.loc["DEU", "Goods"] == pytest.approx(1.0)
    assert np.allclose(n["CPI"], (raw["CPI"] / 50 * 10).loc[n.index], rtol=1e-12)
    # Default target: iMeta's Target column.
    ci2 = CompositeIndex.from_coinr(iData, iMeta).normalise(method="n_dist2targ")
    targ = float(iMeta.set_index("iCode").at["LPI", "Target"])
    want = (lpi - lpi.min()) / (targ - lpi.min())
    assert np.allclose(ci2.data("Normalised")["LPI"], want.loc[n.index], rtol=1e-12)


# -- slice 3: statistics and treatment ---------------------------------------------------------
def test_stats_and_skew_kurt_of_the_raw_data(coinr_input):
    ci = CompositeIndex.from_coinr(*coinr_input)
    s = ci.stats("Raw")
    o = _oracle("s_stats_raw.csv").set_index("iCode")
    assert list(s.index) == list(o.index)
    for col in o.columns:
        if col.startswith("Flag."):
            assert (s[col] == o[col]).all(), col
        else:
            assert _close(s[col].to_numpy(dtype=float), o[col].to_numpy(dtype=float)).all(), col
    sk = _oracle("s_skew_kurt_raw.csv").set_index("iCode")
    assert _close(s.loc[sk.index, "Skew"].to_numpy(), sk["skew"].to_numpy()).all()
    assert _close(s.loc[sk.index, "Kurt"].to_numpy(), sk["kurt"].to_numpy()).all()


def test_c_treat_data_details_points_and_results(coin_c):
    assert assert_matches(coin_c.data("Treated"), "c_treat_treated.csv") == 51 * 49
    assert_treat_details(coin_c.treat_details(), "c_treat_details.csv")
    pts = coin_c.treated_points()
    o = _text("c_treat_points.csv").set_index("uCode")
    assert (pts.loc[o.index, o.columns] == o).all().all()
    assert (pts != "").sum().sum() == 30
    assert assert_matches(coin_c.data("Normalised"), "c_treat_minmax_amean_normalised.csv") == 51 * 49
    assert assert_matches(coin_c.scores(), "c_treat_minmax_amean_scores.csv") == 51 * 60
    assert assert_matches(coin_c.ranks(), "c_treat_minmax_amean_ranks.csv", exact=True) == 51 * 60


def test_treat_with_log_ct_when_winsorisation_is_not_enough(coinr_input):
    iData, iMeta = coinr_input
    # winmax = 0: a failing indicator goes straight to log(x − min + 0.01(max − min)).
    ci = CompositeIndex.from_coinr(iData, iMeta).treat(winmax=0, individual={"Flights": "none"})
    d = ci.treat_details()
    gas = iData.set_index("uCode")["Gas"]
    want = np.log(gas - gas.min() + 0.01 * (gas.max() - gas.min()))
    assert np.allclose(ci.data("Treated")["Gas"], want.loc[ci.data("Treated").index], rtol=1e-12)
    assert d.at["Gas", "transform"] == "log_CT"
    assert d.at["Gas", "winsorise.nwin"] == 0
    assert d.at["Gas", "check_SkewKurt1.Pass"] == False  # noqa: E712 (pandas boolean)
    assert d.at["LPI", "transform"] is None
    assert d.at["Flights", "check_SkewKurt0.Pass"] is pd.NA or pd.isna(d.at["Flights", "check_SkewKurt0.Skew"])
    assert (ci.data("Treated")["Flights"] == ci.data("Raw")["Flights"]).all()
    pts = ci.treated_points()
    assert (pts["Gas"] == "log_CT").all()
    assert (pts["LPI"] == "").all()
    # Winsorised cells of a column that is then transformed keep their mark.
    ci.treat(winmax=1, f2="log_CT", combine_treat=True, individual={"Gas": {"skew_thresh": 0.1, "kurt_thresh": 0.1}})
    assert ci.treated_points().loc["NOR", "Gas"] == "winhi+log_CT"


def test_force_win_winsorises_up_to_winmax_even_once_passing(coinr_input):
    iData, iMeta = coinr_input
    ci = CompositeIndex.from_coinr(iData, iMeta).treat(force_win=True, winmax=2)
    # Flights passes after one point (c_treat_details.csv); forced, the two largest take the third.
    raw = iData.set_index("uCode")["Flights"].sort_values(ascending=False)
    treated = ci.data("Treated")["Flights"]
    assert (treated.loc[raw.index[:2]] == raw.iloc[2]).all()
    assert (treated.loc[raw.index[2:]] == raw.iloc[2:]).all()
    assert ci.treat_details().at["Flights", "winsorise.nwin"] == 2
    assert (ci.treated_points().loc[raw.index[:2], "Flights"] == "winhi").all()


# -- slice 4: the full example -----------------------------------------------------------------
def test_e_full_example_every_stage(coin_e):
    for stage in ("Raw", "Denominated", "Imputed", "Screened", "Treated", "Normalised", "Aggregated"):
        assert assert_matches(coin_e.data(stage), f"e_full_example_dset_{stage}.csv") >= 51 * 49, stage
    assert assert_matches(coin_e.scores(), "e_full_example_scores.csv") == 51 * 60
    assert assert_matches(coin_e.ranks(), "e_full_example_ranks.csv", exact=True) == 51 * 60
    assert_treat_details(coin_e.treat_details(), "e_full_example_treat_details.csv")
    s = coin_e.screen_summary()
    o = _text("e_full_example_screen_summary.csv").set_index("uCode")
    for col in o.columns:
        got = s.loc[o.index, col]
        if got.dtype == bool:
            assert (got.map(_flag) == o[col]).all(), col
        else:
            assert _close(got.to_numpy(dtype=float), o[col].map(_num).to_numpy()).all(), col
    assert [name for name, _ in coin_e.steps()] == ["denominate", "impute", "screen", "treat", "normalise", "aggregate"]


def test_screening_drops_units_and_later_steps_follow(coinr_input):
    iData, iMeta = coinr_input
    raw = CompositeIndex.from_coinr(iData, iMeta)
    avail = raw.data("Raw").notna().mean(axis=1)  # fraction of the 49 indicators available
    ci = raw.screen(dat_thresh=0.9).normalise().aggregate()
    kept = sorted(avail.index[~(avail < 0.9)])
    assert sorted(ci.scores().index) == kept
    assert len(kept) < 51
    assert list(ci.screen_summary().index) == list(iData["uCode"])
    assert (ci.screen_summary()["Included"] == ~(avail < 0.9)).all()
    ci.screen(dat_thresh=0.9, force={kept[0]: False})
    assert kept[0] not in ci.scores().index


# -- recomputation ------------------------------------------------------------------------------
def test_rerunning_a_step_recomputes_only_it_and_later_steps(coinr_input):
    ci = _full_example(*coinr_input)
    before = {s: ci.generation(s) for s in regind.composite.STAGES}
    assert all(before.values())
    ci.normalise(method="n_minmax", l_u=(1, 100))
    after = {s: ci.generation(s) for s in regind.composite.STAGES}
    for s in ("Raw", "Denominated", "Imputed", "Screened", "Treated"):
        assert after[s] == before[s], s
    for s in ("Normalised", "Aggregated"):
        assert after[s] != before[s], s
    # (x − min)/(max − min)·99 + 1 of the oracle's 0–100 scores
    o = _oracle("e_full_example_dset_Normalised.csv").set_index("uCode")
    n = ci.data("Normalised").loc[o.index, o.columns]
    assert np.allclose(n.to_numpy(), (o / 100 * 99 + 1).to_numpy(), rtol=1e-12, atol=1e-12)
    # Back to the original settings: the oracle again.
    ci.normalise(method="n_minmax", l_u=(0, 100))
    assert_matches(ci.scores(), "e_full_example_scores.csv")
    g = {s: ci.generation(s) for s in regind.composite.STAGES}
    ci.impute(method="i_median_grp", group="EurAsia_group")
    assert ci.generation("Denominated") == g["Denominated"]
    assert all(ci.generation(s) != g[s] for s in ("Imputed", "Screened", "Treated", "Normalised", "Aggregated"))
    assert dict(ci.steps())["impute"]["method"] == "i_median_grp"


def test_a_failing_step_leaves_everything_as_it_was(coin_a):
    g = {s: coin_a.generation(s) for s in regind.composite.STAGES}
    scores = coin_a.scores()
    with pytest.raises(ValueError, match=re.escape("[regind.invalid_input.aggregate] a_gmean needs values > 0")):
        coin_a.aggregate(method="a_gmean")  # min-max to [0, 100] has zeros
    assert {s: coin_a.generation(s) for s in regind.composite.STAGES} == g
    assert dict(coin_a.steps())["aggregate"]["method"] == "a_amean"
    pd.testing.assert_frame_equal(coin_a.scores(), scores)


# -- a small index by hand ----------------------------------------------------------------------
def _small() -> tuple[pd.DataFrame, pd.DataFrame]:
    iMeta = pd.DataFrame({
        "Level": [1, 1, 1, 2, 2, 3, None, None],
        "iCode": ["a", "b", "c", "P", "Q", "Index", "g", "pop"],
        "Parent": ["P", "P", "Q", "Index", "Index", None, None, None],
        "Direction": [1, -1, 1, 1, 1, 1, None, None],
        "Weight": [1, 3, 1, 1, 1, 1, None, None],
        "Type": ["Indicator", "Indicator", "Indicator", "Aggregate", "Aggregate", "Aggregate", "Group", "Denominator"],
        "Denominator": [None, "pop", None, None, None, None, None, None],
    })
    iData = pd.DataFrame({
        "uCode": ["u1", "u2", "u3"], "uName": ["One", "Two", "Three"],
        "g": ["x", "x", None], "pop": [1.0, 2.0, 4.0],
        "a": [1.0, 3.0, None], "b": [10.0, 20.0, 30.0], "c": [5.0, 7.0, 9.0],
    })
    return iData, iMeta


def test_small_index_by_hand():
    iData, iMeta = _small()
    ci = CompositeIndex.from_coinr(iData, iMeta).normalise().aggregate()
    s = ci.scores()
    # a: 0, 100, NaN; b (direction −1): 100, 50, 0; c: 0, 50, 100
    # P = (a + 3b)/4 (NaN a dropped with its weight): 75, 62.5, 0; Q = c; Index = (P + Q)/2
    assert s.loc["u1", "P"] == pytest.approx(75.0)
    assert s.loc["u2", "P"] == pytest.approx(62.5)
    assert s.loc["u3", "P"] == pytest.approx(0.0)
    assert list(s["Index"]) == pytest.approx([37.5, 56.25, 50.0])
    assert list(ci.ranks()["Index"]) == [3, 1, 2]
    gr = ci.group_ranks("g")
    assert list(gr["Index"].astype("float64").fillna(-1)) == [2, 1, -1]
    assert list(gr["g"]) == ["x", "x", None]
    fw = ci.framework()
    assert list(fw["EffWeight"]) == pytest.approx([0.125, 0.375, 0.5, 0.5, 0.5, 1.0])
    # Denominated: b / pop = 10, 10, 7.5
    ci.denominate()
    assert list(ci.data("Denominated")["b"]) == pytest.approx([10.0, 10.0, 7.5])
    # Other aggregators on a positive range: P by geometric mean with weights 1, 3.
    ci.normalise(l_u=(1, 100)).aggregate(method=["a_gmean", "a_amean"])
    n = ci.data("Normalised")
    want = math.exp((math.log(n.loc["u1", "a"]) + 3 * math.log(n.loc["u1", "b"])) / 4)
    assert ci.scores().loc["u1", "P"] == pytest.approx(want, rel=1e-12)
    ci.aggregate(method="a_genmean", p=2)
    assert ci.scores().loc["u1", "Q"] == pytest.approx(n.loc["u1", "c"])
    ci.aggregate(method="a_hmean", weights={"b": 1})
    assert ci.scores().loc["u1", "P"] == pytest.approx(2 / (1 / n.loc["u1", "a"] + 1 / n.loc["u1", "b"]))
    ci.aggregate(method="a_median", dat_thresh=0.75)
    assert math.isnan(ci.scores().loc["u3", "P"])  # 1 of 2 children < 0.75
    assert ci.scores().loc["u2", "P"] == pytest.approx(n.loc["u2", "b"])  # b (weight 3 of 4) is below a
    # Imputation by group mean: u3 has no group, so its a stays missing.
    ci.impute(method="i_mean_grp", group="g")
    assert math.isnan(ci.data("Imputed").loc["u3", "a"])
    ci.impute(method="i_mean")
    assert ci.data("Imputed").loc["u3", "a"] == pytest.approx(2.0)  # mean of 1 and 3
    assert "CompositeIndex: 3 units" in repr(ci)
    assert ci.units == ["u1", "u2", "u3"] and ci.groups == ["g"]
    assert ci.has("Imputed") and not ci.has("Treated")
    assert ci.generation("Treated") == 0
    assert list(ci.data().columns)[-1] == "Index"  # latest data set: Aggregated


# -- error paths --------------------------------------------------------------------------------
def _meta_with(**changes) -> pd.DataFrame:
    iMeta = _small()[1].copy()
    for (row, col), value in changes.get("cells", {}).items():
        iMeta.loc[row, col] = value
    return iMeta


BUILD_ERRORS = [
    # (iData change, iMeta change, message)
    (None, lambda m: m.drop(columns="Weight"),
     "[regind.invalid_input.framework] iMeta lacks the required column(s) Weight"),
    (None, lambda m: m.assign(iCode=[None, *m["iCode"][1:]]),
     "[regind.invalid_input.framework] iMeta row 1: iCode must not be NA"),
    (None, lambda m: m.assign(Level=["x", *m["Level"][1:]]),
     "[regind.invalid_input.framework] column 'Level', row 1: 'x' is not a number"),
    (None, lambda m: m.assign(Level=[1.5, *m["Level"][1:]]),
     "iMeta row 1 (iCode 'a'): Level must be a positive integer"),
    (None, lambda m: m.assign(Level=[2, *m["Level"][1:]]), "iMeta row 1 (iCode 'a'): an Indicator must be at Level 1"),
    (None, lambda m: m.assign(Direction=[0, *m["Direction"][1:]]),
     "iMeta row 1 (iCode 'a'): Direction must be 1 or -1"),
    (None, lambda m: m.assign(Weight=[None, *m["Weight"][1:]]),
     "iMeta row 1 (iCode 'a'): Weight must be a finite number"),
    (None, lambda m: m.assign(Weight=[-2, *m["Weight"][1:]]), "iMeta row 1 (iCode 'a'): Weight must not be negative"),
    (None, lambda m: m.assign(Type=["Indicators", *m["Type"][1:]]),
     "iMeta row 1 (iCode 'a'): unknown Type 'Indicators'"),
    (None, lambda m: m.assign(Parent=["Nope", *m["Parent"][1:]]),
     "iMeta row 1 (iCode 'a'): Parent 'Nope' is not an iCode"),
    (None, lambda m: m.assign(Parent=["Index", *m["Parent"][1:]]),
     "iMeta row 1 (iCode 'a'): Parent 'Index' is at Level 3"),
    (None, lambda m: m.assign(iCode=["b", *m["iCode"][1:]]),
     "iMeta row 2 (iCode 'b'): duplicate iCode (also on row 1)"),
    (None, lambda m: m.assign(iCode=["a b", *m["iCode"][1:]]), "iCode must not contain spaces"),
    (None, lambda m: m.assign(iCode=["1a", *m["iCode"][1:]]), "iCode must not start with a digit"),
    (None, lambda m: m.assign(Level=[*m["Level"][:5], 4, *m["Level"][6:]]),
     "levels must be consecutive: no row at Level 3"),
    (None, lambda m: m.assign(Denominator=["g", *m["Denominator"][1:]]),
     "Denominator 'g' is not an iCode of Type Denominator"),
    (None, lambda m: m.assign(Level=[*m["Level"][:6], 1, None]),
     "a Group row is not part of the index: its Level must be NA"),
    (lambda d: d.drop(columns="uCode"), None, "[regind.invalid_input.idata] iData lacks the required column uCode"),
    (lambda d: d.assign(uCode=["u1", "u1", "u3"]), None,
     "[regind.invalid_input.idata] row 2: duplicate uCode 'u1' (also on row 1)"),
    (lambda d: d.assign(uCode=["u1", None, "u3"]), None, "[regind.invalid_input.idata] row 2: uCode must not be NA"),
    (lambda d: d.assign(uCode=["u1", "P", "u3"]), None,
     "[regind.invalid_input.idata] row 2: uCode 'P' is also an iCode"),
    (lambda d: d.assign(extra=[1, 2, 3]), None,
     "[regind.invalid_input.idata] iData column 'extra' is not an iCode of iMeta"),
    (lambda d: d.assign(a=["1", "x", "3"]), None,
     "[regind.invalid_input.idata] column 'a', row 2: 'x' is not a number"),
    (lambda d: d.drop(columns="c"), None,
     "[regind.invalid_input.idata] iData has no numeric column 'c' (iMeta Type Indicator)"),
    (lambda d: d.drop(columns="g"), None, "[regind.invalid_input.idata] iData has no group column 'g'"),
    (lambda d: d.assign(P=[1.0, 2.0, 3.0]), None, "[regind.invalid_input.idata] 'P' is an Aggregate"),
    (lambda d: d.assign(Time=[2018, 2019, 2018]), None, "[regind.invalid_input.idata] iData holds several time points"),
    (lambda d: d.iloc[0:0], None, "[regind.invalid_input.idata] iData has no units"),
]


@pytest.mark.parametrize("data_change, meta_change, message", BUILD_ERRORS)
def test_from_coinr_errors_name_the_problem(data_change, meta_change, message):
    iData, iMeta = _small()
    if data_change:
        iData = data_change(iData)
    if meta_change:
        iMeta = meta_change(iMeta)
    with pytest.raises(ValueError, match=re.escape(message)):
        CompositeIndex.from_coinr(iData, iMeta)


def test_from_coinr_rejects_other_types_and_duplicate_columns():
    iData, iMeta = _small()
    with pytest.raises(ValueError, match=re.escape("[regind.invalid_input.framework] iData and iMeta must be pandas")):
        CompositeIndex.from_coinr(iData.to_dict(), iMeta)
    dup = pd.concat([iData, iData[["a"]]], axis=1)
    with pytest.raises(ValueError, match=re.escape("[regind.invalid_input.idata] duplicate iData column(s) a")):
        CompositeIndex.from_coinr(dup, iMeta)
    # Time with one value and Other columns are accepted; iName/Target are optional.
    ok = CompositeIndex.from_coinr(iData.assign(Time=2020), iMeta)
    assert ok.units == ["u1", "u2", "u3"]


STEP_ERRORS = [
    (lambda ci: ci.denominate({"a": "area"}), KeyError, "[regind.key_error.composite] unknown denominator 'area'"),
    (lambda ci: ci.denominate({"zz": "pop"}), KeyError, "[regind.key_error.composite] unknown iCode 'zz'"),
    (lambda ci: ci.denominate({"P": "pop"}), ValueError, "[regind.invalid_input.composite] 'P' is an Aggregate"),
    (lambda ci: ci.denominate(scale_factors={"b": 0}), ValueError,
     "[regind.invalid_input.denominate] b: the scale factor must be finite and non-zero, not 0"),
    (lambda ci: ci.impute(method="i_mode"), ValueError,
     "[regind.invalid_input.impute] unknown imputation method 'i_mode'"),
    (lambda ci: ci.impute(method="i_mean_grp"), ValueError, "[regind.invalid_input.impute] i_mean_grp needs group="),
    (lambda ci: ci.impute(method="i_mean_grp", group="gg"), KeyError,
     "[regind.key_error.composite] unknown group column 'gg'"),
    (lambda ci: ci.screen(unit_screen="byNaN"), ValueError,
     "[regind.invalid_input.screen] unknown unit_screen 'byNaN'"),
    (lambda ci: ci.screen(dat_thresh=1.2), ValueError, "[regind.invalid_input.screen] dat_thresh must be in [0, 1]"),
    (lambda ci: ci.screen(nonzero_thresh=-1), ValueError,
     "[regind.invalid_input.screen] nonzero_thresh must be in [0, 1]"),
    (lambda ci: ci.screen(force={"u9": True}), KeyError, "[regind.key_error.composite] unknown uCode 'u9'"),
    (lambda ci: ci.treat(winmax=-2), ValueError, "[regind.invalid_input.treat] winmax must be >= 0"),
    (lambda ci: ci.treat(winmax=2.5), ValueError, "[regind.invalid_input.treat] winmax must be a whole number"),
    (lambda ci: ci.treat(winmax=None, force_win=True), ValueError,
     "[regind.invalid_input.treat] force_win needs a finite winmax"),
    (lambda ci: ci.treat(skew_thresh=-1), ValueError, "[regind.invalid_input.treat] skew_thresh must be"),
    (lambda ci: ci.treat(kurt_thresh=float("nan")), ValueError,
     "[regind.invalid_input.treat] kurt_thresh must be a number"),
    (lambda ci: ci.treat(f2="log"), ValueError, "[regind.invalid_input.treat] unknown transformation 'log'"),
    (lambda ci: ci.treat(f2="boxcox", lambda_=float("inf")), ValueError,
     "[regind.invalid_input.treat] boxcox needs a finite lambda"),
    (lambda ci: ci.treat(individual={"zz": "none"}), KeyError, "[regind.key_error.composite] unknown iCode 'zz'"),
    (lambda ci: ci.treat(individual={"Index": "none"}), ValueError,
     "[regind.invalid_input.composite] 'Index' is an Aggregate"),
    (lambda ci: ci.treat(individual={"a": "skip"}), ValueError,
     "[regind.invalid_input.treat] a: an individual spec is 'none' or a dict"),
    (lambda ci: ci.treat(individual={"a": {"wimax": 3}}), ValueError,
     "[regind.invalid_input.treat] a: unknown setting(s) wimax"),
    (lambda ci: ci.treat(individual={"a": {"winmax": -3}}), ValueError,
     "[regind.invalid_input.treat] a: winmax must be >= 0"),
    (lambda ci: ci.normalise(method="minmax"), ValueError,
     "[regind.invalid_input.normaliser] unknown normaliser 'minmax'"),
    (lambda ci: ci.normalise(l_u=5), ValueError, "[regind.invalid_input.normalise] l_u must be a pair of numbers"),
    (lambda ci: ci.normalise(l_u=(0, float("inf"))), ValueError,
     "[regind.invalid_input.normalise] a: n_minmax needs a finite l_u"),
    (lambda ci: ci.normalise(method="n_zscore", m_sd=(0, 0)), ValueError,
     "[regind.invalid_input.normalise] a: n_zscore needs"),
    (lambda ci: ci.normalise(method="n_scaled", npara=(1, 1)), ValueError,
     "[regind.invalid_input.normalise] a: n_scaled needs"),
    (lambda ci: ci.normalise(method="n_rank", ties="dense"), ValueError,
     "[regind.invalid_input.ties] unknown ties method 'dense'"),
    (lambda ci: ci.normalise(method="n_dist2ref"), ValueError,
     "[regind.invalid_input.normalise] a: n_dist2ref needs the reference unit"),
    (lambda ci: ci.normalise(method="n_dist2ref", iref="u9"), KeyError,
     "[regind.key_error.composite] unknown uCode 'u9'"),
    (lambda ci: ci.normalise(method="n_dist2targ"), ValueError,
     "[regind.invalid_input.normalise] a: n_dist2targ needs a finite target"),
    (lambda ci: ci.normalise(method="n_goalposts"), ValueError,
     "[regind.invalid_input.normalise] a: n_goalposts needs"),
    (lambda ci: ci.normalise(method="n_goalposts", gposts=(5, 1)), ValueError,
     "[regind.invalid_input.normalise] a: n_goalposts needs"),
    (lambda ci: ci.normalise(method="n_goalposts", gposts=(1,)), ValueError,
     "[regind.invalid_input.normalise] gposts must be (lo, hi)"),
    (lambda ci: ci.normalise(individual={"zz": {}}), KeyError, "[regind.key_error.composite] unknown iCode 'zz'"),
    (lambda ci: ci.normalise(individual={"a": "n_rank"}), ValueError,
     "[regind.invalid_input.normalise] a: an individual spec is a dict"),
    (lambda ci: ci.normalise(individual={"a": {"methd": "n_rank"}}), ValueError,
     "[regind.invalid_input.normalise] a: unknown setting(s) methd"),
    (lambda ci: ci.aggregate(method="a_mean"), ValueError,
     "[regind.invalid_input.aggregate] unknown aggregation method 'a_mean'"),
    (lambda ci: ci.aggregate(method="a_genmean"), ValueError,
     "[regind.invalid_input.aggregate] a_genmean needs a finite, non-zero p"),
    (lambda ci: ci.aggregate(method="a_genmean", p=0), ValueError,
     "[regind.invalid_input.aggregate] a_genmean needs a finite, non-zero p"),
    (lambda ci: ci.aggregate(dat_thresh=2), ValueError,
     "[regind.invalid_input.aggregate] dat_thresh must be in [0, 1]"),
    (lambda ci: ci.aggregate(method=["a_amean"] * 3), ValueError,
     "[regind.invalid_input.aggregate] 3 aggregation specs"),
    (lambda ci: ci.aggregate(weights={"zz": 1}), KeyError, "[regind.key_error.composite] unknown iCode 'zz'"),
    (lambda ci: ci.aggregate(weights={"a": -1}), ValueError,
     "[regind.invalid_input.aggregate] the weight of 'a' must be"),
    (lambda ci: ci.normalise().aggregate(method="a_gmean"), ValueError,
     "[regind.invalid_input.aggregate] a_gmean needs values > 0: unit u1, 'a' = 0"),
    (lambda ci: ci.normalise().aggregate(method="a_hmean"), ValueError,
     "[regind.invalid_input.aggregate] a_hmean needs non-zero values"),
    (lambda ci: ci.normalise(method="n_zscore").aggregate(method="a_genmean", p=2), ValueError,
     "[regind.invalid_input.aggregate] a_genmean needs values >= 0"),
    (lambda ci: ci.normalise(l_u=(0, 1)).aggregate(method="a_genmean", p=-1), ValueError,
     "[regind.invalid_input.aggregate] a_genmean with p < 0 needs values > 0"),
    (lambda ci: ci.screen(force={"u1": False}).normalise(method="n_dist2ref", iref="u1"), ValueError,
     "[regind.invalid_input.normalise] a: the reference unit 'u1' is not in the data set"),
    (lambda ci: ci.data("Cooked"), ValueError, "[regind.invalid_input.stage] unknown data set 'Cooked'"),
    (lambda ci: ci.data("Treated"), ValueError,
     "[regind.invalid_input.stage] the Treated data set does not exist yet: call treat() first"),
    (lambda ci: ci.scores(), ValueError,
     "[regind.invalid_input.stage] the Aggregated data set does not exist yet: call aggregate() first"),
    (lambda ci: ci.ranks(), ValueError, "[regind.invalid_input.stage] the Aggregated data set does not exist yet"),
    (lambda ci: ci.treat_details(), ValueError, "[regind.invalid_input.stage] the Treated data set does not exist yet"),
    (lambda ci: ci.treated_points(), ValueError,
     "[regind.invalid_input.stage] the Treated data set does not exist yet"),
    (lambda ci: ci.screen_summary(), ValueError,
     "[regind.invalid_input.stage] the Screened data set does not exist yet"),
    (lambda ci: ci.stats("Normalised"), ValueError,
     "[regind.invalid_input.stage] the Normalised data set does not exist yet"),
    (lambda ci: ci.normalise().aggregate().group_ranks("gg"), KeyError,
     "[regind.key_error.composite] unknown group column 'gg'; closest: g"),
    (lambda ci: ci.has("raw"), ValueError, "[regind.invalid_input.stage] unknown data set 'raw'"),
]


@pytest.mark.parametrize("call, exc, message", STEP_ERRORS)
def test_step_errors_name_the_problem(call, exc, message):
    ci = CompositeIndex.from_coinr(*_small())
    with pytest.raises(exc, match=re.escape(message)):
        call(ci)


def test_errors_are_regind_exceptions():
    ci = CompositeIndex.from_coinr(*_small())
    with pytest.raises(regind.InvalidInput):
        ci.normalise(method="n_zscore", m_sd=(0, -1))
    with pytest.raises(regind.UnknownKey) as info:
        ci.aggregate(weights={"Indx": 2})
    assert info.value.key == "Indx"
    assert info.value.suggestions[0] == "Index"


def test_meta_columns_of_different_lengths_are_rejected():
    from regind import _core

    message = re.escape("[regind.invalid_input.framework] iMeta columns have different lengths")
    with pytest.raises(ValueError, match=message):
        _core.CompositeIndex.check_meta([1.0], ["a", "b"], ["", ""], ["", ""], [1.0, 1.0], [1.0, 1.0],
                                        ["Indicator", "Indicator"], ["", ""], [0.0, 0.0])
    with pytest.raises(ValueError, match=message):
        _core.CompositeIndex.check_meta([1.0], ["a"], ["", ""], [""], [1.0], [1.0], ["Indicator"], [""], [0.0])
