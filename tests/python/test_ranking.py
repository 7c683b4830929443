# SPDX-License-Identifier: MIT
"""Rankings (REFERENCE-METHODS.md §D). Expected values come from the pandas/scipy oracle in
../shared/oracles/rank_cases.json, from pandas and scipy called here on the same input, or from
the §D1–D2 tables; never from the code under test."""
from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import regind
from regind.ranking import (
    league_table,
    rank,
    rank_change,
    rank_panel,
    ranked_set_changed,
)

ROOT = Path(__file__).resolve().parents[2]
ORACLE = Path(os.environ.get("REGIND_SHARED_DIR", ROOT.parent / "shared")) / "oracles" / "rank_cases.json"

METHODS = ("average", "min", "max", "first", "dense")
PANDAS_NA = ("keep", "top", "bottom")
NaN = math.nan
D1 = [10, 20, 20, NaN, 30, 20]

PROPERTY = settings(max_examples=150, deadline=None, database=None)


def same(actual: Any, expected: Any) -> None:
    """Exact equality, NaN equal to NaN."""
    np.testing.assert_array_equal(np.asarray(actual, dtype=float), np.asarray(expected, dtype=float))


# -- the oracle: pandas 1.5.3 and scipy 1.10.1 -------------------------------------------------

def _decode(v: Any) -> float:
    return {None: NaN, "Infinity": math.inf, "-Infinity": -math.inf}.get(v, v) if not isinstance(v, float) else v


def _oracle_cases() -> list[Any]:
    if not ORACLE.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"the rank oracle is not at {ORACLE} "
                                                                  "(../shared is absent)"))]
    data = json.loads(ORACLE.read_text(encoding="utf-8"))
    return [pytest.param(c, id=c["name"]) for c in data["cases"]]


@pytest.mark.parametrize("case", _oracle_cases())
def test_oracle_pandas(case):
    x = np.array([_decode(v) for v in case["input"]], dtype=np.float64)
    assert len(case["pandas_rank"]) == 60  # 5 methods × 2 orders × 3 NaN options × pct
    for r in case["pandas_rank"]:
        got = rank(x, method=r["method"], ascending=r["ascending"], na_option=r["na_option"], pct=r["pct"])
        expected = [_decode(v) for v in r["result"]]
        np.testing.assert_array_equal(got, np.array(expected, dtype=float), err_msg=str(r))
        # A Series keeps its index; a list gives the same numbers.
        s = pd.Series(x, index=[f"r{i}" for i in range(len(x))], name="v")
        got_s = rank(s, method=r["method"], ascending=r["ascending"], na_option=r["na_option"], pct=r["pct"])
        assert list(got_s.index) == list(s.index) and got_s.name == "v"
        np.testing.assert_array_equal(got_s.to_numpy(), np.array(expected, dtype=float))


@pytest.mark.parametrize("case", _oracle_cases())
def test_oracle_scipy(case):
    x = np.array([_decode(v) for v in case["input"]], dtype=np.float64)
    for r in case["scipy_rankdata"]:
        assert r["error"] is None
        na = {"omit": "keep", "propagate": "propagate"}[r["nan_policy"]]
        # scipy ranks -x for a descending order; regind ranks x with ascending=False.
        got = rank(x, method=r["method"], ascending=not r["input_negated_for_descending"], na_option=na)
        expected = np.array([_decode(v) for v in r["result"]], dtype=float)
        if na == "propagate" and not np.isnan(x).any() and np.isposinf(x).any() and np.isneginf(x).any():
            # scipy 1.10 looked for NaN in sum(x), and inf + -inf is NaN: it returned all-NaN for
            # input without NaN. Later scipy (and the oracle's own stated semantics) rank it.
            assert np.isnan(expected).all()
            expected = scipy.stats.rankdata(-x if r["input_negated_for_descending"] else x, method=r["method"])
        np.testing.assert_array_equal(got, expected, err_msg=str(r))


# -- §D1–D2 by hand ------------------------------------------------------------------------------

def test_d1_table():
    same(rank(D1), [1, 3, 3, NaN, 5, 3])
    same(rank(D1, method="min", ascending=False), [5, 2, 2, NaN, 1, 2])
    same(rank(D1, method="first", ascending=False), [5, 2, 3, NaN, 1, 4])
    same(rank(D1, method="dense"), [1, 2, 2, NaN, 3, 2])
    same(rank(D1, method="min", na_option="top", ascending=False), [6, 3, 3, 1, 2, 3])
    same(rank(D1, method="min", na_option="bottom"), [1, 2, 2, 6, 5, 2])
    same(rank(D1, pct=True), [0.2, 0.6, 0.6, NaN, 1.0, 0.6])
    same(rank(D1, method="dense", pct=True), [1 / 3, 2 / 3, 2 / 3, NaN, 1.0, 2 / 3])
    same(rank(D1, method="ordinal"), [1, 2, 3, NaN, 5, 4])  # scipy's name for first
    same(rank(D1, na_option="propagate"), [NaN] * 6)


def test_input_forms():
    expected = [1, 2, 2, 4]
    same(rank([1, 5, 5, 9], method="min"), expected)
    same(rank((1, 5, 5, 9), method="min"), expected)
    same(rank(np.array([1, 5, 5, 9], dtype=np.int32), method="min"), expected)
    same(rank([1, None, 5], method="min"), [1, NaN, 2])
    same(rank([True, False]), [2, 1])
    nullable = pd.Series([3, pd.NA, 1], dtype="Int64", index=["a", "b", "c"])
    got = rank(nullable)
    assert isinstance(got, pd.Series) and list(got.index) == ["a", "b", "c"] and got.dtype == np.float64
    same(got, [2, NaN, 1])
    assert isinstance(rank([1.0, 2.0]), np.ndarray)
    assert rank([]).shape == (0,)
    x = np.array(D1, dtype=float)
    before = x.copy()
    rank(x, method="dense", ascending=False)
    same(x, before)  # the input is read, not changed


# -- property tests against pandas and scipy -----------------------------------------------------

# A small pool makes ties likely; any float (NaN, ±inf, -0.0, subnormals) can appear too.
POOL = [0.0, -0.0, 1.0, 2.5, -3.0, 1e300, NaN, math.inf, -math.inf]
values_st = st.lists(st.one_of(st.sampled_from(POOL), st.floats(allow_nan=True, allow_infinity=True)), max_size=25)


@PROPERTY
@given(values_st)
def test_property_matches_pandas(values):
    x = np.array(values, dtype=np.float64)
    s = pd.Series(x)
    for method in METHODS:
        for ascending in (True, False):
            for na in PANDAS_NA:
                for pct in (False, True):
                    expected = s.rank(method=method, ascending=ascending, na_option=na, pct=pct).to_numpy()
                    got = rank(x, method=method, ascending=ascending, na_option=na, pct=pct)
                    np.testing.assert_array_equal(got, expected, err_msg=f"{method} {ascending} {na} {pct}")


@PROPERTY
@given(values_st)
def test_property_matches_scipy(values):
    x = np.array(values, dtype=np.float64)
    for method, scipy_method in zip(METHODS, ("average", "min", "max", "ordinal", "dense")):
        for policy, na in (("omit", "keep"), ("propagate", "propagate")):
            expected = scipy.stats.rankdata(x, method=scipy_method, nan_policy=policy) if len(x) else np.empty(0)
            same(rank(x, method=method, na_option=na), expected)
            expected = scipy.stats.rankdata(-x, method=scipy_method, nan_policy=policy) if len(x) else np.empty(0)
            same(rank(x, method=method, na_option=na, ascending=False), expected)


labels_st = st.sampled_from(["湖州", "嘉兴", ("a", 1), 330500, None, NaN])


@PROPERTY
@given(st.lists(st.tuples(st.sampled_from(POOL + [4.0, 5.0]), labels_st), max_size=25))
def test_property_groups_match_pandas_groupby(rows):
    x = np.array([v for v, _ in rows], dtype=np.float64)
    labels = [g for _, g in rows]
    # pandas needs one label type to sort groups; its group order does not change the ranks.
    keys = pd.Series([None if g is None or (isinstance(g, float) and math.isnan(g)) else repr(g) for g in labels],
                     dtype=object)
    s = pd.Series(x)
    for method in METHODS:
        for ascending in (True, False):
            for na in PANDAS_NA:
                for pct in (False, True):
                    expected = s.groupby(keys, dropna=True).rank(method=method, ascending=ascending, na_option=na,
                                                                pct=pct).to_numpy(dtype=float)
                    got = rank(x, method=method, ascending=ascending, na_option=na, pct=pct, groups=labels)
                    np.testing.assert_array_equal(got, expected, err_msg=f"{method} {ascending} {na} {pct}")


@PROPERTY
@given(st.lists(st.tuples(st.sampled_from(POOL), st.sampled_from([1.0, 2.0, -0.5, NaN])), max_size=25))
def test_property_numeric_groups(rows):
    # Numeric labels take a vectorised path; NaN labels give NaN ranks.
    x = np.array([v for v, _ in rows], dtype=np.float64)
    g = np.array([k for _, k in rows], dtype=np.float64)
    expected = pd.Series(x).groupby(g, dropna=True).rank(method="min", ascending=False).to_numpy(dtype=float)
    same(rank(x, method="min", ascending=False, groups=g), expected)
    same(rank(x, method="min", ascending=False, groups=pd.Series(g)), expected)
    same(rank(x, method="min", ascending=False, groups=g.astype(object).tolist()), expected)


@PROPERTY
@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=0, max_side=7),
                  elements=st.sampled_from(POOL)))
def test_property_panel_matches_dataframe(a):
    frame = pd.DataFrame(a)
    for axis in (0, 1):
        for method in METHODS:
            for na in PANDAS_NA:
                expected = frame.rank(axis=axis, method=method, ascending=False, na_option=na, pct=True).to_numpy()
                got = rank_panel(a, axis=axis, method=method, ascending=False, na_option=na, pct=True)
                np.testing.assert_array_equal(got, expected, err_msg=f"{axis} {method} {na}")
    # A Fortran-ordered or strided array is ranked the same.
    same(rank_panel(np.asfortranarray(a), method="min"), frame.rank(method="min").to_numpy())
    same(rank_panel(a[::2], method="min"), frame.iloc[::2].rank(method="min").to_numpy())


# -- out=, no copies -----------------------------------------------------------------------------

def test_out_writes_in_place():
    x = np.array(D1, dtype=np.float64)
    out = np.empty(6)
    got = rank(x, method="min", ascending=False, out=out)
    assert got is out and np.shares_memory(got, out)
    same(out, [5, 2, 2, NaN, 1, 2])
    # out may be the input itself.
    y = np.array(D1, dtype=np.float64)
    assert rank(y, method="dense", out=y) is y
    same(y, [1, 2, 2, NaN, 3, 2])
    # With groups, and with a Series (whose values are out).
    out = np.empty(4)
    got = rank(pd.Series([5.0, 7.0, 6.0, 9.0]), groups=["a", "a", "b", "b"], out=out)
    assert isinstance(got, pd.Series) and np.shares_memory(got.to_numpy(), out)
    same(out, [1, 2, 1, 2])


def test_out_errors():
    x = np.array(D1)
    for bad, what in [(np.empty(5), "length 6"), (np.empty(6, dtype=np.float32), "float32"),
                      (np.empty(12)[::2], "C-contiguous"), ([0.0] * 6, "got list"), (np.empty((6, 1)), "shape")]:
        with pytest.raises(ValueError, match=r"\[regind.invalid_input.out\].*" + what):
            rank(x, out=bad)
    ro = np.empty(6)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="writeable"):
        rank(x, out=ro)


def test_results_are_new_arrays():
    # A float64 contiguous input is read in place; the result is a new array moved from C++.
    x = np.array([3.0, 1.0, 2.0])
    got = rank(x)
    assert not np.shares_memory(got, x) and got.flags.writeable and got.dtype == np.float64
    got[0] = 99.0
    same(x, [3, 1, 2])
    # Strided and non-float64 input are converted first, with the same result.
    same(rank(np.array([3.0, 0.0, 1.0, 0.0, 2.0])[::2]), [3, 1, 2])
    same(rank(np.array([3, 1, 2], dtype=np.float32)), [3, 1, 2])


# -- errors --------------------------------------------------------------------------------------

def test_option_errors():
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.rank_method\] unknown rank method 'competition'; "
                                         r"expected average, min, max, first \(or ordinal\) or dense"):
        rank(D1, method="competition")
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.na_option\] unknown na_option 'last'; expected "
                                         r"keep, top, bottom, propagate or raise"):
        rank(D1, na_option="last")
    with pytest.raises(regind.InvalidInput):
        rank(D1, method="avg")
    with pytest.raises(TypeError, match="method must be a str"):
        rank(D1, method=None)
    with pytest.raises(TypeError, match="na_option must be a str"):
        rank(D1, na_option=1)
    with pytest.raises(TypeError, match="ascending must be True or False"):
        rank(D1, ascending="no")
    with pytest.raises(TypeError, match="pct must be True or False"):
        rank(D1, pct=1)
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.nan\] value 3 of 6 is NaN"):
        rank(D1, na_option="raise")
    same(rank([2.0, 1.0], na_option="raise"), [2, 1])
    with pytest.raises(TypeError):
        rank(D1, "min")  # options are keyword-only


def test_value_errors():
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.shape\] values must be 1-D, got shape \(2, 2\)"):
        rank([[1, 2], [3, 4]])
    with pytest.raises(ValueError, match="must be 1-D"):
        rank(pd.DataFrame({"a": [1.0, 2.0]}))
    with pytest.raises(ValueError, match="must be 1-D"):
        rank(3.0)
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.values\] values must be numbers"):
        rank(["a", "b"])


def test_group_errors():
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.shape\] groups has 2 labels for 6 values"):
        rank(D1, groups=["a", "b"])
    with pytest.raises(ValueError, match=r"groups has 2 labels for 6 values"):
        rank(D1, groups=np.array([1, 2]))
    with pytest.raises(ValueError, match="not a single string"):
        rank(D1, groups="abcdef")
    with pytest.raises(TypeError, match="hashable"):
        rank([1.0, 2.0], groups=[[1], [2]])
    with pytest.raises(TypeError, match="sequence of labels"):
        rank([1.0, 2.0], groups=5)
    with pytest.raises(ValueError, match="index of groups differs"):
        rank(pd.Series([1.0, 2.0], index=["a", "b"]), groups=pd.Series(["x", "y"], index=["b", "c"]))
    # Same index: fine.
    same(rank(pd.Series([1.0, 2.0], index=["a", "b"]), groups=pd.Series(["x", "x"], index=["a", "b"])), [1, 2])


def test_groups_missing_labels():
    same(rank([1.0, 2.0, 3.0, 4.0], groups=["a", None, "a", pd.NA], ascending=False), [2, NaN, 1, NaN])
    same(rank([1.0, 2.0, 3.0], groups=[np.datetime64("NaT"), np.datetime64("2021-01-01"), NaN]), [NaN, 1, NaN])
    same(rank([1.0, 2.0], groups=np.array([-1, -1])), [1, 2])  # a user's -1 is a label like any other


# -- panels, rank change -------------------------------------------------------------------------

def test_rank_panel_forms_and_errors():
    a = np.array([[10.0, 1.0], [20.0, NaN], [20.0, 3.0]])
    frame = pd.DataFrame(a, index=[330400, 330500, 330600], columns=["2020", "2021"])
    got = rank_panel(frame, method="min", ascending=False)
    assert isinstance(got, pd.DataFrame) and list(got.index) == [330400, 330500, 330600]
    assert list(got.columns) == ["2020", "2021"]
    same(got, [[3, 2], [1, NaN], [1, 1]])
    same(rank_panel(a, axis="columns"), [[2, 1], [1, NaN], [2, 1]])
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.axis\]"):
        rank_panel(a, axis=2)
    with pytest.raises(ValueError, match=r"data must be 2-D, got shape \(3,\)"):
        rank_panel([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="unknown rank method"):
        rank_panel(a, method="top")


def test_rank_change():
    same(rank_change([5, 3, NaN, 1], [3, 3, 2, NaN]), [2, 0, NaN, NaN])  # 5th → 3rd is +2
    assert ranked_set_changed([5, 3, NaN, 1], [3, 3, 2, NaN])
    assert not ranked_set_changed([1, NaN], [2, NaN])
    before = pd.Series([1.0, 2.0, 3.0], index=["a", "b", "c"])
    after = pd.Series([2.0, 1.0, 3.0], index=["b", "a", "d"])
    got = rank_change(before, after)
    assert got.name == "rank_change"
    assert got.to_dict() == pytest.approx({"a": 0.0, "b": 0.0, "c": NaN, "d": NaN}, nan_ok=True)
    assert ranked_set_changed(before, after)
    got = rank_change([4.0, 2.0], pd.Series([3.0, 2.0], index=["x", "y"]))
    assert list(got.index) == ["x", "y"]
    same(got, [1, 0])
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.shape\] rank_change: before has 3 values and "
                                         r"after has 2"):
        rank_change([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="ranked_set_changed"):
        ranked_set_changed([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="before must be 1-D"):
        rank_change([[1]], [[1]])


# -- league tables of a Dataset ------------------------------------------------------------------

CITY_VALUES = {330100: 4500.0, 330200: 5200.0, 330300: 2600.0, 330400: 2594.5, 330500: 1245.6,
               330600: 2594.5, 330700: 1500.0, 331000: 2000.0}  # 舟山, 衢州, 丽水 have no value
COUNTY_VALUES = {330502: 300.0, 330503: 250.0, 330521: 280.0, 330522: 320.0, 330523: 250.0,
                 330402: 400.0, 330411: 380.0, 330421: 420.0, 330481: 500.0, 330482: 380.0}  # 海盐, 桐乡 none


@pytest.fixture(scope="module")
def ds() -> regind.Dataset:
    d = regind.Dataset()
    for code, v in CITY_VALUES.items():
        d.add(code, "2021", "va_industry", "level", v)
        d.add(code, "2020", "va_industry", "level", 10000.0 - v)  # another period, reversed order
    for code, v in COUNTY_VALUES.items():
        d.add(code, "2021", "va_industry", "level", v)
    d.add(330400, "2021", "energy_per_va_industry", "level", 0.52)
    d.add(330500, "2021", "energy_per_va_industry", "level", 0.41)
    d.add(330600, "2021", "energy_per_va_industry", "level", 0.60)
    d.add(330400, "2021", "va_industry", "rank", 4, comparator="zhejiang_cities")
    d.add(330500, "2021", "va_industry", "rank", 7, comparator="zhejiang_cities")
    d.add(330400, "2021", "electricity_industry", "level", 300.0)
    return d


def _expected_frame(values: dict[int, float], registry: Any, level: str) -> pd.DataFrame:
    codes = [r.code for r in registry.at_level(level)]
    frame = pd.DataFrame({"value": [values.get(c, NaN) for c in codes],
                          "parent": [registry[c].parent for c in codes]}, index=codes)
    frame["rank"] = frame["value"].rank(method="min", ascending=False)
    frame["rank_within"] = frame.groupby("parent")["value"].rank(method="min", ascending=False)
    frame["n_within"] = frame.groupby("parent")["value"].transform("count")
    return frame


def test_league_table_cities(ds):
    table = league_table(ds, "va_industry", "2021")
    exp = _expected_frame(CITY_VALUES, ds.regions, "city")
    assert table.index.name == "region_code" and len(table) == 11
    same(table["rank"], exp.loc[table.index, "rank"])
    same(table["value"], exp.loc[table.index, "value"])
    assert (table["n_ranked"] == 8).all()
    # Sorted by rank, ties in registry order, regions without a value last.
    assert list(table.index[:6]) == [330200, 330100, 330300, 330400, 330600, 331000]
    assert list(table.index[-3:]) == [330800, 330900, 331100]
    assert table.loc[330400, "region_zh"] == "嘉兴市" and table.loc[330400, "region_en"] == "Jiaxing"
    assert table.loc[330400, "n_tied"] == 2 and table.loc[330200, "n_tied"] == 1
    assert table.loc[330900, "n_tied"] is pd.NA
    assert table.attrs["direction"] == "higher" and table.attrs["ascending"] is False
    assert table.attrs["method"] == "min" and table.attrs["period"] == "2021" and table.attrs["unit"] == "亿元"
    # A Period object works as well as its text.
    same(league_table(ds, "va_industry", regind.Period("2021年"))["rank"], table["rank"])


def test_league_table_counties_within_parent(ds):
    table = league_table(ds, "规模以上工业增加值", "2021", level="county", within="parent")
    exp = _expected_frame(COUNTY_VALUES, ds.regions, "county")
    idx = table.index
    same(table["rank"], exp.loc[idx, "rank"])
    same(table["rank_within"], exp.loc[idx, "rank_within"])
    same(table["n_within"].to_numpy(dtype=float), exp.loc[idx, "n_within"])
    assert (table["n_ranked"] == 10).all()
    # 长兴 is 1st among Huzhou's 5 counties; 南浔 and 安吉 share 4th.
    assert table.loc[330522, ["rank_within", "n_within", "parent_code", "parent_zh"]].tolist() == [1.0, 5, 330500,
                                                                                                  "湖州市"]
    assert table.loc[330503, "rank_within"] == table.loc[330523, "rank_within"] == 4.0
    assert math.isnan(table.loc[330424, "rank_within"]) and table.loc[330424, "n_within"] == 5


def test_league_table_direction_and_measures(ds):
    lower = league_table(ds, "energy_per_va_industry", "2021")
    assert lower.attrs["ascending"] is True
    assert lower.loc[[330500, 330400, 330600], "rank"].tolist() == [1.0, 2.0, 3.0]
    ranks = league_table(ds, "va_industry", "2021", measure="rank")
    assert ranks.loc[[330400, 330500], "rank"].tolist() == [1.0, 2.0]  # published rank 4 beats rank 7
    reverse = league_table(ds, "va_industry", "2021", ascending=True, method="dense")
    assert reverse.loc[[330500, 330700], "rank"].tolist() == [1.0, 2.0]
    older = league_table(ds, "va_industry", "2020")
    assert older.loc[330500, "rank"] == 1.0  # 10000 − 1245.6 is the largest in 2020
    neutral = league_table(ds, "electricity_industry", "2021", ascending=False)
    assert neutral.loc[330400, "rank"] == 1.0 and neutral.attrs["direction"] == "neutral"
    province = league_table(ds, "va_industry", "2021", level="province", within="parent")
    assert len(province) == 1 and math.isnan(province["rank"].iloc[0])
    assert province["parent_code"].iloc[0] is pd.NA


def test_league_table_errors(ds):
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.direction\] indicator 'electricity_industry' has "
                                         r"direction neutral"):
        league_table(ds, "electricity_industry", "2021")
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.within\]"):
        league_table(ds, "va_industry", "2021", within="province")
    with pytest.raises(KeyError, match="va_industry"):
        league_table(ds, "va_industri", "2021")
    with pytest.raises(ValueError, match="region level"):
        league_table(ds, "va_industry", "2021", level="town")
    with pytest.raises(ValueError, match="unknown rank method"):
        league_table(ds, "va_industry", "2021", method="competition")
    with pytest.raises(ValueError, match="measure"):
        league_table(ds, "va_industry", "2021", measure="levels")
    with pytest.raises(ValueError):
        league_table(ds, "va_industry", "2021年13月")


def test_league_table_empty_level():
    registry = regind.RegionRegistry()
    registry.add(regind.Region(330000, "浙江省", level="province"))
    d = regind.Dataset(registry)
    table = league_table(d, "va_industry", "2021", level="county", within="parent")
    assert len(table) == 0 and "rank_within" in table.columns


def test_rank_panel_of_a_dataset(ds):
    panel = ds.panel("va_industry", "level", periods=["2020", "2021"])
    ranked = rank_panel(panel, method="min", ascending=False)
    assert isinstance(ranked, type(panel)) and ranked.regions == panel.regions and ranked.unit == "位"
    expected = panel.to_pandas().rank(method="min", ascending=False)
    same(ranked.values, expected.to_numpy())
    assert rank_panel(panel, pct=True).unit == "1"
