# SPDX-License-Identifier: MIT
"""regind.consistency: relations implied by the published numbers, checked within their rounding.
Expected values are hand arithmetic on the published numbers, written here."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import regind
from regind import consistency


@pytest.fixture(scope="module")
def seed() -> regind.Dataset:
    return regind.datasets.seed_facts()


@pytest.fixture(scope="module")
def report(seed: regind.Dataset) -> pd.DataFrame:
    return consistency.check(seed)


def one(frame: pd.DataFrame, relation: str, indicator: str, period: str) -> pd.Series:
    """The only row of `relation` in `period` whose first indicator is `indicator`."""
    rows = frame[(frame.relation == relation) & (frame.period == period)
                 & (frame.indicators.str.split(", ").str[0] == indicator)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def with_value(ds: regind.Dataset, value: float, **where: str) -> regind.Dataset:
    """A copy of `ds` (through pandas) with one published value changed."""
    frame = ds.to_pandas()
    mask = pd.Series(True, index=frame.index)
    for col, v in where.items():
        mask &= frame[col] == v
    assert mask.sum() == 1
    frame.loc[mask, "value"] = value
    return regind.Dataset.from_pandas(frame)


SYNTHETIC = ("region_code,period,indicator,measure,value,unit,qualifier,comparator,base_period,doc,span_start,"
             "span_end,note\n")


def synthetic(rows: str, indicators=None) -> regind.Dataset:
    """A SYNTHETIC dataset (not published data)."""
    return regind.Dataset.from_csv_string(SYNTHETIC + rows, indicators=indicators)


# -- the seed data ---------------------------------------------------------------------------------


def test_columns_and_verdicts(report):
    assert tuple(report.columns) == consistency.COLUMNS
    assert set(report.verdict) <= set(consistency.VERDICTS)
    assert set(report.relation) <= set(consistency.RELATIONS)
    assert report.computed.dtype == float


def test_huzhou_2016_shares_are_consistent(report):
    for ind, part, pub in [("va_strategic_emerging", 179.9, 21.7), ("va_high_tech_industries", 347.4, 41.9),
                           ("va_equipment_manufacturing", 206.4, 24.9)]:
        r = one(report, "share", ind, "2016")
        assert r.verdict == "consistent"
        assert r.computed == pytest.approx(100 * part / 828.3, rel=1e-12)
        assert r.published == pytest.approx(pub)
        # ±0.05 on both levels through 100·a/b, and ±0.05 on the published share.
        assert r.tolerance == pytest.approx(100 * (0.05 / 828.3 + part * 0.05 / 828.3 ** 2) + 0.05, rel=1e-12)
        assert r.regions == "湖州"
        assert r.indicators == f"{ind}, va_industry"
        assert r.unit == "%"
        assert r.docs == ("001_0e7ef2388a968c5b",)
        assert ("001_0e7ef2388a968c5b", 234, 239) in r.spans  # 828.3
        assert f"330500|2016|{ind}|share_pct||" in r.facts
    # 21.72 % is within 21.7 ± 0.057.
    assert abs(100 * 179.9 / 828.3 - 21.7) < 0.0573


def test_zhejiang_2021_growth_implied_by_huzhou_and_jiaxing_agrees(report):
    r = one(report, "comparator_growth", "va_industry", "2021")
    assert r.verdict == "consistent"
    assert r.computed == pytest.approx(14.0 - 1.1)   # Jiaxing
    assert r.published == pytest.approx(13.3 - 0.4)  # Huzhou
    assert round(r.computed, 6) == round(r.published, 6) == 12.9
    assert r.tolerance == pytest.approx(0.2)  # four numbers of one decimal
    assert r.regions == "湖州, 嘉兴"
    assert r.region_codes == (330500, 330400)
    assert r.docs == ("000_c4e1fff8c860fce4", "002_0aa44b95e84d5610")
    assert ("002_0aa44b95e84d5610", 233, 237) in r.spans  # "14.0"


def test_huzhou_2016_three_hundred_plan(report):
    s = one(report, "parts_sum", "inv_three_hundred_plan", "2016")
    assert s.verdict == "consistent"
    assert s.computed == pytest.approx(125.2 + 100.5 + 22.1)
    assert s.published == pytest.approx(247.8)
    assert s.tolerance == pytest.approx(4 * 0.05)
    assert s.indicators == ("inv_three_hundred_plan, inv_three_hundred_emerging, inv_three_hundred_robot, "
                            "inv_three_hundred_smart")
    c = one(report, "completion", "inv_three_hundred_plan", "2016")
    assert c.verdict == "consistent"
    assert c.computed == pytest.approx(100 * 247.8 / 300)
    assert c.published == pytest.approx(82.6)
    assert c.tolerance == pytest.approx(100 * 0.05 / 300 + 0.05)  # the target 300 is exact


def test_seed_has_nothing_inconsistent(report):
    counts = report.verdict.value_counts()
    assert counts.get("inconsistent", 0) == 0
    assert counts["consistent"] >= 7
    assert counts["not_checkable"] > 0
    # Every rank is within its comparator's units.
    ranks = report[report.relation == "rank_bound"]
    assert (ranks.verdict == "consistent").all()
    assert (ranks[ranks.indicators == "industrial_strong_county_evaluation"].computed == 90).all()
    # Not checkable rows say why.
    nc = report[report.verdict == "not_checkable"]
    assert nc.note.str.len().min() > 10
    jx = one(report, "share", "va_high_tech_industries", "2021")
    assert jx.verdict == "not_checkable"
    assert "missing va_high_tech_industries level of 嘉兴" in jx.note
    assert math.isnan(jx.computed)
    assert jx.published == pytest.approx(67.7)


def test_spans_point_at_the_numbers(report, seeds_dir: Path):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    seen = 0
    for spans in report.spans:
        for doc, start, end in spans:
            numeral = texts[doc][start:end]
            assert numeral and all(c.isdigit() or c == "." or "\u4e00" <= c <= "\u9fff" for c in numeral)
            seen += 1
    assert seen > 50


def test_summary_counts_by_relation_and_verdict(report):
    s = consistency.summary(report)
    assert list(s.columns) == list(consistency.VERDICTS)
    assert s.loc["total"].sum() == len(report)
    assert s.loc["share", "consistent"] == 3
    assert s.loc["parts_sum", "consistent"] == 1


# -- a broken copy ---------------------------------------------------------------------------------


def test_broken_share_is_flagged(seed):
    broken = with_value(seed, 23.7, region_code=330500, period="2016", indicator="va_strategic_emerging",
                        measure="share_pct")
    rep = consistency.check(broken)
    r = one(rep, "share", "va_strategic_emerging", "2016")
    assert r.verdict == "inconsistent"
    assert r.published == pytest.approx(23.7)
    assert (rep.verdict == "inconsistent").sum() == 1


def test_broken_difference_from_the_province_is_flagged(seed):
    broken = with_value(seed, 1.6, region_code=330400, period="2021", indicator="va_industry",
                        measure="growth_diff_pp")
    r = one(consistency.check(broken), "comparator_growth", "va_industry", "2021")
    assert r.verdict == "inconsistent"
    assert r.computed == pytest.approx(14.0 - 1.6)  # 12.4 vs 12.9 ± 0.2


def test_broken_part_is_flagged(seed):
    broken = with_value(seed, 24.1, region_code=330500, period="2016", indicator="inv_three_hundred_smart",
                        measure="level")
    rep = consistency.check(broken)
    assert one(rep, "parts_sum", "inv_three_hundred_plan", "2016").verdict == "inconsistent"
    assert one(rep, "completion", "inv_three_hundred_plan", "2016").verdict == "consistent"


def test_broken_completion_is_flagged(seed):
    broken = with_value(seed, 85.6, region_code=330500, period="2016", indicator="inv_three_hundred_plan",
                        measure="completion_pct")
    assert one(consistency.check(broken), "completion", "inv_three_hundred_plan", "2016").verdict == "inconsistent"


# -- options ---------------------------------------------------------------------------------------


def test_only_and_include_not_checkable(seed):
    rep = consistency.check(seed, only=["share", "parts_sum"], include_not_checkable=False)
    assert sorted(rep.relation) == ["parts_sum", "share", "share", "share"]
    assert (rep.verdict == "consistent").all()
    assert set(consistency.check(seed, only="share").relation) == {"share"}


def test_allowance_widens_a_tolerance(seed):
    broken = with_value(seed, 21.8, region_code=330500, period="2016", indicator="va_strategic_emerging",
                        measure="share_pct")  # 21.72 vs 21.8
    assert one(consistency.check(broken), "share", "va_strategic_emerging", "2016").verdict == "inconsistent"
    r = one(consistency.check(broken, allowance={"share": 0.1}), "share", "va_strategic_emerging", "2016")
    assert r.verdict == "consistent"
    assert r.tolerance == pytest.approx(100 * (0.05 / 828.3 + 179.9 * 0.05 / 828.3 ** 2) + 0.05 + 0.1)


def test_option_errors(seed):
    with pytest.raises(ValueError, match=r"unknown relation 'shares' in only"):
        consistency.check(seed, only=["shares"])
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.allowance\]"):
        consistency.check(seed, allowance={"share": -1})
    with pytest.raises(ValueError, match="in allowance"):
        consistency.check(seed, allowance={"nope": 1})
    with pytest.raises(ValueError, match="allowance must be a mapping"):
        consistency.check(seed, allowance=[("share", 1.0)])
    with pytest.raises(TypeError, match="needs a regind.Dataset"):
        consistency.check(seed.to_pandas())


# -- the tables are data ---------------------------------------------------------------------------


def test_builtin_tables():
    rel = consistency.relation_table()
    assert tuple(rel.columns) == consistency.RELATION_COLUMNS
    plan = rel[(rel.kind == "sum") & (rel.whole == "inv_three_hundred_plan")]
    assert sorted(plan.part) == ["inv_three_hundred_emerging", "inv_three_hundred_robot", "inv_three_hundred_smart"]
    assert rel[(rel.kind == "share") & (rel.part == "va_strategic_emerging")].whole.tolist() == ["va_industry"]
    cmp_ = consistency.comparator_table()
    assert tuple(cmp_.columns) == consistency.COMPARATOR_COLUMNS
    cities = cmp_[cmp_.code == "zhejiang_cities"].iloc[0]
    assert cities.units == 11
    assert cmp_[cmp_.code == "zhejiang"].iloc[0].region == 330000
    assert cmp_[cmp_.code == "city_industrial_investment"].iloc[0].region == "self"


ROLL = ("330502,2030,va_industry,level,100.1,亿元,,,,,,,\n330503,2030,va_industry,level,200.2,亿元,,,,,,,\n"
        "330521,2030,va_industry,level,300.3,亿元,,,,,,,\n330522,2030,va_industry,level,400.4,亿元,,,,,,,\n"
        "330523,2030,va_industry,level,500.5,亿元,,,,,,,\n")


def test_roll_up_of_synthetic_counties():
    good = consistency.check(synthetic(ROLL + "330500,2030,va_industry,level,1501.5,亿元,,,,,,,\n"))
    r = one(good, "roll_up", "va_industry", "2030")
    assert r.verdict == "consistent"
    assert r.computed == pytest.approx(100.1 + 200.2 + 300.3 + 400.4 + 500.5)
    assert r.tolerance == pytest.approx(6 * 0.05)
    bad = consistency.check(synthetic(ROLL + "330500,2030,va_industry,level,1502.5,亿元,,,,,,,\n"))
    assert one(bad, "roll_up", "va_industry", "2030").verdict == "inconsistent"


def test_user_relations_in_every_form(tmp_path):
    # SYNTHETIC: a part → total relation the built-in table does not know.
    ds = synthetic("330500,2030,inv_industry,level,100.2,亿元,,,,,,,\n"
                   "330500,2030,inv_manufacturing,level,60.1,亿元,,,,,,,\n"
                   "330500,2030,inv_tech_renovation,level,40.5,亿元,,,,,,,\n")
    frame = pd.DataFrame({"kind": ["sum", "sum"], "whole": ["inv_industry"] * 2,
                          "part": ["inv_manufacturing", "inv_tech_renovation"]})
    text = "kind,whole,part,note\nsum,inv_industry,inv_manufacturing,\nsum,inv_industry,inv_tech_renovation,\n"
    path = tmp_path / "relations.csv"
    path.write_text(text, encoding="utf-8")
    tuples = [("sum", "inv_industry", "inv_manufacturing"), ("sum", "inv_industry", "inv_tech_renovation", "x")]
    for given in (frame, text, path, tuples):
        r = one(consistency.check(ds, relations=given), "parts_sum", "inv_industry", "2030")
        assert r.verdict == "inconsistent"  # 60.1 + 40.5 = 100.6 vs 100.2 ± 0.15
        assert r.computed == pytest.approx(60.1 + 40.5)
        assert r.tolerance == pytest.approx(0.15)
    assert "parts_sum" not in set(consistency.check(ds).relation)


def test_user_comparators_and_builtin_false():
    ds = synthetic("330500,2030,va_industry,rank,12,位,,zhejiang_cities,,,,,\n"
                   "330500,2030,va_industry,rank,3,位,,my_peers,,,,,\n")
    rep = consistency.check(ds)
    assert sorted(rep.verdict) == ["inconsistent", "not_checkable"]
    rep2 = consistency.check(ds, comparators=[("zhejiang_cities", None, "", 12), ("my_peers", None, "", 2)])
    assert sorted(rep2.verdict) == ["consistent", "inconsistent"]  # 12 of 12; 3 of 2
    only_user = consistency.check(ds, comparators=[("my_peers", None, "", 5)], builtin=False)
    assert sorted(only_user.verdict) == ["consistent", "not_checkable"]
    shares = synthetic("330500,2030,va_industry,level,100,亿元,,,,,,,\n"
                       "330500,2030,va_strategic_emerging,level,20,亿元,,,,,,,\n"
                       "330500,2030,va_strategic_emerging,share_pct,20,%,,,,,,,\n")
    assert one(consistency.check(shares, builtin=False), "share", "va_strategic_emerging",
               "2030").verdict == "not_checkable"
    assert one(consistency.check(shares), "share", "va_strategic_emerging", "2030").verdict == "consistent"


def test_contributions_and_pulls_fujian_1980():
    # A6: Fujian 1980 contributions 25.1 / 43.2 / 31.7 % and pulls 4.6 / 8.0 / 5.8 pp on GDP +18.4 %.
    cat = regind.IndicatorCatalogue.from_csv_string(
        regind.datasets.seed_facts().indicators.to_csv_string()
        + "contribution_primary,第一产业贡献率,Contribution of the primary sector,%,neutral,na\n"
        + "contribution_secondary,第二产业贡献率,Contribution of the secondary sector,%,neutral,na\n"
        + "contribution_tertiary,第三产业贡献率,Contribution of the tertiary sector,%,neutral,na\n"
        + "pull_primary,第一产业拉动,Pull of the primary sector,pp,neutral,na\n"
        + "pull_secondary,第二产业拉动,Pull of the secondary sector,pp,neutral,na\n"
        + "pull_tertiary,第三产业拉动,Pull of the tertiary sector,pp,neutral,na\n", "<test>")
    ds = synthetic("330400,1980,contribution_primary,level,25.1,%,,,,,,,\n"
                   "330400,1980,contribution_secondary,level,43.2,%,,,,,,,\n"
                   "330400,1980,contribution_tertiary,level,31.7,%,,,,,,,\n"
                   "330400,1980,gdp,growth_pct,18.4,%,,,,,,,\n"
                   "330400,1980,pull_primary,level,4.6,pp,,,,,,,\n"
                   "330400,1980,pull_secondary,level,8.0,pp,,,,d,0,3,\n"
                   "330400,1980,pull_tertiary,level,5.8,pp,,,,,,,\n", indicators=cat)
    rel = [(k, "gdp", f"{k}_{s}") for k in ("contribution", "pull") for s in ("primary", "secondary", "tertiary")]
    rep = consistency.check(ds, relations=rel)
    c = one(rep, "contribution_sum", "contribution_primary", "1980")
    assert c.verdict == "consistent"
    assert c.computed == pytest.approx(25.1 + 43.2 + 31.7)
    assert c.published == 100
    p = one(rep, "pull_sum", "pull_primary", "1980")
    assert p.verdict == "consistent"
    assert p.computed == pytest.approx(4.6 + 8.0 + 5.8)
    assert p.published == pytest.approx(18.4)
    assert p.tolerance == pytest.approx(0.2)


def test_table_errors(seed):
    with pytest.raises(ValueError, match="unknown relation kind"):
        consistency.check(seed, relations=[("ratio", "gdp", "va_industry")])
    with pytest.raises(ValueError, match="missing column 'part'"):
        consistency.check(seed, relations=[("sum", "gdp")])
    with pytest.raises(ValueError, match="more than 4 fields"):
        consistency.check(seed, relations=[("sum", "gdp", "va_industry", "", "extra")])
    with pytest.raises(ValueError, match="must be a tuple"):
        consistency.check(seed, relations=["sum,gdp,va_industry"])
    with pytest.raises(ValueError, match="must be CSV text"):
        consistency.check(seed, relations="relations.csv")
    with pytest.raises(KeyError):
        consistency.check(seed, relations=[("sum", "gdp", "va_industri")])
    with pytest.raises(ValueError, match="needs an indicator"):
        consistency.check(seed, comparators=[("mine", "self", "", None)])
    with pytest.raises(ValueError, match="units >= 1"):
        consistency.check(seed, comparators=[("mine", None, "", 0)])
    with pytest.raises(KeyError):
        consistency.check(seed, comparators=[("mine", 999999, "", None)])
