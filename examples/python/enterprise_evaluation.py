# SPDX-License-Identifier: MIT
"""A county's 亩均效益 evaluation with A/B/C/D classes and carbon-efficiency grades.

The firms are a SYNTHETIC population (seeded random numbers, not real enterprises): 200 规上
firms in four towns and three industries, scored with the Huangyan 2022 规上 scheme
(REFERENCE-METHODS G2), classed A/B/C/D by percentile (G3) and graded 1–5 by carbon
efficiency (G4) with illustrative emission factors.

Run: python examples/python/enterprise_evaluation.py
"""
from __future__ import annotations

import numpy as np
import pandas as pd

import regind
import regind.carbon
import regind.evaluation


def synthetic_firms(n: int = 200, seed: int = 2022) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    land = rng.uniform(5, 120, n)                               # 亩
    va = land * rng.lognormal(np.log(130), 0.5, n)              # 工业增加值, 万元
    return pd.DataFrame({
        "firm": [f"SYN-{i:03d}" for i in range(n)],
        "town": rng.choice(["东城街道", "西城街道", "新前街道", "院桥镇"], n),
        "industry": rng.choice(["C29 橡胶和塑料", "C34 通用设备", "C27 医药"], n),
        "land_mu": land,
        "tax": land * rng.lognormal(np.log(24), 0.6, n),       # 评价税收, 万元
        "value_added": va,
        "energy_tce": va / rng.lognormal(np.log(2.7), 0.4, n),  # 综合能耗, 吨标煤
        "emissions": np.where(rng.random(n) < 0.1, np.nan, va / rng.lognormal(np.log(4900), 0.5, n)),
        "employees": va / rng.lognormal(np.log(18), 0.3, n),
        "rd_expense": va * 3 * rng.uniform(0.0, 0.06, n),
        "revenue": va * 3,
        "electricity": va * rng.lognormal(np.log(0.12), 0.4, n),  # 万千瓦时
        "natural_gas": va * rng.uniform(0.0, 0.004, n),           # 万立方米
        "coal": np.zeros(n),
        "oil": va * rng.uniform(0.0, 0.002, n),
        "green_power": va * rng.uniform(0.0, 0.01, n),
    }).set_index("firm")


def main() -> None:
    firms = synthetic_firms()
    print("SYNTHETIC population: 200 规上 firms (seeded random numbers, not real data)")
    scheme = regind.evaluation.preset("huangyan_2022_above_size")
    print(f"scheme {scheme.name} ({scheme.year}): terms {', '.join(scheme.terms)}")
    result = regind.evaluation.evaluate(firms, scheme)
    counts = result["class"].value_counts()
    print("A/B/C/D (floor of n·p): " + ", ".join(f"{c} {counts[c]}" for c in "ABCD"))
    print("top five:")
    for firm, row in result.sort_values("rank").head(5).iterrows():
        print(f"  {int(row['rank']):>3}  {firm}  score {row['score']:7.2f}  class {row['class']}")
    towns = regind.evaluation.rollup(firms.reset_index(), scheme, by="town")
    print("per town: firms, A, D, 亩均税收 (万元/亩), mean score")
    for town, row in towns.iterrows():
        print(f"  {town}  {int(row['firms']):>3}  A {int(row['A']):>2}  D {int(row['D']):>2}  {row['tax_per_mu']:6.2f}  "
              f"{row['mean_score']:6.1f}")
    grades = regind.carbon.grades(firms.reset_index(), factors="illustrative")
    print("carbon grades (illustrative factors): " + ", ".join(
        f"grade {g} {int((grades['grade'] == g).sum())}" for g in regind.carbon.GRADES))
    by_industry = regind.carbon.rollup(firms.reset_index(), grades, by="industry")
    for industry, row in by_industry.iterrows():
        print(f"  {industry}  L {row['L']:.3f} t/万元  low {int(row['low'])}  medium {int(row['medium'])}  "
              f"high {int(row['high'])}")


if __name__ == "__main__":
    main()
