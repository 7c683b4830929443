# SPDX-License-Identifier: MIT
from __future__ import annotations

import math

import pandas as pd
import pytest

import regind


@pytest.fixture(scope="module")
def seed() -> regind.Dataset:
    return regind.datasets.seed_facts()


def _find(targets, indicator, kind):
    hits = [t for t in targets if t.indicator == indicator and t.kind == kind and not t.comparator]
    assert len(hits) == 1, (indicator, kind, hits)
    return hits[0]


def test_jiaxing_goals_with_their_bases(seed):
    goals = seed.targets(region="嘉兴", period="2022")
    assert len(goals) >= 25
    va = _find(goals, "va_industry", "growth_at_least")
    assert (va.value, str(va.unit), va.qualifier, va.price_basis) == (8.0, "%", "at_least", "comparable")
    assert (va.base_value, str(va.base_period), str(va.base_unit)) == (2594.5, "2021", "亿元")
    assert va.implied_level() == pytest.approx(2594.5 * 1.08, rel=1e-15)
    assert round(va.implied_level(), 2) == 2802.06
    inv = _find(goals, "inv_industry", "level_at_least")
    assert inv.base_value == 883.4
    assert inv.required_growth() == pytest.approx(970 / 883.4 - 1, rel=1e-15)
    assert f"{100 * inv.required_growth():.2f}" == "9.80"
    inv_g = _find(goals, "inv_industry", "growth_at_least")
    assert round(inv_g.implied_level(), 2) == 971.74
    assert all(t.span is not None and t.doc == "002_0aa44b95e84d5610" for t in goals)


def test_huzhou_2016_targets(seed):
    goals = seed.targets(region="湖州", period="2016")
    kinds = {(t.indicator, t.kind) for t in goals}
    assert ("inv_industry", "growth_at_least") in kinds
    assert ("industrial_robots_new", "count_at_least") in kinds
    report = regind.track(goals, seed, as_of="2016")
    frame = report.to_pandas()
    row = frame[(frame.indicator == "inv_industry") & (frame.kind == "growth_at_least")].iloc[0]
    assert row.gap_pp == pytest.approx(10.7 - 7, rel=1e-12)
    assert row.achieved and row.status == "achieved" and row.colour == "green"
    assert "status" in frame.columns and len(frame) == len(goals)
    text = str(report)
    assert text.startswith("Targets as of 2016 (rules: cn_time_progress)")
    assert "工业投资" in text


def test_track_year_to_date_and_custom_rules():
    ds = regind.Dataset()
    ds.add("嘉兴", "2021", "va_industry", "level", 1000)
    ds.add("嘉兴", "2022", "va_industry", "target_growth_pct", 8)
    ds.add("嘉兴", "2022年1-6月", "va_industry", "level", 511.2)
    ds.add("嘉兴", "2022年1-6月", "va_industry", "growth_pct", 6.5)
    report = regind.track(ds.targets(), ds, as_of="2022-01..06")
    row = report.to_pandas().iloc[0]
    assert row.time_progress_pct == 50
    assert row.gap_pp == pytest.approx(-1.5)
    # A5: B = 1000, P_6 = 480, C_6 = 511.2, G* = 8 % → 568.8 / 520 − 1 = 9.3846 %.
    assert row.required_rest_growth_pct == pytest.approx(100 * (568.8 / 520 - 1), rel=1e-12)
    assert row.status == "behind" and row.colour == "yellow"
    strict = pd.DataFrame({"metric": ["gap_pp", "gap_pp"], "op": [">=", "*"], "threshold": [0.0, 0.0],
                           "label": ["ok", "late"], "colour": ["green", "red"]})
    assert regind.track(ds.targets(), ds, as_of="2022-01..06", rules=strict).status == ["late"]
    assert regind.track(ds.targets(), ds, as_of="2021").status == ["not_started"]
    assert regind.track(ds.targets(), regind.Dataset(), as_of="2022").status == ["no_data"]
    assert "TargetReport(as_of='2022-01..06', targets=1, behind=1)" == repr(report)


def test_rule_tables_and_errors():
    t = regind.RuleTable.preset("cn_time_progress")
    assert t.evaluate({"gap_pp": -2.0}) == ("behind", "yellow")
    assert t.evaluate({}) is None
    assert regind.targets.rule_table(t.to_csv_string().splitlines() and t) is t
    again = regind.RuleTable.from_csv_string(t.to_csv_string())
    assert again.rules() == t.rules()
    with pytest.raises(ValueError, match="unknown rule table preset 'nope'"):
        regind.RuleTable.preset("nope")
    with pytest.raises(ValueError, match="unknown comparison '=>'"):
        regind.RuleTable("x", [("gap_pp", "=>", 0.0, "a", "b")])
    with pytest.raises(ValueError, match="lacks column"):
        regind.targets.rule_table(pd.DataFrame({"metric": ["gap_pp"]}))
    with pytest.raises(ValueError, match="unknown target kind 'grow'"):
        regind.Target(330400, "va_industry", "2022", "grow", 8, "%")
    with pytest.raises(regind.UnitError, match="needs a ratio unit"):
        regind.Target(330400, "va_industry", "2022", "growth_at_least", 8, "亿元")
    with pytest.raises(ValueError, match="finite"):
        regind.Target(330400, "va_industry", "2022", "level_at_least", math.nan, "亿元")
    t = regind.Target(330400, "va_industry", "2022", "rank_at_most", 3, "位")
    assert t.kind == "rank_at_most" and t.implied_level() is None


def test_progress_methods_match_the_open_sdg_oracles():
    a = regind.progress.statcan_progress(50, 60, 80, t0=2015, t=2020, T=2030)
    assert a["statistic"] == pytest.approx(1.166752, abs=1e-6)
    assert (a["category"], round(a["score"], 4)) == ("substantial", 4.0483)
    u = regind.progress.unsd_projected_endpoint(50, 60, 80, t0=2015, t=2020, T=2030)
    assert u["inputs"]["projected"] == pytest.approx(86.4) and u["statistic"] == pytest.approx(1.213333, abs=1e-6)
    n = regind.progress.statcan_progress(20, 18, 10, t0=2015, t=2020, T=2030, direction=-1)
    assert (round(n["statistic"], 6), n["category"]) == (0.461744, "limited")
    c = regind.progress.statcan_progress(95, 97, t0=2015, t=2020, limit=100)
    assert round(c["inputs"]["limit_factor"], 6) == 0.20367 and c["score"] == 5
    e = regind.progress.eurostat_pace(50, 60, 80, t0=2015, t=2020, T=2030)
    assert e["category"] == "significant_progress"
    s = regind.progress.escap_progress([2015, 2016, 2017], [100, 105, 110.25], 200, T=2030)
    assert s["inputs"]["projected"] == pytest.approx(100 * 1.05 ** 15, rel=1e-12)
    with pytest.raises(ValueError, match="direction"):
        regind.progress.eurostat_pace(50, 60, 80, t0=2015, t=2020, T=2030, direction=2)
    with pytest.raises(ValueError, match="needs its year"):
        regind.progress.statcan_progress(50, 60, 80, t0=2015, t=2020)
