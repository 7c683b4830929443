# SPDX-License-Identifier: MIT
"""pandas and xarray: result objects convert with to_pandas(), a Dataset panel converts to an
xarray DataArray, and the functions that take series take pandas objects too. Expected values
come from pandas itself or from hand arithmetic written here."""
from __future__ import annotations

import math
import sys

import numpy as np
import pandas as pd
import pytest

import regind
from regind import growth as rg
from regind.composite import CompositeIndex
from regind.dataset import Panel
from regind.growth import Contributions, RestOfYear, YearToDate
from regind.projection import BatchProjection, Projection
from regind.targets import TargetReport
from regind.uncertainty import SensitivityResult, SobolResult, UncertaintyResult

RESULT_TYPES = [Panel, regind.Dataset, Projection, BatchProjection, TargetReport, UncertaintyResult, SobolResult,
                SensitivityResult, Contributions, YearToDate, RestOfYear, CompositeIndex]


@pytest.mark.parametrize("cls", RESULT_TYPES, ids=[c.__name__ for c in RESULT_TYPES])
def test_every_result_type_has_to_pandas(cls: type) -> None:
    assert callable(getattr(cls, "to_pandas", None)), f"{cls.__name__} has no to_pandas()"


# -- Dataset → xarray ---------------------------------------------------------------------------
def _small_dataset() -> regind.Dataset:
    ds = regind.Dataset()
    ds.add("湖州", "2016", "va_industry", "level", 828.3)
    ds.add("湖州", "2021", "va_industry", "level", 1245.6)
    ds.add("嘉兴", "2021", "va_industry", "level", 2594.5)
    ds.add("嘉兴", "2021", "va_industry", "growth_pct", 14.0)
    return ds


def test_to_xarray_is_the_panel_with_names() -> None:
    xr = pytest.importorskip("xarray", reason="xarray is not installed (pip install -r requirements-dev.txt)")
    da = _small_dataset().to_xarray("va_industry")
    assert isinstance(da, xr.DataArray)
    assert da.dims == ("region", "period")
    # Regions sorted by code: 嘉兴 330400, 湖州 330500; periods sorted: 2016, 2021.
    assert da.coords["region"].values.tolist() == [330400, 330500]
    assert da.coords["period"].values.tolist() == ["2016", "2021"]
    assert da.coords["region_zh"].values.tolist() == ["嘉兴市", "湖州市"]
    assert da.coords["region_en"].values.tolist() == ["Jiaxing", "Huzhou"]
    assert math.isnan(float(da.sel(region=330400, period="2016")))
    assert float(da.sel(region=330500, period="2016")) == 828.3
    assert float(da.sel(region=330400, period="2021")) == 2594.5
    assert da.attrs == {"indicator": "va_industry", "measure": "level", "unit": "亿元"}


def test_to_xarray_agrees_with_a_pandas_pivot_of_the_seed_facts() -> None:
    pytest.importorskip("xarray", reason="xarray is not installed (pip install -r requirements-dev.txt)")
    seed = regind.datasets.seed_facts()
    da = seed.to_xarray("va_industry", "growth_pct")
    facts = seed.to_pandas()
    rows = facts[(facts.indicator == "va_industry") & (facts.measure == "growth_pct") & (facts.comparator == "")]
    pivot = rows.pivot_table(index="region_code", columns="period", values="value", aggfunc="first")
    frame = da.to_pandas()
    assert len(pivot) >= 2  # Huzhou and Jiaxing publish this growth
    pd.testing.assert_frame_equal(frame.loc[pivot.index, pivot.columns], pivot, check_names=False,
                                  check_dtype=False, check_index_type=False)


def test_to_xarray_selects_a_measure_and_regions() -> None:
    pytest.importorskip("xarray", reason="xarray is not installed (pip install -r requirements-dev.txt)")
    da = _small_dataset().to_xarray("va_industry", measure="growth_pct", regions=["嘉兴"])
    assert da.shape == (1, 1) and float(da[0, 0]) == 14.0 and da.attrs["unit"] == "%"


def test_to_xarray_without_xarray_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "xarray", None)  # makes `import xarray` raise ImportError
    with pytest.raises(ImportError, match="pip install xarray"):
        _small_dataset().to_xarray("va_industry")


# -- projections ------------------------------------------------------------------------------
def test_project_takes_a_series_indexed_by_year() -> None:
    values = [100.0, 108.0, 117.0, 125.0, 136.0, 146.0]
    s = pd.Series(values, index=range(2016, 2022))
    from_series = regind.project(s, method="linear", horizon=2)
    from_lists = regind.project(values, list(range(2016, 2022)), method="linear", horizon=2)
    np.testing.assert_array_equal(from_series.mean, from_lists.mean)
    assert from_series.periods.tolist() == [2022.0, 2023.0]


def test_batch_projection_to_pandas_is_long_with_labels() -> None:
    frame = pd.DataFrame([[100.0, 121.0], [50.0, 40.5]], index=["湖州", "嘉兴"], columns=[2019, 2021])
    b = regind.project_batch(frame, method="cagr", horizon=2)
    out = b.to_pandas()
    assert out.index.names == ["series", "step"]
    assert out.index.tolist() == [("湖州", 1), ("湖州", 2), ("嘉兴", 1), ("嘉兴", 2)]
    # CAGR over 2 years: 100 → 121 is 10 % a year, 50 → 40.5 is −10 %.
    assert out["mean"].tolist() == pytest.approx([133.1, 146.41, 36.45, 32.805], rel=1e-12)
    assert out["period"].tolist() == [2022.0, 2023.0, 2022.0, 2023.0]
    assert set(out["status"]) == {"ok"} and set(out["method"]) == {"cagr"}
    # Each row equals project() of that series.
    single = regind.project(frame.loc["嘉兴"], method="cagr", horizon=2).to_pandas()
    np.testing.assert_array_equal(out.loc["嘉兴", "mean"].to_numpy(), single["mean"].to_numpy())


def test_batch_projection_of_an_array_numbers_its_rows() -> None:
    out = regind.project_batch(np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]]), method="linear").to_pandas()
    assert out.index.tolist() == [(0, 1), (1, 1)]
    assert out["mean"].tolist() == pytest.approx([4.0, 0.0])


# -- growth arithmetic --------------------------------------------------------------------------
def test_growth_functions_take_series() -> None:
    now = pd.Series([110.0, 90.0, 50.0], index=["a", "b", "c"])
    before = pd.Series([100.0, 100.0, 0.0], index=["a", "b", "c"])
    got = rg.growth(now, before)
    assert np.asarray(got)[:2].tolist() == pytest.approx((now / before - 1).to_numpy()[:2])
    assert math.isnan(np.asarray(got)[2])  # base 0: undefined, NaN


def test_contributions_to_pandas() -> None:
    # REFERENCE-METHODS §A6: total 4888 → 6341, part 2556 → 3433 (the other part 2332 → 2908).
    c = rg.contributions([3433.0, 2908.0], [2556.0, 2332.0])
    frame = c.to_pandas(parts=["industry", "other"])
    assert frame.index.name == "part" and frame.index.tolist() == ["industry", "other"]
    assert frame.loc["industry", "pull"] == pytest.approx((3433 - 2556) / 4888)
    assert frame.loc["industry", "contribution"] == pytest.approx((3433 - 2556) / (6341 - 4888))
    assert frame["contribution"].sum() == pytest.approx(1.0)
    many = rg.contributions([[3433.0, 2908.0], [2.0, 2.0]], [[2556.0, 2332.0], [1.0, 1.0]]).to_pandas()
    assert many.index.names == ["total", "part"] and len(many) == 4
    assert many.loc[(1, 0), "pull"] == pytest.approx(0.5)
    with pytest.raises(regind.InvalidInput, match="3 labels for 2 parts"):
        c.to_pandas(parts=["a", "b", "c"])


def test_year_to_date_to_pandas() -> None:
    # 1–2月 cumulative 100 (+10 %), 1–3月 150 (+20 %): March alone is 50 on a base of
    # 150/1.2 − 100/1.1 = 34.0909…
    ytd = rg.ytd_to_monthly([100.0, 150.0], [0.10, 0.20])
    frame = ytd.to_pandas()
    assert frame.index.name == "month" and frame.index.tolist() == [2, 3]
    assert frame.loc[3, "monthly"] == pytest.approx(50.0)
    assert frame.loc[3, "monthly_base"] == pytest.approx(150 / 1.2 - 100 / 1.1)
    assert frame.loc[3, "monthly_growth"] == pytest.approx(50 / (150 / 1.2 - 100 / 1.1) - 1)


def test_rest_of_year_to_pandas() -> None:
    # REFERENCE-METHODS §A5: B = 1000, P_6 = 480, C_6 = 511.2, G* = 8 % → 568.8 needed on 520.
    one = rg.rest_of_year_growth(0.08, 1000.0, 511.2, 480.0, month=6).to_pandas()
    assert one.columns.tolist() == ["value", "needed", "remaining_base", "status"]
    assert one.loc[0, "value"] == pytest.approx(568.8 / 520 - 1)
    assert one.loc[0, "needed"] == pytest.approx(568.8)
    assert one.loc[0, "status"] == "ok"
    two = rg.rest_of_year_growth([0.08, 0.0], 1000.0, 511.2, 480.0, month=6).to_pandas()
    assert len(two) == 2 and two.loc[1, "value"] == pytest.approx((1000 - 511.2) / 520 - 1)


# -- rankings -----------------------------------------------------------------------------------
def test_rank_keeps_the_series_index_and_matches_pandas() -> None:
    s = pd.Series([10, 20, 20, np.nan, 30, 20], index=list("abcdef"), dtype=float)
    got = regind.rank(s, method="min", ascending=False)
    pd.testing.assert_series_equal(got, s.rank(method="min", ascending=False), check_names=False)


def test_rank_panel_of_a_dataframe_matches_pandas() -> None:
    frame = pd.DataFrame({"2020": [3.0, 1.0, 2.0], "2021": [1.0, np.nan, 1.0]}, index=["x", "y", "z"])
    got = regind.rank_panel(frame, method="min")
    pd.testing.assert_frame_equal(got, frame.rank(method="min"))


def test_composite_index_to_pandas_is_its_results() -> None:
    meta = pd.DataFrame({"Level": [1, 1, 2], "iCode": ["a", "b", "Index"], "Parent": ["Index", "Index", None],
                         "Direction": [1, 1, 1], "Weight": [1.0, 1.0, 1.0],
                         "Type": ["Indicator", "Indicator", "Aggregate"]})
    data = pd.DataFrame({"uCode": ["u1", "u2", "u3"], "uName": ["One", "Two", "Three"],
                         "a": [0.0, 5.0, 10.0], "b": [10.0, 0.0, 5.0]})
    ci = CompositeIndex.from_coinr(data, meta).normalise(method="n_minmax", l_u=(0, 100)).aggregate()
    frame = ci.to_pandas()
    # a → 0, 50, 100; b → 100, 0, 50; Index = mean: 50, 25, 75.
    assert frame.set_index("uCode")["Index"].to_dict() == pytest.approx({"u1": 50.0, "u2": 25.0, "u3": 75.0})
    assert frame.set_index("uCode")["Rank"].to_dict() == {"u3": 1, "u1": 2, "u2": 3}
