# SPDX-License-Identifier: MIT
"""Enterprise evaluation and carbon grades (REFERENCE-METHODS G2–G4). Expected values are hand
arithmetic written here from the G2 formula, the G3 cut table and the G4 boundaries."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import regind
from regind import evaluation as ev
from regind import carbon

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    """The environment with PYTHONPATH made absolute (the examples run from tests/)."""
    env = dict(os.environ)
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(str(Path(p).resolve()) for p in env["PYTHONPATH"].split(os.pathsep) if p)
    return env
NAN = float("nan")

# Huangyan 2022 规上 benchmarks (G2).
B = {"tax": 24.097, "va": 136.16, "energy": 2.694, "emis": 4929.81, "lab": 18.14, "rd": 0.0302}


def firm(m_tax: float, m: float, emissions_missing: bool = False) -> dict[str, float]:
    """A firm on 10 亩 with 亩均税收 m_tax × benchmark and every other indicator m × benchmark."""
    va = B["va"] * 10 * m
    return {"tax": B["tax"] * 10 * m_tax, "land_mu": 10.0, "value_added": va, "energy_tce": va / (B["energy"] * m),
            "emissions": NAN if emissions_missing else va / (B["emis"] * m), "employees": va / (B["lab"] * m),
            "rd_expense": B["rd"] * 1000 * m, "revenue": 1000.0}


@pytest.fixture()
def four() -> pd.DataFrame:
    return pd.DataFrame([firm(1, 1), firm(2, 2), firm(0.5, 1, True), firm(0, 1)], index=["F1", "F2", "F3", "F4"])


def test_huangyan_2022_above_size_worked_by_hand(four):
    # F1 at every benchmark: 30 + 20 + 20 + 10 + 10 + 10 = 100; F2 at twice: 200.
    # F3: 亩均税收 half (15), emissions missing → average emission term of F1, F2, F4
    #     (10 + 20 + 10) / 3 = 13.333…; 15 + 20 + 20 + 13.333… + 10 + 10 = 88.333….
    # F4: no tax → 70.
    r = ev.evaluate(four, ev.preset("huangyan_2022_above_size"))
    assert r["score"].tolist() == pytest.approx([100, 200, 15 + 20 + 20 + 40 / 3 + 10 + 10, 70], rel=1e-12)
    assert r.loc["F3", "term_va_per_emission"] == pytest.approx(40 / 3)
    assert math.isnan(r.loc["F3", "x_va_per_emission"])
    assert r.loc["F1", "x_tax_per_mu"] == pytest.approx(24.097)
    assert r["rank"].tolist() == [2, 1, 3, 4]
    assert r["percentile"].tolist() == [0.5, 0.25, 0.75, 1.0]
    # floor(4 · 0.25) = 1 → A; floor(2.8) = 2 → B; floor(3.8) = 3 → C; D.
    assert r["class"].astype(str).tolist() == ["B", "A", "C", "D"]
    assert list(r.index) == ["F1", "F2", "F3", "F4"]


def test_huangyan_below_size_and_2021():
    d = pd.DataFrame({"tax": [231.864], "land_mu": [10.0], "electricity": [1000.0]})
    # 亩均税收 23.1864 / 11.5932 = 2 → 100; 单位电耗税收 0.231864 / 0.2352 × 50 = 49.2908…
    assert ev.evaluate(d, "huangyan_2022_below_size")["score"][0] == pytest.approx(100 + 0.231864 / 0.2352 * 50)
    assert ev.evaluate(d, "huangyan_2021_below_size")["score"][0] == pytest.approx(
        23.1864 / 16.601058 * 50 + 0.231864 / 0.236565 * 50)
    at22 = pd.DataFrame([firm(1, 1)])
    expect = (30 * 24.097 / 26.01 + 20 * 136.16 / 132.27 + 20 * 2.694 / 2.54 + 10 * 4929.81 / 4861.08
              + 10 * 18.14 / 17.45 + 10 * 0.0302 / 0.0305)
    assert ev.evaluate(at22, "huangyan_2021_above_size")["score"][0] == pytest.approx(expect)
    assert set(ev.PRESETS) >= {"huangyan_2022_above_size", "huangyan_2022_below_size", "huangyan_2021_above_size",
                               "carbon_efficiency"}


def _identity(**classes) -> dict:
    spec = {"name": "identity", "terms": [{"name": "v", "numerator": "v", "weight": 1,
                                            "benchmark": {"rule": "fixed", "value": 1}}]}
    if classes:
        spec["classes"] = classes
    return spec


def test_class_boundaries_floor_and_ceil():
    # Scores 10 … 1. floor: A 2 (2.5), B to 7, C to 9, D 1. ceil: A 3, B 7 (10 · 0.7 is 7), C 10, D 0.
    d = pd.DataFrame({"v": [10.0, 9, 8, 7, 6, 5, 4, 3, 2, 1]})
    cuts = [[0.25, "A"], [0.70, "B"], [0.95, "C"], [1.0, "D"]]
    floor = ev.evaluate(d, _identity(basis="percentile", cuts=cuts, rounding="floor"))
    assert "".join(floor["class"].astype(str)) == "AABBBBBCCD"
    ceil = ev.evaluate(d, _identity(basis="percentile", cuts=cuts, rounding="ceil"))
    assert "".join(ceil["class"].astype(str)) == "AAABBBBCCC"
    # 20 firms, floor: 5, 14, 19, 20.
    d20 = pd.DataFrame({"v": np.arange(20.0, 0, -1)})
    counts = ev.evaluate(d20, _identity())["class"].value_counts()
    assert (counts["A"], counts["B"], counts["C"], counts["D"]) == (5, 9, 5, 1)


def test_score_cuts_exclusions_bonus_penalty_and_reweight():
    spec = {
        "name": "county", "year": 2022,
        "terms": [{"name": "a", "numerator": "a", "weight": 60, "cap": 1.5},
                  {"name": "b", "numerator": "b", "weight": 40, "missing": "reweight", "floor": 0}],
        "bonuses": [{"column": "patents", "per_unit": 2, "max": 5}],
        "penalties": [{"column": "violations", "per_unit": 10}],
        "exclusions": [{"column": "age_years", "op": "<", "value": 2, "label": "不定等级"}],
        "classes": {"basis": "value", "side": "ge", "cuts": [[150, "优"], [100, "良"], [None, "差"]]},
    }
    d = pd.DataFrame({"a": [1, 3, 2, 2], "b": [4, NAN, 0, 1], "patents": [0, 4, NAN, 0],
                      "violations": [0, 0, 1, 0], "age_years": [5, 5, 5, 1]})
    r = ev.evaluate(d, spec)
    # means over the evaluated firms 0–2: a (1 + 3 + 2) / 3 = 2; b (4 + 0) / 2 = 2.
    # firm 0: 60 · 0.5 + 40 · 2 = 110. firm 1: a capped at 1.5 → 90, reweighted 90 · 100 / 60 = 150,
    # bonus min(8, 5) = 5 → 155. firm 2: 60 + 0 − 10 = 50. firm 3 excluded (age 1).
    assert r["score"][:3].tolist() == pytest.approx([110, 155, 50])
    assert r["class"].astype(str).tolist() == ["良", "优", "差", "不定等级"]
    assert r["excluded"].tolist() == [False, False, False, True]
    assert math.isnan(r["rank"][3])


def test_group_benchmarks_with_text_groups():
    spec = {"name": "g", "group_by": "industry", "terms": [{"name": "v", "numerator": "v", "benchmark": "median"}]}
    d = pd.DataFrame({"v": [1.0, 2, 3, 10, 30], "industry": ["C13", "C13", "C13", "C26", "C26"]})
    r = ev.evaluate(d, spec)
    # medians 2 and 20: 0.5, 1, 1.5, 0.5, 1.5
    assert r["score"].tolist() == pytest.approx([0.5, 1, 1.5, 0.5, 1.5])


def test_per_year_benchmarks():
    spec = {"name": "py", "year": 2021,
            "terms": [{"name": "v", "numerator": "v", "benchmark": {"rule": "per_year", "values": {"2021": 2, "2022": 4}}}]}
    d = pd.DataFrame({"v": [8.0]})
    assert ev.evaluate(d, spec)["score"][0] == 4
    assert ev.evaluate(d, spec, year=2022)["score"][0] == 2
    with pytest.raises(ValueError, match="no benchmark for the scheme year 2023"):
        ev.evaluate(d, spec, year=2023)


def test_rollup_per_county(four):
    four = four.assign(county=["黄岩", "黄岩", "路桥", "路桥"])
    u = ev.rollup(four, "huangyan_2022_above_size", by="county")
    # 黄岩 亩均税收 = (240.97 + 481.94) / 20 = 36.1455; 路桥 = (120.485 + 0) / 20 = 6.02425.
    assert u.loc["黄岩", "tax_per_mu"] == pytest.approx((240.97 + 481.94) / 20)
    assert u.loc["路桥", "tax_per_mu"] == pytest.approx(120.485 / 20)
    assert u.loc["黄岩", "A"] == 1 and u.loc["黄岩", "B"] == 1 and u.loc["路桥", "D"] == 1
    assert u.loc["路桥", "share_C"] == 0.5
    assert u["firms"].tolist() == [2, 2]
    # The emission term only over firms that report emissions: 路桥 has F4 only.
    assert u.loc["路桥", "va_per_emission_denominator"] == pytest.approx(1361.6 / 4929.81)


def test_json_round_trip(tmp_path):
    s = ev.preset("huangyan_2022_above_size")
    text = s.to_json()
    assert json.loads(text)["terms"][0]["benchmark"] == {"rule": "fixed", "value": 24.097}
    assert ev.Scheme.from_json(text) == s
    path = tmp_path / "scheme.json"
    s.to_json(path)
    assert ev.Scheme.from_json(path) == s
    assert ev.Scheme.from_json(str(path)) == s
    c = ev.preset("carbon_efficiency")
    assert json.loads(c.to_json())["classes"]["cuts"][-1] == [None, "5"]
    assert ev.Scheme.from_json(c.to_json()) == c
    assert "huangyan_2022_above_size" in repr(s)
    assert s.year == 2022 and s.labels == ["A", "B", "C", "D"]


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["terms"][0].update(weight="30"), "weight must be a number, not '30'"),
    (lambda d: d["terms"][0].update(weight=True), "weight must be a number"),
    (lambda d: d["terms"][0].update(weight=-1), "must be a finite number ≥ 0"),
    (lambda d: d.update(classes={"basis": "percentile", "cuts": [[0.7, "B"], [0.25, "A"], [1.0, "D"]]}),
     r"\[regind.invalid_input.class_table\] cut table out of order"),
    (lambda d: d.update(classes={"basis": "percentile", "cuts": [[0.25, "A"], [0.9, "B"]]}), "must be 1"),
    (lambda d: d.update(colour="red"), "unknown key 'colour'"),
    (lambda d: d["terms"][0].update(benchmark={"rule": "fixed"}), "must be a number, not None"),
    (lambda d: d["terms"][0].update(benchmark="fixed"), "needs its value"),
    (lambda d: d["terms"][0].update(benchmark={"rule": "average"}), "unknown benchmark rule 'average'"),
    (lambda d: d["terms"][0].update(missing="drop"), "unknown missing-term rule 'drop'"),
    (lambda d: d["terms"][0].update(floor=2, cap=1), "floor 2 is above cap 1"),
    (lambda d: d.update(terms=[]), "terms must be a non-empty list"),
    (lambda d: d.update(year="2022"), "year must be an integer"),
    (lambda d: d.update(tie_method="best"), "unknown rank method 'best'"),
    (lambda d: d["terms"].append(dict(d["terms"][0])), "appears twice"),
    (lambda d: d["classes"].update(basis="bucket"), "unknown class basis 'bucket'"),
    (lambda d: d["classes"].update(rounding="up"), "unknown rounding 'up'"),
    (lambda d: d["classes"].update(side="lt"), "unknown cut side 'lt'"),
    (lambda d: d["classes"].update(cuts=[[1.5, "A"]]), "must be in \\(0, 1\\]"),
    (lambda d: d["classes"].update(cuts="ABCD"), "cuts must be a list"),
    (lambda d: d.update(exclusions=[{"column": "age", "op": "~", "value": 2}]), "unknown comparison '~'"),
    (lambda d: d.update(exclusions=[{"column": "age", "op": "<", "value": 2, "label": "A"}]),
     "exclusion label 'A' is also a class"),
    (lambda d: d["terms"][0].update(benchmark={"rule": "per_year", "values": {"next": 2}}), "'next' is not a year"),
    (lambda d: d["terms"][0].update(benchmark={"rule": "mean", "value": 2}), "takes no value"),
    (lambda d: d.update(bonuses=[{"column": "patents", "per_unit": "two"}]), "per_unit must be a number"),
])
def test_scheme_errors(mutate, message):
    d = ev.preset("huangyan_2022_above_size").to_dict()
    mutate(d)
    with pytest.raises(regind.InvalidInput, match=message):
        ev.Scheme(d)


def test_evaluation_input_errors(four):
    with pytest.raises(regind.InvalidInput, match="unknown evaluation preset 'huangyan_2030'"):
        ev.preset("huangyan_2030")
    with pytest.raises(KeyError, match=r"\[regind.key_error.column\] unknown indicator column 'tax'; did you mean taxes"):
        ev.evaluate(four.rename(columns={"tax": "taxes"}), "huangyan_2022_above_size")
    with pytest.raises(ValueError, match="column 'tax' is not numeric"):
        ev.evaluate(four.assign(tax="many"), "huangyan_2022_above_size")
    with pytest.raises(ValueError, match="not valid JSON"):
        ev.Scheme.from_json("{not json")
    with pytest.raises(KeyError, match="unknown group column 'county'"):
        ev.rollup(four, "huangyan_2022_above_size", by="county")


# ---------------------------------------------------------------------------------------------
# Carbon grades (G4)

def test_carbon_grade_boundaries_exactly_as_g4():
    # Industry C26: L = 0.6, 1.2, 2.0, 0.2 (mean 1) → K = L → grades 1, 3, 4, 1.
    # Industry C30: L = 0.8, 2.1, 0.1, 1.0 (mean 1) → grades 2, 5, 1, 3.
    # Value added 100 万元 and an electricity factor of 5 t/万kWh: electricity = 20 L.
    L = [0.6, 1.2, 2.0, 0.2, 0.8, 2.1, 0.1, 1.0]
    d = pd.DataFrame({"electricity": [20 * x for x in L], "value_added": 100.0,
                      "industry": ["C26"] * 4 + ["C30"] * 4, "region": ["长兴", "德清"] * 4})
    g = carbon.grades(d, factors={"electricity": 5.0})
    assert g["grade"].tolist() == [1, 3, 4, 1, 2, 5, 1, 3]
    assert g["K"].tolist() == pytest.approx(L)
    assert g["industry_mean_L"].tolist() == pytest.approx([1.0] * 8)
    # Levels on L: ≤ 0.6 low, ≤ 2.0 medium, > 2.0 high.
    assert g["level"].astype(str).tolist() == ["low", "medium", "medium", "low", "medium", "high", "low", "medium"]
    by_industry = carbon.rollup(d, g, by="industry")
    assert by_industry.loc["C26", "L"] == pytest.approx(1.0)
    assert by_industry.loc["C30", ["grade_1", "grade_2", "grade_3", "grade_4", "grade_5"]].tolist() == [1, 1, 1, 0, 1]
    by_region = carbon.rollup(d, g, by="region")
    # 长兴: L 0.6, 2.0, 0.8, 0.1 → CO2 60 + 200 + 80 + 10 = 350 t over 400 万元.
    assert by_region.loc["长兴", "co2_t"] == pytest.approx(350)
    assert by_region.loc["长兴", "L"] == pytest.approx(350 / 400)
    assert by_region.loc["长兴", "high"] == 0 and by_region.loc["德清", "high"] == 1


def test_carbon_netting_missing_and_errors():
    d = pd.DataFrame({"electricity": [10.0, 10.0], "green_power": [4.0, NAN], "value_added": [10.0, 10.0],
                      "industry": [1, 1]})
    g = carbon.grades(d, factors={"electricity": 5.0, "green_power": -5.0})
    assert g["co2_t"][0] == 30
    assert math.isnan(g["co2_t"][1])
    assert g["grade"].isna().tolist() == [False, True]
    assert carbon.grades(d, factors={"electricity": 5.0, "green_power": -5.0}, missing_fuel_is_zero=True)["co2_t"][1] == 50
    assert carbon.factors()["electricity"] == 5.703
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.emission_factors\] factor for 'electricity' must be a number"):
        carbon.grades(d, factors={"electricity": "five"})
    with pytest.raises(ValueError, match="unknown factor preset 'ipcc'"):
        carbon.grades(d, factors="ipcc")
    with pytest.raises(KeyError, match="unknown indicator column 'coal'"):
        carbon.grades(d, factors={"coal": 1.9})
    with pytest.raises(ValueError, match="no emission factors"):
        carbon.grades(d, factors={})


def test_enterprise_evaluation_example():
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "enterprise_evaluation.py")],
                          capture_output=True, text=True, check=True, cwd=ROOT / "tests", env=_env())
    out = done.stdout
    assert "SYNTHETIC" in out
    assert "huangyan_2022_above_size" in out
    assert "A/B/C/D (floor of n·p): A 50, B 90, C 50, D 10" in out
    assert "carbon grades" in out


# -- JSON read and written by both languages -------------------------------------------------------
@pytest.mark.parametrize("name", ev.PRESETS)
def test_python_and_cpp_read_each_others_scheme_json(name):
    scheme = ev.preset(name)
    # Python writes, C++ reads: the same scheme.
    from_cpp = ev.Scheme(regind._core.evaluation_scheme_from_json(scheme.to_json(), f"{name}.json"))
    assert from_cpp == scheme
    # C++ writes, Python reads: the same scheme, and the same text once more.
    cpp_text = regind._core.evaluation_scheme_to_json(scheme._d)  # the validated dict, infinities kept
    assert ev.Scheme.from_json(cpp_text) == scheme
    assert regind._core.evaluation_scheme_to_json(ev.Scheme.from_json(cpp_text)._d) == cpp_text


def test_cpp_json_reader_names_the_line_of_a_syntax_error():
    with pytest.raises(regind.ParseError, match=r"\[regind.parse_error.json\] mine.json:3:"):
        regind._core.evaluation_scheme_from_json('{"name": "x",\n "terms": [],\n "year" 2022}', "mine.json")
