# SPDX-License-Identifier: MIT
from __future__ import annotations

import math
import copy
import pickle

import numpy as np
import pandas as pd
import pytest

import regind
from regind import Dataset

HEADER = ("region_code,period,indicator,measure,value,unit,qualifier,comparator,base_period,doc,"
          "span_start,span_end,note\n")
GOOD = "330400,2021,va_industry,level,2594.5,亿元,,,,,,,\n"


@pytest.fixture()
def small() -> Dataset:
    ds = Dataset()
    ds.add("嘉兴", "2021", "va_industry", "level", 2594.5)
    ds.add(330500, "2021", "va_industry", "level", 1245.6, unit="亿元")
    ds.add("Huzhou", "2016", "va_industry", "level", 8283000, unit="万元")
    ds.add("嘉兴", "2021", "va_industry", "growth_pct", 14.0, comparator="")
    ds.add("嘉兴", "2021", "va_industry", "growth_diff_pp", 1.1, comparator="zhejiang")
    ds.add("湖州", "2021", "land_inefficient_revitalised", "level", 1.4, unit="万亩")
    return ds


def test_add_defaults_and_checks(small):
    assert len(small) == 6
    f = small.query(region="嘉兴", measure="growth_diff_pp").facts()[0]
    assert (f.value, str(f.unit), f.comparator) == (1.1, "pp", "zhejiang")
    with pytest.raises(KeyError, match="unknown region"):
        small.add("嘉兴县", "2021", "va_industry", "level", 1.0)
    with pytest.raises(KeyError, match="did you mean 'va_industry'"):
        small.add("嘉兴", "2021", "va_industri", "level", 1.0)
    with pytest.raises(ValueError, match="unknown measure 'levels'"):
        small.add("嘉兴", "2021", "va_industry", "levels", 1.0)
    with pytest.raises(regind.UnitError, match="does not fit"):
        small.add("嘉兴", "2021", "va_industry", "level", 1.0, unit="亩")
    with pytest.raises(ValueError, match="duplicate"):
        small.add("嘉兴", "2021", "va_industry", "level", 2600.0)
    with pytest.raises(ValueError, match="finite"):
        small.add("嘉兴", "2020", "va_industry", "level", math.nan)
    with pytest.raises(ValueError, match="qualifier"):
        small.add("嘉兴", "2020", "va_industry", "level", 1.0, qualifier="maybe")
    assert len(small) == 6  # nothing was added by the failed calls


def test_query_forms(small):
    assert len(small.query(region="湖州")) == 3
    assert len(small.query(region=["嘉兴", 330500])) == 6
    assert len(small.query(indicator="va_industry", measure="level")) == 3
    assert len(small.query(period=regind.Period("2016"))) == 1
    assert len(small.query(period=["2016", "2021"], region="湖州", measure="level")) == 3
    assert len(small.query(comparator="zhejiang")) == 1
    assert len(small.query(region="嘉兴", period="2030")) == 0


def test_panel_converts_units_and_marks_missing(small):
    values, regions, periods = small.panel("va_industry", "level")
    assert regions == [330400, 330500]
    assert periods == ["2016", "2021"]
    assert np.isnan(values[0, 0])
    assert values[0, 1] == 2594.5 and values[1, 0] == 828.3 and values[1, 1] == 1245.6
    assert values.dtype == np.float64 and values.flags.c_contiguous
    p = small.panel("land_inefficient_revitalised")
    assert p.unit == "亩" and p.values[0, 0] == 14000.0
    sel = small.panel("va_industry", "level", regions=["湖州"], periods=["2021", "2016", "2030"])
    assert sel.periods == ["2021", "2016", "2030"]
    assert sel.values.tolist()[0][:2] == [1245.6, 828.3] and math.isnan(sel.values[0, 2])
    frame = small.panel("va_industry").to_pandas()
    assert frame.loc[330500, "2016"] == 828.3
    values, periods = small.series("湖州", "va_industry")
    assert values.tolist() == [828.3, 1245.6] and periods == ["2016", "2021"]


def test_pandas_and_csv_round_trips_are_exact(tmp_path):
    ds = Dataset()
    ds.add("嘉兴", "2022-01..06", "va_industry", "growth_pct", 0.1 + 0.2, qualifier="at_least",
           comparator="zhejiang", base_period="2019", doc="d,1", span_start=3, span_end=7,
           note=' a "quoted", note\nwith newline ')
    ds.add("湖州", "2016..2020", "va_industry", "level", 1 / 3)
    ds.add("湖州", "2019", "va_industry", "level", 5e-324)
    ds.add("湖州", "2018", "va_industry", "level", -0.0)
    frame = ds.to_pandas()
    assert list(frame.columns) == list(regind.dataset.PANDAS_COLUMNS)
    assert frame.loc[0, "region_zh"] == "嘉兴市" and frame.loc[0, "indicator_zh"] == "规模以上工业增加值"
    assert frame["span_start"].dtype == "Int64" and pd.isna(frame.loc[1, "span_start"])
    back = Dataset.from_pandas(frame)
    assert back == ds
    assert back.to_pandas()["value"].to_numpy().tobytes() == frame["value"].to_numpy().tobytes()
    path = tmp_path / "facts.csv"
    ds.to_csv(path)
    again = Dataset.read_csv(path)
    assert again == ds
    assert math.copysign(1.0, again.facts()[3].value) == -1.0
    assert again.to_pandas()["value"].to_numpy().tobytes() == frame["value"].to_numpy().tobytes()
    # Through pandas' own CSV writer and reader as well.
    frame.to_csv(tmp_path / "pandas.csv", index=False)
    via_pandas = pd.read_csv(tmp_path / "pandas.csv", keep_default_na=False, dtype=str)
    assert Dataset.from_pandas(via_pandas) == ds


def _csv_error(tmp_path, body: str) -> regind.ParseError:
    path = tmp_path / "facts.csv"
    path.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    with pytest.raises(regind.ParseError) as info:
        Dataset.read_csv(path)
    assert str(path) in str(info.value)
    return info.value


def test_malformed_csv_errors(tmp_path):
    e = _csv_error(tmp_path, HEADER + GOOD + "330400,2021,va_industry,level\n")
    assert (e.line, "expected 13 fields") == (3, "expected 13 fields") and "expected 13 fields" in str(e)
    e = _csv_error(tmp_path, HEADER + "330400,2021,va_industry,levels,1,亿元,,,,,,,\n")
    assert (e.line, e.column, e.text) == (2, 4, "levels") and "unknown measure" in str(e)
    e = _csv_error(tmp_path, HEADER + "330400,2021,va_industry,level,12x,亿元,,,,,,,\n")
    assert (e.line, e.column, e.text) == (2, 5, "12x") and "column 'value' (5)" in str(e)
    e = _csv_error(tmp_path, HEADER + "嘉兴县,2021,va_industry,level,1,亿元,,,,,,,\n")
    assert (e.column, e.text) == (1, "嘉兴县") and "did you mean '嘉兴市'" in str(e)
    e = _csv_error(tmp_path, HEADER + "330400,2021,va_industry,level,1,亿美元,,,,,,,\n")
    assert (e.column, e.text) == (6, "亿美元") and "unknown unit" in str(e)
    e = _csv_error(tmp_path, HEADER + GOOD + "330400,2021,va_industry,level,2600,亿元,,,,,,,\n")
    assert e.line == 3 and "with a different value (2600 here, 2594.5 on line 2)" in str(e)
    e = _csv_error(tmp_path, HEADER.encode() + b"330400,2021,va_industry,level,1,\xe4\xba,,,,,,,\n")
    assert (e.line, e.column) == (2, 33) and "invalid UTF-8" in str(e)
    assert isinstance(e, ValueError)


def test_from_pandas_errors_name_the_row():
    frame = Dataset().to_pandas()
    row = {c: "" for c in frame.columns}
    row.update(region_code=330400, period="2021", indicator="va_industry", measure="level", value=1.0,
               unit="亿元")
    bad = pd.DataFrame([row, {**row, "period": "2020", "value": float("nan")}])
    with pytest.raises(regind.ParseError, match=r"DataFrame row 1 \(index label 1\): column 'value' \(9\): expected a finite decimal number: 'nan'"):
        Dataset.from_pandas(bad)
    with pytest.raises(regind.ParseError, match="unknown column 'colour'"):
        Dataset.from_pandas(pd.DataFrame([row]).assign(colour="red"))


def test_panel_crosses_without_copy_and_objects_behave(small):
    p = small.panel("va_industry", "level")
    # The matrix built in C++ is handed to NumPy as it is: the array does not own a copy.
    assert not p.values.flags.owndata and p.values.base is not None
    facts = list(small)
    assert len(facts) == len(small.facts()) == 6
    f = facts[0]
    assert (f.region_code, str(f.period), f.indicator, f.measure, f.value, str(f.unit), f.qualifier,
            f.comparator, f.base_period, f.doc, f.span, f.note) == (
        330400, "2021", "va_industry", "level", 2594.5, "亿元", "", "", None, "", None, "")
    assert repr(f) == "Fact(330400 2021 va_industry level=2594.5 亿元)"
    assert repr(small) == "Dataset(facts=6, regions=2, indicators=2, periods=2016..2021)"
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(small, protocol=protocol)) == small
    assert copy.deepcopy(small) == small and copy.copy(small) == small


def test_seed_documents_listed():
    docs = regind.datasets.seed_documents()
    assert [d["doc"][:3] for d in docs] == ["000", "001", "002", "003", "004"]
    assert {d["region_code"] for d in docs} == {330400, 330500}
