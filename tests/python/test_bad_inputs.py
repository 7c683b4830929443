# SPDX-License-Identifier: MIT
"""The bad-input catalogue: one row per bad input to the public API, each with the exact typed
error it must raise (regind.ParseError, InvalidInput, UnknownKey or UnitError — the class itself,
not a parent) and the words its message must hold (file, line, column, value or expected form).
After every failure the objects the call could have changed (a Dataset, a RegionRegistry, a
CompositeIndex) are checked to be exactly as before: nothing is half-loaded or half-applied."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd
import pytest

import regind
from regind import Dataset, InvalidInput, ParseError, UnitError, UnknownKey
from regind import carbon as C
from regind import evaluation as E
from regind import growth as G
from regind import projects as P
from regind.composite import CompositeIndex

HEADER = "region_code,period,indicator,measure,value"
GOOD_ROW = "330400,2022,va_industry,level,1245.6"

IMETA = pd.DataFrame({
    "Level": [1, 1, 2], "iCode": ["a", "b", "Index"], "Parent": ["Index", "Index", None],
    "Direction": [1, 1, 1], "Weight": [1, 1, 1], "Type": ["Indicator", "Indicator", "Aggregate"],
})
IDATA = pd.DataFrame({"uCode": ["u1", "u2", "u3"], "a": [1.0, 2.0, 3.0], "b": [3.0, 1.0, 2.0]})


def _scheme(**term: Any) -> dict[str, Any]:
    """The 2022 above-size scheme of 黄岩 as a dict, with its first term changed by `term`."""
    d = E.preset("huangyan_2022_above_size").to_dict()
    d["terms"] = [dict(d["terms"][0], **term)] + d["terms"][1:]
    return d


def _firms() -> pd.DataFrame:
    return pd.DataFrame({c: [1.0, 2.0] for c in E.preset("huangyan_2022_above_size").columns()})


def _energy() -> pd.DataFrame:
    return pd.DataFrame({"industry": ["x"], "electricity": [1.0], "coal": [1.0], "natural_gas": [0.0], "oil": [0.0],
                         "green_power": [0.0], "value_added": [5.0]})


def _projects(actual: str = "2022-02-01") -> pd.DataFrame:
    return pd.DataFrame({"project": ["p1", "p2"], "region": ["r", "r"], "planned_start": ["2022-01-01"] * 2,
                         "actual_start": ["2022-02-01", actual]})


class Ctx:
    """What a case may use: a temporary folder for files, and objects a bad call must not change."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.ds = Dataset()
        self.ds.add(330400, "2022", "va_industry", "level", 1245.6)
        self.ds.add("湖州", "2022", "va_industry", "growth_pct", 13.3)
        self.registry = regind.RegionRegistry.from_csv_string(
            "code,name_zh,short_name,name_en,level,parent_code\n330000,浙江省,浙江,Zhejiang,province,\n"
            "330400,嘉兴市,嘉兴,Jiaxing,city,330000\n", "small.csv")
        self.ci = CompositeIndex.from_coinr(IDATA, IMETA).normalise().aggregate()
        self._snapshot = self.snapshot()

    def snapshot(self) -> tuple[Any, ...]:
        return (self.ds.to_csv_string(), self.registry.to_csv_string(), self.ci.steps(),
                self.ci.data("Normalised").to_csv(), self.ci.scores().to_csv())

    def unchanged(self) -> bool:
        return self.snapshot() == self._snapshot

    def file(self, content: str | bytes, name: str = "bad.csv") -> str:
        path = self.tmp / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)

    def read(self, content: str | bytes, name: str = "bad.csv") -> Dataset:
        return Dataset.read_csv(self.file(content, name))


def rows(*lines: str, header: str = HEADER) -> str:
    return "\n".join((header,) + lines) + "\n"


def frame(**columns: Any) -> pd.DataFrame:
    base = {"region_code": [330400], "period": ["2022"], "indicator": ["va_industry"], "measure": ["level"],
            "value": [1.0]}
    base.update(columns)
    return pd.DataFrame({k: v for k, v in base.items() if v is not None})


@dataclass(frozen=True)
class Case:
    id: str
    call: Callable[[Ctx], Any]
    error: type
    says: tuple[str, ...]


def case(id: str, call: Callable[[Ctx], Any], error: type, *says: str) -> Any:
    return pytest.param(Case(id, call, error, says), id=id)


CASES = [
    # -- facts CSV files: a bad value, row, column or encoding -----------------------------------
    case("csv-value-not-a-number", lambda c: c.read(rows("330400,2022,va_industry,level,abc")), ParseError,
         "bad.csv:2", "column 'value'", "'abc'", "expected a finite decimal number"),
    case("csv-value-inf", lambda c: c.read(rows("330400,2022,va_industry,level,inf")), ParseError,
         "bad.csv:2", "column 'value'", "'inf'"),
    case("csv-value-nan", lambda c: c.read(rows("330400,2022,va_industry,level,NaN")), ParseError,
         "column 'value'", "'NaN'"),
    case("csv-value-hex-float", lambda c: c.read(rows("330400,2022,va_industry,level,0x1p3")), ParseError,
         "column 'value'", "'0x1p3'"),
    case("csv-value-overflow", lambda c: c.read(rows("330400,2022,va_industry,level,1e999")), ParseError,
         "column 'value'", "'1e999'"),
    case("csv-value-thousands-comma", lambda c: c.read(rows('330400,2022,va_industry,level,"1,245.6"')),
         ParseError, "column 'value'", "'1,245.6'"),
    case("csv-unknown-region", lambda c: c.read(rows(GOOD_ROW, "Atlantis,2022,va_industry,level,1")), ParseError,
         "bad.csv:3", "column 'region_code'", "unknown region", "'Atlantis'"),
    case("csv-region-typo-suggests", lambda c: c.read(rows("Jiaxin,2022,va_industry,level,1")), ParseError,
         "column 'region_code'", "did you mean", "'Jiaxing'"),
    case("csv-unknown-indicator", lambda c: c.read(rows("330400,2022,va_industr,level,1")), ParseError,
         "column 'indicator'", "'va_industr'", "did you mean 'va_industry'"),
    case("csv-unknown-measure", lambda c: c.read(rows("330400,2022,va_industry,levle,1")), ParseError,
         "column 'measure'", "'levle'", "expected one of level"),
    case("csv-bad-period", lambda c: c.read(rows("330400,2022-13,va_industry,level,1")), ParseError,
         "column 'period'", "'2022-13'", "expected e.g. 2022"),
    case("csv-bad-base-period", lambda c: c.read(rows("330400,2022,va_industry,growth_pct,1,20x",
                                                      header=HEADER + ",base_period")), ParseError,
         "column 'base_period'", "'20x'"),
    case("csv-unknown-unit", lambda c: c.read(rows("330400,2022,va_industry,level,1,bananas", header=HEADER + ",unit")),
         ParseError, "column 'unit'", "'bananas'", "expected e.g. 亿元"),
    case("csv-unit-of-wrong-kind", lambda c: c.read(rows("330400,2022,va_industry,level,1,万亩",
                                                         header=HEADER + ",unit")), ParseError,
         "bad.csv:2", "'万亩' (area)", "'亿元' (money)"),
    case("csv-unknown-qualifier", lambda c: c.read(rows("330400,2022,va_industry,level,1,maybe",
                                                        header=HEADER + ",qualifier")), ParseError,
         "column 'qualifier'", "'maybe'", "at_least"),
    case("csv-negative-span", lambda c: c.read(rows("330400,2022,va_industry,level,1,d,-1,3",
                                                    header=HEADER + ",doc,span_start,span_end")), ParseError,
         "column 'span_start'", "'-1'", "non-negative whole number"),
    case("csv-span-reversed", lambda c: c.read(rows("330400,2022,va_industry,level,1,d,5,3",
                                                    header=HEADER + ",doc,span_start,span_end")), ParseError,
         "bad.csv:2", "span_end must be greater than span_start"),
    case("csv-span-without-doc", lambda c: c.read(rows("330400,2022,va_industry,level,1,,1,3",
                                                       header=HEADER + ",doc,span_start,span_end")), ParseError,
         "bad.csv:2", "needs the document"),
    case("csv-duplicate-key", lambda c: c.read(rows(GOOD_ROW, "330400,2022,va_industry,level,2")), ParseError,
         "bad.csv:3", "duplicate key", "on line 2"),
    case("csv-short-row", lambda c: c.read(rows(GOOD_ROW, "330400,2022,va_industry,level")), ParseError,
         "bad.csv:3", "expected 5 fields", "found 4"),
    case("csv-long-row", lambda c: c.read(rows("330400,2022,va_industry,level,1,2")), ParseError,
         "bad.csv:2", "expected 5 fields", "found 6"),
    case("csv-missing-column", lambda c: c.read("region_code,period,indicator,measure\n330400,2022,va_industry,level\n"),
         ParseError, "bad.csv:1", "missing column 'value'"),
    case("csv-unknown-column", lambda c: c.read(rows(GOOD_ROW + ",2", header=HEADER + ",valeu")), ParseError,
         "bad.csv:1:6", "unknown column 'valeu'"),
    case("csv-duplicate-column", lambda c: c.read(rows(GOOD_ROW + ",2", header=HEADER + ",value")), ParseError,
         "bad.csv:1:6", "duplicate column 'value'"),
    case("csv-gbk-encoding", lambda c: c.read(rows("嘉兴,2022,va_industry,level,1").encode("gbk")), ParseError,
         "bad.csv:2:1", "invalid UTF-8 byte 0xBC", "expected UTF-8"),
    case("csv-utf16-encoding", lambda c: c.read(rows(GOOD_ROW).encode("utf-16")), ParseError,
         "bad.csv:1:1", "invalid UTF-8 byte 0xFF"),
    case("csv-unterminated-quote", lambda c: c.read(rows('330400,2022,va_industry,level,"1')), ParseError,
         "bad.csv:2:31", "unterminated quoted field"),
    case("csv-text-after-quote", lambda c: c.read(rows('330400,"2022"x,va_industry,level,1')), ParseError,
         "bad.csv:2:14", "text after a closing quote"),
    case("csv-empty-file", lambda c: c.read(""), ParseError, "bad.csv:1:1", "empty file"),
    case("csv-missing-file", lambda c: Dataset.read_csv(c.tmp / "absent.csv"), ParseError,
         "absent.csv", "cannot open file"),
    case("csv-string-source-named", lambda c: Dataset.from_csv_string(rows("330400,2022,va_industry,level,x"),
                                                                       source="upload.csv"), ParseError,
         "upload.csv:2", "column 'value'"),
    # -- region and indicator tables -------------------------------------------------------------
    case("regions-csv-five-digit-code", lambda c: regind.RegionRegistry.read_csv(
        c.file("code,name_zh,level\n33040,嘉兴市,city\n", "regions.csv")), ParseError,
         "regions.csv:2", "column 'code'", "'33040'", "six-digit"),
    case("regions-csv-unknown-level", lambda c: regind.RegionRegistry.from_csv_string(
        "code,name_zh,level\n330400,嘉兴市,town\n", "regions.csv"), ParseError,
         "regions.csv:2", "column 'level'", "'town'", "province, city or county"),
    case("regions-csv-orphan", lambda c: regind.RegionRegistry.from_csv_string(
        "code,name_zh,level,parent_code\n330400,嘉兴市,city,330000\n", "regions.csv"), ParseError,
         "regions.csv:2", "parent 330000 is not in the registry"),
    case("regions-csv-duplicate-code", lambda c: regind.RegionRegistry.from_csv_string(
        "code,name_zh,level\n330400,嘉兴市,city\n330400,嘉兴,city\n", "regions.csv"), ParseError,
         "regions.csv:3", "already in the registry"),
    case("registry-add-duplicate", lambda c: c.registry.add(regind.Region(330400, "嘉兴", level="city",
                                                                          parent=330000)), InvalidInput,
         "330400", "already in the registry"),
    case("registry-add-orphan", lambda c: c.registry.add(regind.Region(330500, "湖州市", level="city",
                                                                       parent=320000)), InvalidInput,
         "330500", "parent 320000 is not in the registry"),
    case("indicators-csv-unknown-unit", lambda c: regind.IndicatorCatalogue.from_csv_string(
        "code,name_zh,name_en,unit,direction,price_basis\nx,某,X,bananas,higher,current\n", "ind.csv"), ParseError,
         "ind.csv:2", "column 'unit'", "'bananas'"),
    case("indicators-csv-bad-direction", lambda c: regind.IndicatorCatalogue.from_csv_string(
        "code,name_zh,name_en,unit,direction,price_basis\nx,某,X,亿元,upward,current\n", "ind.csv"), ParseError,
         "ind.csv:2", "column 'direction'", "'upward'", "higher, lower or neutral"),
    # -- DataFrames ------------------------------------------------------------------------------
    case("frame-missing-value-column", lambda c: Dataset.from_pandas(frame(value=None)), ParseError,
         "missing column 'value'"),
    case("frame-text-value", lambda c: Dataset.from_pandas(frame(value=["abc"])), ParseError,
         "DataFrame row 0 (index label 0)", "column 'value'", "'abc'"),
    case("frame-nan-value", lambda c: Dataset.from_pandas(frame(value=[np.nan])), ParseError,
         "column 'value'", "'nan'", "finite"),
    case("frame-bad-second-row", lambda c: Dataset.from_pandas(pd.concat([frame(), frame(period=["2023"],
                                                                                          value=["x"])])),
         ParseError, "DataFrame row 1 (index label 0)", "column 'value'", "'x'"),
    case("frame-unknown-region-code", lambda c: Dataset.from_pandas(frame(region_code=[999999])), ParseError,
         "column 'region_code'", "'999999'"),
    case("frame-fractional-region-code", lambda c: Dataset.from_pandas(frame(region_code=[330400.5])), ParseError,
         "column 'region_code'", "'330400.5'"),
    case("frame-unknown-column", lambda c: Dataset.from_pandas(frame(extra=[1])), ParseError,
         "unknown column 'extra'"),
    case("frame-not-a-frame", lambda c: Dataset.from_pandas({"region_code": 330400}), InvalidInput,
         "needs a pandas DataFrame", "dict"),
    # -- Dataset.add and queries: the dataset stays as it was --------------------------------------
    case("add-unknown-region", lambda c: c.ds.add("Atlantis", "2023", "va_industry", "level", 1), UnknownKey,
         "unknown region 'Atlantis'"),
    case("add-unknown-indicator", lambda c: c.ds.add(330400, "2023", "gdpp", "level", 1), UnknownKey,
         "unknown indicator 'gdpp'", "did you mean 'gdp'"),
    case("add-unknown-measure", lambda c: c.ds.add(330400, "2023", "va_industry", "levle", 1), InvalidInput,
         "unknown measure 'levle'", "expected one of level"),
    case("add-unit-of-wrong-kind", lambda c: c.ds.add(330400, "2023", "va_industry", "level", 1, unit="万亩"),
         UnitError, "'万亩' (area)", "'亿元' (money)"),
    case("add-unknown-unit", lambda c: c.ds.add(330400, "2023", "va_industry", "level", 1, unit="bananas"),
         UnitError, "unknown unit 'bananas'"),
    case("add-nan-value", lambda c: c.ds.add(330400, "2023", "va_industry", "level", float("nan")), InvalidInput,
         "value must be a finite number"),
    case("add-text-value", lambda c: c.ds.add(330400, "2023", "va_industry", "level", "abc"), InvalidInput,
         "value must be a number", "'abc'"),
    case("add-bad-period", lambda c: c.ds.add(330400, "2022-13", "va_industry", "level", 1), ParseError,
         "'2022-13'", "month 13 must be 1..12"),
    case("add-conflicting-duplicate", lambda c: c.ds.add(330400, "2022", "va_industry", "level", 2), InvalidInput,
         "already exists with value 1245.6", "new value 2"),
    case("add-comparator-with-comma", lambda c: c.ds.add(330400, "2023", "va_industry", "rank", 2, comparator="a,b"),
         InvalidInput, "comparator must not contain ','"),
    case("add-doc-with-edge-space", lambda c: c.ds.add(330400, "2023", "va_industry", "level", 2, doc=" 002_x"),
         InvalidInput, "doc ' 002_x' must not start or end with whitespace"),
    case("add-comparator-with-edge-space", lambda c: c.ds.add(330400, "2023", "va_industry", "rank", 2,
                                                               comparator="zhejiang "), InvalidInput,
         "comparator 'zhejiang ' must not start or end with whitespace"),
    case("add-unknown-qualifier", lambda c: c.ds.add(330400, "2023", "va_industry", "level", 2, qualifier="maybe"),
         InvalidInput, "unknown qualifier 'maybe'"),
    case("query-unknown-region", lambda c: c.ds.query(region="Atlantis"), UnknownKey, "unknown region 'Atlantis'"),
    case("panel-unknown-indicator", lambda c: c.ds.panel("nope"), UnknownKey, "unknown indicator 'nope'"),
    case("panel-unknown-measure", lambda c: c.ds.panel("va_industry", "levle"), InvalidInput,
         "unknown measure 'levle'"),
    # -- periods, units, regions -------------------------------------------------------------------
    case("period-month-13", lambda c: regind.Period("2022-13"), ParseError, "'2022-13'", "month 13 must be 1..12"),
    case("period-quarter-5", lambda c: regind.Period("2022年五季度"), ParseError, "'2022年五季度'",
         "quarter must be 1..4"),
    case("period-empty", lambda c: regind.Period(""), ParseError, "empty text", "expected forms like 2022"),
    case("unit-unknown", lambda c: regind.Unit("bananas"), UnitError, "unknown unit 'bananas'"),
    case("unit-convert-across-kinds", lambda c: regind.Unit("亿元").convert(1.0, regind.Unit("万亩")), UnitError,
         "cannot convert '亿元' (money) to '万亩' (area)"),
    case("region-typo", lambda c: regind.regions.zhejiang()["Jiaxin"], UnknownKey,
         "unknown region 'Jiaxin'", "did you mean 'Jiaxing'"),
    case("region-unknown-code", lambda c: regind.regions.zhejiang()[999999], UnknownKey, "unknown region '999999'"),
    # -- ranking -----------------------------------------------------------------------------------
    case("rank-unknown-method", lambda c: regind.rank([1, 2], method="bogus"), InvalidInput,
         "unknown rank method 'bogus'", "average, min, max"),
    case("rank-unknown-na-option", lambda c: regind.rank([1, 2], na_option="bogus"), InvalidInput,
         "unknown na_option 'bogus'"),
    case("rank-2d-values", lambda c: regind.rank([[1, 2], [3, 4]]), InvalidInput, "must be 1-D", "(2, 2)"),
    case("rank-text-values", lambda c: regind.rank(["a", "b"]), InvalidInput, "values must be numbers"),
    case("rank-groups-wrong-length", lambda c: regind.rank([1, 2, 3], groups=["a", "b"]), InvalidInput,
         "2 labels for 3 values"),
    case("rank-nan-with-raise", lambda c: regind.rank([1, np.nan], na_option="raise"), InvalidInput,
         "value 1 of 2 is NaN"),
    case("rank-out-wrong-length", lambda c: regind.rank([1.0, 2.0], out=np.empty(3)), InvalidInput,
         "length 2", "shape (3,)"),
    case("rank-panel-bad-axis", lambda c: regind.rank_panel([[1, 2], [3, 4]], axis=2), InvalidInput,
         "axis must be 0", "not 2"),
    case("rank-change-lengths", lambda c: regind.rank_change([1, 2, 3], [1, 2]), InvalidInput,
         "before has 3 values and after has 2"),
    case("league-unknown-indicator", lambda c: regind.league_table(c.ds, "nope", "2022"), UnknownKey,
         "unknown indicator 'nope'"),
    case("league-unknown-level", lambda c: regind.league_table(c.ds, "va_industry", "2022", level="town"),
         InvalidInput, "unknown region level 'town'"),
    # -- growth arithmetic ------------------------------------------------------------------------
    case("growth-shapes", lambda c: G.growth([1, 2, 3], [1, 2]), InvalidInput,
         "current has shape (3,)", "previous has shape (2,)"),
    case("growth-text", lambda c: G.growth(["a"], [1]), InvalidInput, "growth: current must be numbers"),
    case("cagr-zero-years", lambda c: G.cagr(1, 2, 0), InvalidInput, "years must be > 0, got 0"),
    case("ytd-twelve-columns", lambda c: G.ytd_to_monthly(np.ones(12), np.zeros(12)), InvalidInput,
         "at most 11 year-to-date columns", "got 12"),
    case("contributions-scalar", lambda c: G.contributions(1.0, 2.0), InvalidInput, "at least one dimension"),
    case("contributions-total-shape", lambda c: G.contributions([[1, 2], [3, 4]], [[1, 2], [3, 4]],
                                                                total_now=[1, 2, 3]), InvalidInput,
         "total_now has shape (3,)", "shape (2,)"),
    case("rest-of-year-month-13", lambda c: G.rest_of_year_growth(0.05, 100, 50, 48, month=13), InvalidInput,
         "month must be 2", "got 13"),
    case("average-growth-axis", lambda c: G.average_growth([0.1, 0.2], axis=3), InvalidInput,
         "axis 3 is out of range", "(2,)"),
    # -- target decomposition ----------------------------------------------------------------------
    case("decompose-bases-2d", lambda c: regind.decompose(100, ["嘉兴", "湖州"], [[1, 2]]), InvalidInput,
         "bases must be one-dimensional", "(1, 2)"),
    case("decompose-bases-count", lambda c: regind.decompose(100, ["嘉兴", "湖州"], [1, 2, 3]), InvalidInput,
         "children has 2 and bases has 3"),
    case("decompose-child-twice", lambda c: regind.decompose(100, ["嘉兴", "330400"], [1, 2]), InvalidInput,
         "嘉兴市 (330400) is given twice"),
    case("decompose-unknown-child", lambda c: regind.decompose(100, ["嘉兴", "Atlantis"], [1, 2]), UnknownKey,
         "unknown region 'Atlantis'"),
    case("decompose-negative-base", lambda c: regind.decompose(100, ["嘉兴", "湖州"], [1, -2]), InvalidInput,
         "base -2 (index 1)", "> 0"),
    case("schedule-five-shares", lambda c: regind.monthly_schedule(100, [0.1] * 5), InvalidInput,
         "needs 11 cumulative shares", "got 5"),
    case("regions-frame-unknown-level", lambda c: regind.regions.from_pandas(
        pd.DataFrame({"code": [330400], "name_zh": ["嘉兴市"], "level": ["town"]})), InvalidInput,
         "DataFrame row 0", "unknown region level 'town'"),
    # -- projections ------------------------------------------------------------------------------
    case("project-unknown-method", lambda c: regind.project([1, 2, 3], method="bogus"), InvalidInput,
         "unknown projection method 'bogus'", "loglinear"),
    case("project-horizon-0", lambda c: regind.project([1, 2, 3], horizon=0), InvalidInput,
         "horizon must be at least 1, got 0"),
    case("project-level-1.5", lambda c: regind.project([1, 2, 3], level=1.5), InvalidInput,
         "strictly between 0 and 1", "1.5"),
    case("project-nan", lambda c: regind.project([1, np.nan, 3]), InvalidInput, "values[1] is NaN"),
    case("project-loglinear-negative", lambda c: regind.project([1, -2, 3]), InvalidInput,
         "values[1] = -2", "positive values"),
    case("project-periods-not-increasing", lambda c: regind.project([1, 2, 3], periods=[2020, 2022, 2021]),
         InvalidInput, "periods[2] = 2021 follows 2022"),
    case("project-unknown-parameter", lambda c: regind.project([1, 2, 3, 4, 5], method="holt", gamma=0.3),
         InvalidInput, "unknown parameter 'gamma'"),
    case("project-alpha-out-of-range", lambda c: regind.project([1, 2, 3, 4, 5], method="holt", alpha=1.5),
         InvalidInput, "alpha = 1.5 is outside [0, 1]"),
    case("batch-1d", lambda c: regind.project_batch([1, 2, 3]), InvalidInput, "needs a 2-D array"),
    case("batch-nan-row-named", lambda c: regind.project_batch([[1, 2, 3], [1, np.nan, 3]]), InvalidInput,
         "row 1: values[1] is NaN"),
    # -- composite indices: the pipeline keeps its last good state ------------------------------------
    case("coinr-meta-missing-column", lambda c: CompositeIndex.from_coinr(IDATA, IMETA.drop(columns="Weight")),
         InvalidInput, "iMeta lacks the required column(s) Weight"),
    case("coinr-data-unknown-column", lambda c: CompositeIndex.from_coinr(IDATA.assign(z=1.0), IMETA), InvalidInput,
         "iData column 'z' is not an iCode"),
    case("coinr-data-text", lambda c: CompositeIndex.from_coinr(IDATA.assign(a=["x", "y", "z"]), IMETA),
         InvalidInput, "column 'a', row 1", "'x' is not a number"),
    case("coinr-duplicate-unit", lambda c: CompositeIndex.from_coinr(IDATA.assign(uCode=["u1", "u1", "u3"]), IMETA),
         InvalidInput, "row 2: duplicate uCode 'u1'"),
    case("coinr-bad-direction", lambda c: CompositeIndex.from_coinr(IDATA, IMETA.assign(Direction=[1, 2, 1])),
         InvalidInput, "iMeta row 2 (iCode 'b')", "Direction must be 1 or -1, not 2"),
    case("normalise-unknown-method", lambda c: c.ci.normalise("n_bogus"), InvalidInput,
         "unknown normaliser 'n_bogus'", "n_minmax"),
    case("normalise-reversed-bounds", lambda c: c.ci.normalise("n_minmax", l_u=(100, 0)), InvalidInput,
         "needs l < u", "(100, 0)"),
    case("normalise-negative-sd", lambda c: c.ci.normalise("n_zscore", m_sd=(0, -1)), InvalidInput,
         "positive SD", "(0, -1)"),
    case("normalise-unknown-indicator", lambda c: c.ci.normalise(individual={"zz": {"method": "n_rank"}}),
         UnknownKey, "unknown iCode 'zz'"),
    case("aggregate-unknown-method", lambda c: c.ci.aggregate("a_bogus"), InvalidInput,
         "unknown aggregation method 'a_bogus'"),
    case("aggregate-unknown-weight-set", lambda c: c.ci.aggregate(weights="nope"), UnknownKey,
         "unknown weight set 'nope'"),
    case("screen-threshold-above-1", lambda c: c.ci.screen(dat_thresh=1.5), InvalidInput,
         "dat_thresh must be in [0, 1], not 1.5"),
    case("composite-unknown-stage", lambda c: c.ci.data("Nope"), InvalidInput, "unknown data set 'Nope'"),
    case("uncertainty-zero-runs", lambda c: c.ci.uncertainty(n=0), InvalidInput, "n must be >= 1, not 0"),
    # Firm evaluation schemes (亩均效益评价), carbon-efficiency grades and the project life cycle.
    case("evaluation-unknown-preset", lambda c: E.preset("nope"), InvalidInput,
         "unknown evaluation preset 'nope'", "huangyan_2022_above_size"),
    case("evaluation-unknown-key", lambda c: E.Scheme.from_dict({**_scheme(), "bogus": 1}), InvalidInput,
         "unknown key 'bogus'", "expected name, year"),
    case("evaluation-weight-text", lambda c: E.Scheme.from_dict(_scheme(weight="heavy")), InvalidInput,
         "term 'tax_per_mu': weight must be a number, not 'heavy'"),
    case("evaluation-weight-negative", lambda c: E.Scheme.from_dict(_scheme(weight=-5)), InvalidInput,
         "term 'tax_per_mu': weight -5 must be a finite number ≥ 0"),
    case("evaluation-benchmark-rule", lambda c: E.Scheme.from_dict(_scheme(benchmark={"rule": "magic"})), InvalidInput,
         "unknown benchmark rule 'magic'", "median"),
    case("evaluation-no-terms", lambda c: E.Scheme.from_dict({**_scheme(), "terms": []}), InvalidInput,
         "terms must be a non-empty list"),
    case("evaluation-json-syntax", lambda c: E.Scheme.from_json('{"name": "x",'), InvalidInput,
         "not valid JSON", "line 1 column 14"),
    case("evaluation-missing-column", lambda c: E.evaluate(_firms().drop(columns="tax"), "huangyan_2022_above_size"),
         UnknownKey, "unknown indicator column 'tax'"),
    case("evaluation-text-column", lambda c: E.evaluate(_firms().assign(tax=["a", "b"]), "huangyan_2022_above_size"),
         InvalidInput, "column 'tax' is not numeric"),
    case("evaluation-rollup-unknown-group", lambda c: E.rollup(_firms(), "huangyan_2022_above_size", by="nope"),
         UnknownKey, "unknown group column 'nope'"),
    case("carbon-unknown-factors", lambda c: C.factors("nope"), InvalidInput,
         "unknown factor preset 'nope'", "illustrative"),
    case("carbon-factor-text", lambda c: C.grades(_energy(), factors={"electricity": "a lot"}), InvalidInput,
         "factor for 'electricity' must be a number, not 'a lot'"),
    case("carbon-text-column", lambda c: C.grades(_energy().assign(coal=["lots"])), InvalidInput,
         "column 'coal' is not numeric"),
    case("carbon-missing-column", lambda c: C.grades(_energy().drop(columns="electricity")), UnknownKey,
         "unknown indicator column 'electricity'"),
    case("projects-no-date-columns", lambda c: P.status(pd.DataFrame({"project": ["p1"]}), "2022-06-30"), UnknownKey,
         "no date column", "planned_<stage> / actual_<stage>"),
    case("projects-bad-as-of", lambda c: P.status(_projects(), "not a date"), InvalidInput,
         "as_of 'not a date' is not a date"),
    case("projects-bad-date-in-column", lambda c: P.status(_projects(actual="2022-13-40"), "2022-06-30"), InvalidInput,
         "column 'actual_start', row 2 (label 1): '2022-13-40' is not a date"),
    case("projects-rates-unknown-group", lambda c: P.rates(_projects(), "2022-06-30", by="nope"), UnknownKey,
         "unknown group column 'nope'"),
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_raises_a_typed_error_naming_the_problem(case: Case, tmp_path: Path) -> None:
    ctx = Ctx(tmp_path)
    with pytest.raises(Exception) as info:
        case.call(ctx)
    # The class itself, not only a parent: a ParseError where a ParseError is due.
    assert type(info.value) is case.error, f"{type(info.value).__name__}: {info.value}"
    message = str(info.value.args[0])
    assert message.startswith("[regind."), message
    for words in case.says:
        assert words in message, f"{words!r} not in {message!r}"
    assert ctx.unchanged(), "a failed call changed the dataset, registry or composite index"


def test_the_catalogue_is_large_and_every_id_is_unique() -> None:
    ids = [p.id for p in CASES]
    assert len(ids) >= 50
    assert len(set(ids)) == len(ids)


def test_a_bad_row_after_good_rows_loads_nothing(tmp_path: Path) -> None:
    # Two good rows, then a bad one: the reader returns no dataset at all (and the message
    # names the bad row), rather than the first two facts.
    path = tmp_path / "facts.csv"
    path.write_text(rows(GOOD_ROW, "330500,2022,va_industry,level,99", "330600,2022,va_industry,level,?"),
                    encoding="utf-8")
    with pytest.raises(ParseError, match=r"facts\.csv:4: column 'value'"):
        Dataset.read_csv(path)
    # The same file without the bad row loads both facts.
    path.write_text(rows(GOOD_ROW, "330500,2022,va_industry,level,99"), encoding="utf-8")
    assert len(Dataset.read_csv(path)) == 2
